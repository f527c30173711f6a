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
  /** Document `n` (0 = the oldest article). */
  record: (n: number) => `${ROOT}/docs/${n}.json`,
};
