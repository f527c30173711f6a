/** The text of an article as search reads it: plain words, inline marks and link targets removed. */
import { plainText } from '../../src/model/inline.ts';
import type { CompiledArticle } from '../../src/model/compiled.ts';

/** The body: section headings, paragraphs, quotes with their attribution, list items, figure captions. */
export function bodyText(article: Pick<CompiledArticle, 'sections'>): string {
  const parts: string[] = [];
  for (const section of article.sections) {
    if (section.heading) parts.push(section.heading);
    for (const block of section.blocks) {
      switch (block.type) {
        case 'paragraph':
          parts.push(plainText(block.text));
          break;
        case 'quote':
          parts.push(plainText(block.text));
          if (block.attribution) parts.push(block.attribution);
          break;
        case 'list':
          for (const item of block.items) parts.push(plainText(item));
          break;
        case 'image':
          if (block.caption) parts.push(block.caption);
          break;
      }
    }
  }
  return parts.join('\n');
}

/** Tag labels, the section and the authors' names: short labels that weigh like the standfirst. */
export function labelText(article: Pick<CompiledArticle, 'tags' | 'section' | 'byline'>): string {
  return [...(article.tags ?? []), article.section ?? '', ...article.byline.map((author) => author.name)].join('\n');
}
