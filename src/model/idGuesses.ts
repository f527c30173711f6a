/**
 * "Did you mean": the articles whose ids (or aliases) are nearest to an id that was not found. The build files
 * every id under its first two characters, and a shard that would hold more than MAX_SHARD_ENTRIES is split by
 * one more character, and so on (`shardIds`). The not-found page follows that chain for the requested id
 * (`collectIdEntries`): a short chain of small requests (1–7 at 100,000 generated articles), never a list of the
 * whole newsroom. Not caught: a typo within the prefix that picks the shard, and an id cut short exactly where
 * a shard is split (its longer names live in the shards below, which are not fetched).
 */
import { slugify } from './slug.ts';
// Types only: the app's code stays free of zod, the schema stays the one definition of a shard.
import type { IdShard } from './compiled.ts';

/** An id or alias (`name`, as it appears in URLs) and the article (`id`, `headline`) it leads to. */
export type IdEntry = IdShard['entries'][number];

/** How alike two ids must be (0–1) to be offered. */
const GUESS_THRESHOLD = 0.6;
const GUESS_LIMIT = 3;

/** Entries per shard before it is split by one more character. */
export const MAX_SHARD_ENTRIES = 400;
const FIRST_PREFIX_LENGTH = 2;

/** Files entries into shards by prefix, splitting any that would be too large. */
export function shardIds(entries: readonly IdEntry[], maxEntries = MAX_SHARD_ENTRIES): IdShard[] {
  const documents: IdShard[] = [];
  const file = (prefix: string, filed: IdEntry[]) => {
    const sorted = [...filed].sort((a, b) => (a.name < b.name ? -1 : 1));
    const longer = sorted.filter((entry) => entry.name.length > prefix.length);
    if (sorted.length <= maxEntries || longer.length === 0) {
      documents.push({ shard: prefix, entries: sorted });
      return;
    }
    documents.push({
      shard: prefix,
      entries: sorted.filter((entry) => entry.name.length <= prefix.length),
      split: true,
    });
    for (const [next, group] of groupByPrefix(longer, prefix.length + 1)) file(next, group);
  };
  for (const [prefix, group] of groupByPrefix(entries, FIRST_PREFIX_LENGTH)) file(prefix, group);
  return documents;
}

function groupByPrefix(entries: readonly IdEntry[], length: number): Map<string, IdEntry[]> {
  const groups = new Map<string, IdEntry[]>();
  for (const entry of entries) {
    const prefix = entry.name.slice(0, length);
    const group = groups.get(prefix);
    if (group) group.push(entry);
    else groups.set(prefix, [entry]);
  }
  return groups;
}

/**
 * The entries worth comparing with `requested`: its first shard, and deeper shards while they are split.
 * `fetchShard` answers undefined for a shard that does not exist.
 */
export async function collectIdEntries(
  requested: string,
  fetchShard: (prefix: string) => Promise<IdShard | undefined>,
): Promise<IdEntry[]> {
  const wanted = slugify(requested);
  const collected: IdEntry[] = [];
  for (let length = FIRST_PREFIX_LENGTH; wanted.length > 0; length++) {
    const shard = await fetchShard(wanted.slice(0, length));
    if (!shard) break;
    collected.push(...shard.entries);
    if (!shard.split || wanted.length <= length) break;
  }
  return collected;
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
