/**
 * The search page's state lives in the URL only: `/search?q=words&tag=a&tag=b&sort=newest&page=N`.
 * Parsing never throws: whatever a reader types or bookmarks gives a state, at worst the empty search.
 */
import { parseFrontState, type FrontState } from '../filter/urlState.ts';
import { termsOf } from './analyze.ts';

/** Longer queries are cut: no reader types more, and each word costs a fetch. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 8;

type SearchSort = 'best' | 'newest';

export interface SearchState extends FrontState {
  /** The words as typed (trimmed, cut at MAX_QUERY_LENGTH): shown in the box and the heading. */
  q: string;
  sort: SearchSort;
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const sort = params.get('sort') === 'newest' ? 'newest' : 'best';
  return { q, sort, ...parseFrontState(params) };
}

/** The terms every result must contain (AND), without repeats; none for an empty or wordless query. */
export function queryTerms(q: string): string[] {
  return termsOf(q).slice(0, MAX_QUERY_TERMS);
}

/** `/search?q=…` for a state; the default sort and page 1 are left out. */
export function searchUrl({ q, tags = [], sort = 'best', page = 1 }: Partial<SearchState> & { q: string }): string {
  const params = new URLSearchParams({ q });
  for (const tag of tags) params.append('tag', tag);
  if (sort === 'newest') params.set('sort', 'newest');
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}
