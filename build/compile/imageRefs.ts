import type { Article } from '../../src/model/schema.ts';

export interface ImageRef {
  src: string;
  path: string;
}

const remembered = new WeakMap<Article, ImageRef[]>();

/**
 * Remembers an article's images as found when it was validated: the article cache keeps them with the article, so
 * that checking them (every compile) does not read the article's sections (incremental/articleCache.ts).
 */
export function rememberImageRefs(article: Article, refs: ImageRef[]): void {
  remembered.set(article, refs);
}

/** Images an article references, with the JSON path of each `src`. */
export function imageRefs(article: Article): ImageRef[] {
  const known = remembered.get(article);
  if (known) return known;
  const refs: ImageRef[] = [];
  if (article.image) refs.push({ src: article.image.src, path: 'image.src' });
  article.sections.forEach((section, s) =>
    section.blocks.forEach((block, b) => {
      if (block.type === 'image') refs.push({ src: block.src, path: `sections[${s}].blocks[${b}].src` });
    }),
  );
  return refs;
}
