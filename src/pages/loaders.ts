/**
 * Route loaders: they start every fetch a page needs before its component renders (and while
 * its code loads), through the same query options the components read. No React here.
 */
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { NotFoundError } from '../api/errors';
import { articleQuery, authorPageQuery, indexPageQuery, siteQuery, tagFacetQuery, tagPageQuery } from '../api/queries';
import { filterByTags, locatePage, pageCountOf, pickPivot } from '../filter/tagFilter';
import { type FrontState, frontHref, pagedHref, parseFrontState, parsePage } from '../filter/urlState';
import type { Card, TagCount } from '../model/compiled';
import type { QueryClient } from '@tanstack/react-query';

export type FrontView =
  | { kind: 'all'; state: FrontState; items: Card[]; total: number; pageCount: number }
  | {
      kind: 'filtered';
      state: FrontState;
      selected: TagCount[];
      items: Card[];
      total: number;
      pageCount: number;
      /** Further tags within the result, with their counts within it. */
      counts: TagCount[];
      /**
       * Whether `counts` holds every such tag. With one tag chosen it holds only the most frequent (from the
       * tag's page); "all tags" then counts the rest from the tag's facet, fetched only if asked for.
       */
      countsComplete: boolean;
    }
  | { kind: 'unknown'; state: FrontState; unknown: string[]; known: TagCount[] };

async function settle<T>(promise: Promise<T>): Promise<T | NotFoundError> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) return error;
    throw error;
  }
}

export const rootLoader = (queryClient: QueryClient) => async () => {
  await queryClient.ensureQueryData(siteQuery());
  return null;
};

export const frontLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs): Promise<FrontView | Response> => {
    const state = parseFrontState(new URL(request.url).searchParams);
    const site = await queryClient.ensureQueryData(siteQuery());

    if (state.tags.length === 0) {
      const pageCount = pageCountOf(site.articleCount, site.pageSize);
      if (state.page > pageCount) return redirect(frontHref({ ...state, page: pageCount }));
      const page = await queryClient.ensureQueryData(indexPageQuery(state.page));
      return { kind: 'all', state, items: page.items, total: page.total, pageCount: page.pageCount };
    }

    // First page of each chosen tag: tells which tags exist and how many articles each has.
    const heads = await Promise.all(
      state.tags.map((slug) => settle(queryClient.ensureQueryData(tagPageQuery(slug, 1)))),
    );
    const known = heads.flatMap((head) => (head instanceof NotFoundError ? [] : [head.tag]));
    const unknown = state.tags.filter((_, i) => heads[i] instanceof NotFoundError);
    if (unknown.length > 0) return { kind: 'unknown', state, unknown, known };

    const selected = state.tags
      .map((slug) => known.find((tag) => tag.slug === slug))
      .filter((tag) => tag !== undefined);

    // One tag: its own pages hold the result, with the tags that occur with it. The facet, which grows with
    // the tag (170 KiB gzip for the largest of 100,000 articles), is needed only for an AND of tags.
    const [only] = heads;
    if (heads.length === 1 && only && !(only instanceof NotFoundError)) {
      if (state.page > only.pageCount) return redirect(frontHref({ ...state, page: Math.max(1, only.pageCount) }));
      const page = state.page === 1 ? only : await queryClient.ensureQueryData(tagPageQuery(only.tag.slug, state.page));
      return {
        kind: 'filtered',
        state,
        selected,
        items: page.items,
        total: page.total,
        pageCount: page.pageCount,
        counts: page.coTags,
        countsComplete: page.coTags.length >= page.coTagTotal,
      };
    }

    const pivotTag = pickPivot(known.map((tag) => ({ tag })))?.tag;
    if (!pivotTag) throw new Error('no tag to filter by');
    const facet = await queryClient.ensureQueryData(tagFacetQuery(pivotTag.slug));
    const result = filterByTags(facet, state.tags);
    const pageCount = pageCountOf(result.positions.length, site.pageSize);
    if (state.page > pageCount) return redirect(frontHref({ ...state, page: pageCount }));

    const located = locatePage(result.positions, state.page, site.pageSize);
    const sourcePages = [...new Set(located.map((item) => item.sourcePage))];
    const documents = new Map(
      await Promise.all(
        sourcePages.map(async (n) => [n, await queryClient.ensureQueryData(tagPageQuery(pivotTag.slug, n))] as const),
      ),
    );
    const items = located
      .map(({ sourcePage, offset }) => documents.get(sourcePage)?.items[offset])
      .filter((card): card is Card => card !== undefined);
    return {
      kind: 'filtered',
      state,
      selected,
      items,
      total: result.positions.length,
      pageCount,
      counts: result.counts,
      countsComplete: true,
    };
  };

export const articleLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    // An alias document is followed by the page itself, which alone knows the URL's #fragment.
    await queryClient.ensureQueryData(articleQuery(params.id ?? ''));
    return null;
  };

/** Tag and author pages share the paging rule: past the end goes to the last page. */
async function loadPaged<T extends { pageCount: number }>(
  request: Request,
  load: (page: number) => Promise<T>,
): Promise<T | Response> {
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get('page'));
  try {
    return await load(page);
  } catch (error) {
    if (!(error instanceof NotFoundError) || page === 1) throw error;
    const first = await load(1);
    return redirect(pagedHref(url.pathname, first.pageCount));
  }
}

export const tagLoader =
  (queryClient: QueryClient) =>
  ({ params, request }: LoaderFunctionArgs) =>
    loadPaged(request, (page) => queryClient.ensureQueryData(tagPageQuery(params.slug ?? '', page)));

export const authorLoader =
  (queryClient: QueryClient) =>
  ({ params, request }: LoaderFunctionArgs) =>
    loadPaged(request, (page) => queryClient.ensureQueryData(authorPageQuery(params.slug ?? '', page)));
