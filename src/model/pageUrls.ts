/**
 * Page URLs: the one module that spells the address of a page, for the app's links, the build's prerender
 * list and the tests. Pure (no DOM, no Node), so every side can use it. Data URLs are paths.ts's job.
 *
 * Slugs can be any script (`평양`), so every segment is percent-encoded; ids are lower-case ASCII by
 * the schema's pattern, so encoding leaves them as they are.
 */

/** `/articles/{id}` */
export function articleUrl(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

/** `/tags/{slug}` (first page) */
export function tagUrl(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`;
}

/** `/authors/{slug}` (first page) */
export function authorUrl(slug: string): string {
  return `/authors/${encodeURIComponent(slug)}`;
}

/** `/sections/{slug}` (first page) */
export function sectionUrl(slug: string): string {
  return `/sections/${encodeURIComponent(slug)}`;
}

export interface FrontQuery {
  /** Tag slugs in the order chosen (an AND). */
  tags?: readonly string[];
  /** 1-based; page 1 is left out of the URL. */
  page?: number;
}

/** `/`, `/?tag=a&tag=b`, `/?tag=a&page=2`: the front page with its filter and page. */
export function frontUrl({ tags = [], page = 1 }: FrontQuery = {}): string {
  const params = new URLSearchParams();
  for (const tag of tags) params.append('tag', tag);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** `?page=N` on a list page's path (a tag's, an author's or a section's); page 1 is the path itself. */
export function pagedUrl(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}
