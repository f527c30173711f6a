/** Reading time and section anchors: derived from an article, shared by the page and its tests. */
import { plainText } from './inline.ts';
import { slugify } from './slug.ts';
import type { Article, Block } from './schema.ts';

const WORDS_PER_MINUTE = 230;

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'quote':
      return plainText(block.text);
    case 'list':
      return block.items.map(plainText).join(' ');
    case 'image':
      return block.caption ?? '';
  }
}

export function wordCount(article: Pick<Article, 'headline' | 'standfirst' | 'sections'>): number {
  const text = [
    article.headline,
    article.standfirst ? plainText(article.standfirst) : '',
    ...article.sections.flatMap((section) => [section.heading ?? '', ...section.blocks.map(blockText)]),
  ].join(' ');
  return (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** An id for each headed section, from its heading, unique within the article ("section-2" if none). */
export function sectionAnchors(sections: readonly { heading?: string }[]): (string | undefined)[] {
  const used = new Set<string>();
  return sections.map((section) => {
    if (!section.heading) return undefined;
    const base = slugify(section.heading) || 'section';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}
