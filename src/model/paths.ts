/**
 * Where compiled documents and images live: the one place the app and the compiler agree on
 * URLs. Free of zod, so the app's first-render code does not carry the validators.
 */
import { isReservedFileName } from './slug.ts';

/** The URL of each compiled document. */
export const dataPath = {
  site: () => '/data/site.json',
  index: (page: number) => `/data/index/${page}.json`,
  allTags: () => '/data/tags/all.json',
  topTags: () => '/data/tags/top.json',
  tagPage: (slug: string, page: number) => `/data/tags/${encodeURIComponent(slug)}/${page}.json`,
  tagFacet: (slug: string) => `/data/facets/${encodeURIComponent(slug)}.json`,
  sectionPage: (slug: string, page: number) => `/data/sections/${encodeURIComponent(slug)}/${page}.json`,
  authorPage: (slug: string, page: number) => `/data/authors/${encodeURIComponent(slug)}/${page}.json`,
  article: (id: string) => `/data/articles/${encodeURIComponent(id)}.json`,
  /**
   * Ids and aliases filed by their first characters (see model/idGuesses.ts). A prefix such as `con` (of
   * `congress-votes`) is a name Windows reserves, so it is filed as `con_`; ids never contain `_`.
   */
  idShard: (shard: string) => `/data/ids/${encodeURIComponent(isReservedFileName(shard) ? `${shard}_` : shard)}.json`,
};

/** Where an image referenced by a content-relative path is served from. */
export function mediaUrl(src: string): string {
  return src.startsWith('https://') ? src : `/media/${src.split('/').map(encodeURIComponent).join('/')}`;
}
