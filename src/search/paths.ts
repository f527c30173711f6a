/**
 * Where the search index's files live: the one place the index build and the app agree on them. Free of the
 * index's code, so the app's shared chunk names these paths without carrying it.
 */
const ROOT = '/data/search';

export const searchPath = {
  meta: () => `${ROOT}/meta.json`,
  wordBucket: (bucket: number) => `${ROOT}/words/${bucket}.json`,
  tagBucket: (bucket: number) => `${ROOT}/tags/${bucket}.json`,
  /** A long list, named by its term's hash (postings.ts's termHash), so any script makes a safe file name. */
  ownList: (hash: number) => `${ROOT}/own/${hash.toString(36)}.json`,
  /** The record at `place` (0 = the oldest) among those of `month` (`2026-03`); see recordPath. */
  record: (month: string, place: number) => `${ROOT}/docs/${month}/${place}.json`,
};

/**
 * Document `n`'s record (0 = the oldest article), found from the meta file's months (documents.ts's SearchMeta);
 * undefined past the last.
 */
export function recordPath(meta: { months: readonly (readonly [string, number])[] }, n: number): string | undefined {
  let place = n;
  for (const [month, count] of meta.months) {
    if (place < count) return place >= 0 ? searchPath.record(month, place) : undefined;
    place -= count;
  }
  return undefined;
}
