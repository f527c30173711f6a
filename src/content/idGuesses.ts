/**
 * "Did you mean": the articles whose ids (or aliases) are nearest to an id that was not found. The build files
 * every id under its first two characters (`idShardOf`), so the not-found page fetches one small shard, never a
 * list of the whole newsroom; a typo in the first two characters is the one kind this cannot catch.
 */
import { slugify } from './slug';

export interface IdEntry {
  /** An id or alias, as it appears in URLs. */
  name: string;
  /** The article it leads to. */
  id: string;
  headline: string;
}

/** How alike two ids must be (0–1) to be offered. */
export const GUESS_THRESHOLD = 0.6;
export const GUESS_LIMIT = 3;

/** The shard an id is filed under, or "" for text that slugifies to nothing. */
export function idShardOf(text: string): string {
  return slugify(text).slice(0, 2);
}

/** Levenshtein distance, one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * 0–1. A URL cut short (or with something appended) is the commonest broken link, so one id that begins the
 * other scores at least 0.9; otherwise it is one minus the edit distance over the longer length.
 */
export function idSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.startsWith(shorter) && shorter.length >= 3) return 0.9 + (0.1 * shorter.length) / longer.length;
  return 1 - editDistance(a, b) / longer.length;
}

/** The nearest articles to `requested`, best first, each article once. */
export function nearestIds(requested: string, entries: readonly IdEntry[], limit = GUESS_LIMIT): IdEntry[] {
  const wanted = slugify(requested);
  const best = new Map<string, { entry: IdEntry; score: number }>();
  for (const entry of entries) {
    const score = idSimilarity(wanted, entry.name);
    if (score < GUESS_THRESHOLD || entry.name === wanted) continue;
    const known = best.get(entry.id);
    if (!known || score > known.score) best.set(entry.id, { entry, score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1))
    .slice(0, limit)
    .map(({ entry }) => entry);
}
