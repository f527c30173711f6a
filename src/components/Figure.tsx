import { webpSrcSet } from '../model/images';
import { mediaUrl } from '../model/paths';
import type { Image } from '../model/schema';

interface FigureProps {
  image: Image;
  /** The lead image loads first and eagerly; images further down wait until they are near. */
  priority?: 'lead' | 'lazy';
  className?: string;
}

/** Laid out at most this wide (the article column), full width below it. */
const FIGURE_SIZES = '(min-width: 56rem) 56rem, 100vw';

export function Figure({ image, priority = 'lazy', className = '' }: FigureProps) {
  const lead = priority === 'lead';
  const webp = webpSrcSet(image);
  return (
    <figure className={`my-0 ${className}`}>
      <picture>
        {webp && <source type="image/webp" srcSet={webp} sizes={FIGURE_SIZES} />}
        <img
          src={mediaUrl(image.src)}
          alt={image.alt}
          width={image.width}
          height={image.height}
          loading={lead ? 'eager' : 'lazy'}
          decoding={lead ? 'sync' : 'async'}
          fetchPriority={lead ? 'high' : 'auto'}
          // width/height give the aspect ratio; h-auto lets CSS scale it without a layout shift.
          className="h-auto w-full rounded-sm bg-neutral-100 dark:bg-neutral-800"
        />
      </picture>
      {(image.caption || image.credit) && (
        <figcaption className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          {image.caption}
          {image.credit && (
            <span className="ml-1 text-xs tracking-wide text-neutral-600 uppercase dark:text-neutral-400">
              {image.caption ? ' ' : ''}
              <span className="sr-only">Credit: </span>
              {image.credit}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
