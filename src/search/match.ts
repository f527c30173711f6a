/**
 * Matching and ranking over decoded postings: every term must occur (AND), then the results are ordered best first
 * (where the words occur, weighed by how rare they are) or newest first. Document numbers count from the oldest
 * article, so the newest is the highest.
 */
import { fieldsOf } from './postings.ts';

export interface TermList {
  /** Ascending document numbers. */
  documents: Int32Array;
  /** Where the term occurs in each (postings.ts's fieldCode); absent for a tag. */
  codes?: Uint8Array;
}

export interface Ranked {
  document: number;
  score: number;
}

/** What a word in each place is worth: the headline most, then the standfirst and the labels (tags, authors). */
const HEADLINE_WEIGHT = 10;
const STANDFIRST_WEIGHT = 5;
const LABEL_WEIGHT = 4;
const BODY_WEIGHT = [0, 1, 1.6, 2];

export function fieldWeight(code: number): number {
  const fields = fieldsOf(code);
  return (
    (fields.headline ? HEADLINE_WEIGHT : 0) +
    (fields.standfirst ? STANDFIRST_WEIGHT : 0) +
    (fields.label ? LABEL_WEIGHT : 0) +
    (BODY_WEIGHT[fields.body] ?? 0)
  );
}

/** Rarer words say more about an article: the usual inverse document frequency. */
const rarity = (count: number, documents: number) => Math.log(1 + documents / Math.max(1, count));

/** The documents in every list, with their score; the shortest list leads, so the work is bounded by it. */
export function intersect(lists: readonly TermList[], documents: number): Ranked[] {
  if (lists.length === 0) return [];
  const ordered = [...lists].sort((a, b) => a.documents.length - b.documents.length);
  const [first, ...rest] = ordered;
  if (!first) return [];
  const cursors = rest.map(() => 0);
  const results: Ranked[] = [];
  outer: for (let i = 0; i < first.documents.length; i++) {
    const document = first.documents[i] ?? 0;
    let score = first.codes ? fieldWeight(first.codes[i] ?? 0) * rarity(first.documents.length, documents) : 0;
    for (let l = 0; l < rest.length; l++) {
      const list = rest[l];
      if (!list) continue;
      let at = cursors[l] ?? 0;
      while (at < list.documents.length && (list.documents[at] ?? 0) < document) at++;
      cursors[l] = at;
      if (list.documents[at] !== document) continue outer;
      if (list.codes) score += fieldWeight(list.codes[at] ?? 0) * rarity(list.documents.length, documents);
    }
    results.push({ document, score });
  }
  return results;
}

/** Best first (ties: newest first), or newest first. */
export function rank(results: Ranked[], sort: 'best' | 'newest'): Ranked[] {
  return sort === 'newest'
    ? [...results].sort((a, b) => b.document - a.document)
    : [...results].sort((a, b) => b.score - a.score || b.document - a.document);
}

/** How many of `documents` (ascending) are in `list` (ascending). */
export function countIn(documents: Int32Array, list: Int32Array): number {
  let count = 0;
  let at = 0;
  for (const document of documents) {
    while (at < list.length && (list[at] ?? 0) < document) at++;
    if (at === list.length) break;
    if (list[at] === document) count++;
  }
  return count;
}
