import type { SourceFile } from '../../build/compile.ts';

/** A minimal valid article, as authored, for tests that vary one field at a time. */
export type Json = Record<string, unknown>;

export function article(id: string, fields: Json = {}): Json {
  return {
    id,
    headline: `Headline ${id}`,
    byline: [{ name: 'Ada Reporter' }],
    publishedAt: '2025-07-12T18:09:19+05:30',
    sections: [{ blocks: [{ type: 'paragraph', text: 'Body.' }] }],
    ...fields,
  };
}

/**
 * A newsroom of `count` articles `a0`, `a1`, … a day apart from 2025-01-01, by id; `fields(i)` gives the rest of
 * article i (tags, authors, sections in whatever pattern a test needs).
 */
export function articlesADayApart(count: number, fields: (i: number) => Json): Map<string, Json> {
  const articles = new Map<string, Json>();
  for (let i = 0; i < count; i++) {
    const id = `a${i}`;
    articles.set(
      id,
      article(id, { publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString(), ...fields(i) }),
    );
  }
  return articles;
}

/** Each article as the source file a content folder would hold: `articles/<id>.json`. */
export function sourcesOf(articles: Iterable<Json>): SourceFile[] {
  return [...articles].map((value) => ({ file: `articles/${String(value.id)}.json`, text: JSON.stringify(value) }));
}
