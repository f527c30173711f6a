/** A corpus for one emit step, from articles as authored (each must be valid), without the rest of the compiler. */
import { buildCorpus, type Corpus } from '../../build/compile/corpus.ts';
import { hashOf } from '../../build/incremental/buildState.ts';
import { Article } from '../../src/model/schema.ts';
import type { Emitted } from '../../build/compile/types.ts';
import type { Json } from './articleSource.ts';

export function corpusOf(
  articles: Json[],
  picks: Record<string, string[]> = {},
  edits: { pinned?: string[]; sectionOrder?: string[] } = {},
): Corpus {
  return buildCorpus(
    articles.map((value) => {
      const article = Article.parse(value);
      return {
        file: `articles/${article.id}.json`,
        article,
        hash: hashOf(JSON.stringify(value)),
        picks: picks[article.id] ?? [],
      };
    }),
    { front: { pinned: edits.pinned ?? [] }, sectionOrder: edits.sectionOrder ?? [] },
  );
}

/** An emit step's documents by decoded path, as the compiler keys them. */
export function collect<T>(emitted: Iterable<Emitted<T>>): Map<string, T> {
  const documents = new Map<string, T>();
  for (const { path, document } of emitted) {
    const key = decodeURIComponent(path);
    if (documents.has(key)) throw new Error(`${key} emitted twice`);
    documents.set(key, document);
  }
  return documents;
}

/** An ISO instant `days` days after 2025-01-01. */
export const day = (days: number) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString();
