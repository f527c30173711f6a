import { Link } from 'react-router';
import { usePrefetchArticle } from '../hooks/usePrefetchArticle';
import { webpSrcSet } from '../model/images';
import { plainText } from '../model/inline';
import { articleUrl, tagUrl } from '../model/pageUrls';
import { mediaUrl } from '../model/paths';
import { slugify } from '../model/slug';
import { Dateline } from './Dateline';
import type { Card } from '../model/compiled';
import type { ReactNode } from 'react';

/** A card names a few tags; the article page lists them all. */
const CARD_TAGS = 3;

/** How much weight a card is given: the lead story the most, then the top stories, then the rest of a list. */
export type CardWeight = 'lead' | 'top' | 'standard';

const LAYOUT: Record<CardWeight, { article: string; picture: string; sizes: string; headline: string }> = {
  lead: {
    article: 'flex flex-col gap-4 md:grid md:grid-cols-[3fr_2fr] md:items-start md:gap-8',
    picture: 'w-full',
    sizes: '(min-width: 48rem) 36rem, 100vw',
    headline: 'text-3xl sm:text-4xl',
  },
  top: {
    article: 'flex flex-col gap-3',
    picture: 'w-full',
    sizes: '(min-width: 48rem) 24rem, 100vw',
    headline: 'text-2xl',
  },
  standard: {
    article: 'flex flex-row-reverse items-start justify-end gap-4',
    picture: 'w-24 sm:w-32',
    sizes: '8rem',
    headline: 'text-xl',
  },
};

interface ArticleCardProps {
  card: Card;
  weight?: CardWeight;
  /** Why this card is shown, e.g. "Also tagged North Korea news". */
  note?: string;
  headingLevel?: 'h2' | 'h3';
  /** Shown under the standfirst: a search result's excerpt with the matching words marked. */
  excerpt?: ReactNode;
}

export function ArticleCard({
  card,
  weight = 'standard',
  note,
  headingLevel: Heading = 'h2',
  excerpt,
}: ArticleCardProps) {
  const prefetch = usePrefetchArticle<HTMLAnchorElement>(card.id);
  const webp = card.image ? webpSrcSet(card.image) : '';
  const lead = weight === 'lead';
  const layout = LAYOUT[weight];
  return (
    <article className={layout.article}>
      {card.image && (
        <picture className={`block shrink-0 ${layout.picture}`}>
          {webp && <source type="image/webp" srcSet={webp} sizes={layout.sizes} />}
          <img
            src={mediaUrl(card.image.src)}
            alt=""
            width={card.image.width}
            height={card.image.height}
            loading={lead ? 'eager' : 'lazy'}
            decoding="async"
            className={`h-auto w-full rounded-sm bg-neutral-100 object-cover dark:bg-neutral-800 ${weight === 'standard' ? 'aspect-[4/3]' : weight === 'top' ? 'aspect-[3/2]' : ''}`}
          />
        </picture>
      )}
      <div className="min-w-0 flex-1">
        {card.section && (
          <p className="text-xs font-semibold tracking-wider text-red-700 uppercase dark:text-red-400">
            {card.section}
          </p>
        )}
        <Heading className={`font-serif font-bold ${layout.headline} leading-tight`}>
          <Link
            to={articleUrl(card.id)}
            {...prefetch}
            className="text-neutral-900 no-underline hover:underline dark:text-neutral-100"
          >
            {card.headline}
          </Link>
        </Heading>
        {card.standfirst && (
          <p className={`mt-1 text-neutral-700 dark:text-neutral-300 ${lead ? 'text-lg' : 'line-clamp-3'}`}>
            {plainText(card.standfirst)}
          </p>
        )}
        {excerpt && <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">{excerpt}</p>}
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm">
          <Dateline publishedAt={card.publishedAt} compact />
          {note && <span className="text-neutral-600 dark:text-neutral-400">{note}</span>}
        </p>
        {!note && card.tags && card.tags.length > 0 && (
          <ul aria-label="Tags" className="mt-1 flex list-none flex-wrap gap-x-2 p-0 text-xs">
            {card.tags.slice(0, CARD_TAGS).map((tag) => (
              <li key={tag}>
                {/* At least 24 px tall, so each tag is an easy target on a touch screen. */}
                <Link
                  to={tagUrl(slugify(tag))}
                  className="inline-flex min-h-6 items-center px-1 text-neutral-600 dark:text-neutral-400"
                >
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
