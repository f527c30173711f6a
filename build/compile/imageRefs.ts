import type { Article } from '../../src/model/schema.ts';

/** Images an article references, with the JSON path of each `src`. */
export function imageRefs(article: Article): { src: string; path: string }[] {
  const refs: { src: string; path: string }[] = [];
  if (article.image) refs.push({ src: article.image.src, path: 'image.src' });
  article.sections.forEach((section, s) =>
    section.blocks.forEach((block, b) => {
      if (block.type === 'image') refs.push({ src: block.src, path: `sections[${s}].blocks[${b}].src` });
    }),
  );
  return refs;
}
