/** Media: every local image an accepted article references, by the URL path it is served at. */
import { mediaUrl } from '../../src/model/paths.ts';
import { imageRefs } from './imageRefs.ts';
import type { Corpus } from './corpus.ts';

/** Decoded URL path (`/media/images/a.svg`) → content-relative source path. */
export function emitMedia({ articles }: Pick<Corpus, 'articles'>): Map<string, string> {
  const media = new Map<string, string>();
  for (const article of articles) {
    for (const { src } of imageRefs(article)) {
      if (!src.startsWith('https://')) media.set(decodeURIComponent(mediaUrl(src)), src);
    }
  }
  return media;
}
