/**
 * The front page's state lives in the URL only: `?tag=a&tag=b&page=N`.
 * Parsing never throws: junk is dropped, so any URL a reader types or bookmarks renders. Writing the URL of a
 * state is `frontUrl` (model/pageUrls.ts), with every other page URL.
 */
import { slugify } from '../model/slug';

/** More tags than this in one AND cannot narrow a newsroom usefully; the rest are ignored. */
export const MAX_FILTER_TAGS = 8;

export interface FrontState {
  /** Tag slugs, in the order chosen, without repeats. */
  tags: string[];
  page: number;
}

export function parsePage(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value.trim())) return 1;
  const page = Number(value.trim());
  return page >= 1 ? page : 1;
}

export function parseFrontState(params: URLSearchParams): FrontState {
  const tags: string[] = [];
  for (const raw of params.getAll('tag')) {
    // A label typed by hand ("North Korea news") is read as its slug.
    const slug = slugify(raw);
    if (slug && !tags.includes(slug)) tags.push(slug);
    if (tags.length === MAX_FILTER_TAGS) break;
  }
  return { tags, page: parsePage(params.get('page')) };
}

export const withTag = (state: FrontState, slug: string): FrontState => ({
  tags: state.tags.includes(slug) ? state.tags : [...state.tags, slug],
  page: 1,
});

export const withoutTag = (state: FrontState, slug: string): FrontState => ({
  tags: state.tags.filter((tag) => tag !== slug),
  page: 1,
});
