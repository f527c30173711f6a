import type { Card } from '../../src/model/compiled.ts';
import type { Article } from '../../src/model/schema.ts';

export function toCard(article: Article): Card {
  const { id, headline, standfirst, section, image, byline, publishedAt, updatedAt, tags } = article;
  return { id, headline, standfirst, section, image, byline, publishedAt, updatedAt, tags };
}
