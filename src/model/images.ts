/**
 * Responsive images: the build makes WebP copies of each raster image at a few widths, named
 * after the original, so the app can write `srcset` from the image's own fields alone.
 * SVGs scale by themselves and are served as they are.
 */
import { mediaUrl } from './paths.ts';

export const RESPONSIVE_WIDTHS = [480, 960, 1600] as const;

const RASTER = /\.(jpe?g|png|webp|avif)$/i;

export const isResponsive = (src: string) => !src.startsWith('https://') && RASTER.test(src);

/** The widths to make for an image: those smaller than the original (which is always offered). */
export function variantWidths(width: number): number[] {
  return RESPONSIVE_WIDTHS.filter((candidate) => candidate < width);
}

/** `images/a.jpg` at 480 px → `images/a.jpg.480w.webp` (relative to the content folder). */
export const variantPath = (src: string, width: number) => `${src}.${width}w.webp`;

/** The variant a path names, if it names one: the inverse of variantPath, for the dev server. */
export function parseVariantPath(path: string): { src: string; width: number } | undefined {
  const match = /^(.*)\.(\d+)w\.webp$/.exec(path);
  if (!match?.[1] || !isResponsive(match[1])) return undefined;
  const width = Number(match[2]);
  return (RESPONSIVE_WIDTHS as readonly number[]).includes(width) ? { src: match[1], width } : undefined;
}

/** `srcset` of the WebP variants (empty for an image without any). */
export function webpSrcSet(image: { src: string; width: number }): string {
  if (!isResponsive(image.src)) return '';
  return variantWidths(image.width)
    .map((width) => `${mediaUrl(variantPath(image.src, width))} ${width}w`)
    .join(', ');
}
