/**
 * Where compiled documents and images live: the one place the app and the compiler agree on
 * URLs. Free of zod, so the app's first-render code does not carry the validators.
 */
/** The URL of each compiled document. */
export const dataPath = {
  site: () => '/data/site.json',
  index: (page: number) => `/data/index/${page}.json`,
  allTags: () => '/data/tags/all.json',
  tagPage: (slug: string, page: number) => `/data/tags/${encodeURIComponent(slug)}/${page}.json`,
  tagFacet: (slug: string) => `/data/facets/${encodeURIComponent(slug)}.json`,
  authorPage: (slug: string, page: number) => `/data/authors/${encodeURIComponent(slug)}/${page}.json`,
  article: (id: string) => `/data/articles/${encodeURIComponent(id)}.json`,
  /** Ids and aliases filed by their first two characters (see content/idGuesses.ts). */
  idShard: (shard: string) => `/data/ids/${encodeURIComponent(shard)}.json`,
};

/** Where an image referenced by a content-relative path is served from. */
export function mediaUrl(src: string): string {
  return src.startsWith('https://') ? src : `/media/${src.split('/').map(encodeURIComponent).join('/')}`;
}
