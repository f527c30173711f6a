/**
 * Matching and ranking over decoded postings: every term must occur (AND), then the results are ordered best first
 * (where the words occur, weighed by how rare they are) or newest first. Document numbers count from the oldest
 * article, so the newest is the highest. A common word can match most of a newsroom, so the matches stay in typed
 * arrays and only the results up to the page shown are ever put in order.
 */
import { fieldsOf } from './postings.ts';

export interface TermList {
  /** Ascending document numbers. */
  documents: Int32Array;
  /** Where the term occurs in each (postings.ts's fieldCode); absent for a tag. */
  codes?: Uint8Array;
}

export interface Matches {
  /** Ascending document numbers of the articles that contain every term. */
  documents: Int32Array;
  /** The score of each, best highest (scoreOf reads it). */
  scores?: Float64Array;
  /**
   * Instead of scores, for one word: where it occurs in each match. Its rarity is the same for every match, so the
   * weights of its codes put the matches in the same order, and a common word's 100,000 scores need not be computed.
   */
  codes?: Uint8Array;
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

const WEIGHTS = Float64Array.from({ length: 64 }, (_, code) => fieldWeight(code));

/** Rarer words say more about an article: the usual inverse document frequency. */
const rarity = (count: number, documents: number) => Math.log(1 + documents / Math.max(1, count));

/** The score of the match at `position` (scores stand for it when they are there, else the codes). */
export function scoreOf({ scores, codes }: Matches, position: number): number {
  if (scores) return scores[position] ?? 0;
  return codes ? (WEIGHTS[codes[position] ?? 0] ?? 0) : 0;
}

/** The documents in every list, with their scores; the shortest list leads, so the work is bounded by it. */
export function intersect(lists: readonly TermList[], total: number): Matches {
  const ordered = [...lists].sort((a, b) => a.documents.length - b.documents.length);
  const [first, ...rest] = ordered;
  if (!first) return { documents: new Int32Array(0) };
  // One word (the most common search): every document of its list matches, so the list is the result as it is.
  if (rest.length === 0) return first.codes ? { documents: first.documents, codes: first.codes } : first;
  const weights = ordered.map((list) => rarity(list.documents.length, total));
  const firstCodes = first.codes;
  const firstWeight = weights[0] ?? 0;
  const documents = new Int32Array(first.documents.length);
  const scores = new Float64Array(first.documents.length);
  const cursors = new Int32Array(rest.length);
  let found = 0;
  outer: for (let i = 0; i < first.documents.length; i++) {
    const document = first.documents[i] ?? 0;
    let score = firstCodes ? (WEIGHTS[firstCodes[i] ?? 0] ?? 0) * firstWeight : 0;
    for (let l = 0; l < rest.length; l++) {
      const list = rest[l];
      if (!list) continue;
      let at = cursors[l] ?? 0;
      while (at < list.documents.length && (list.documents[at] ?? 0) < document) at++;
      cursors[l] = at;
      if (list.documents[at] !== document) continue outer;
      if (list.codes) score += (WEIGHTS[list.codes[at] ?? 0] ?? 0) * (weights[l + 1] ?? 0);
    }
    documents[found] = document;
    scores[found] = score;
    found++;
  }
  return { documents: documents.slice(0, found), scores: scores.slice(0, found) };
}

/**
 * The first `count` documents in order: best first (ties: newest first), or newest first. A binary heap of `count`
 * keeps the cost to the matches times log(count), not a sort of every match. The matches are visited newest first,
 * so a later one enters the heap only with a strictly better score: most of a common word's matches tie (the word in
 * the body), and visited oldest first each of them displaced the last one in.
 */
export function firstInOrder(matches: Matches, sort: 'best' | 'newest', count: number): number[] {
  const { documents } = matches;
  const n = Math.min(count, documents.length);
  if (sort === 'newest') return Array.from(documents.subarray(documents.length - n)).reverse();
  // Positions in `documents`; a later position is a newer article, which wins a tie.
  const better = (a: number, b: number) => {
    const x = scoreOf(matches, a);
    const y = scoreOf(matches, b);
    return x > y || (x === y && a > b);
  };
  // A min-heap by `better`: heap[0] is the worst of those kept.
  const heap = new Int32Array(n);
  let size = 0;
  const swap = (i: number, j: number) => {
    const kept = heap[i] ?? 0;
    heap[i] = heap[j] ?? 0;
    heap[j] = kept;
  };
  for (let position = documents.length - 1; position >= 0 && n > 0; position--) {
    if (size < n) {
      heap[size] = position;
      for (let i = size++; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent] ?? 0, heap[i] ?? 0)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (better(position, heap[0] ?? 0)) {
      heap[0] = position;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < size && better(heap[worst] ?? 0, heap[l] ?? 0)) worst = l;
        if (r < size && better(heap[worst] ?? 0, heap[r] ?? 0)) worst = r;
        if (worst === i) break;
        swap(i, worst);
        i = worst;
      }
    }
  }
  return Array.from(heap)
    .sort((a, b) => (better(a, b) ? -1 : 1))
    .map((position) => documents[position] ?? 0);
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
