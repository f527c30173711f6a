/**
 * Route loaders: they start every fetch a page needs before its component renders (and while
 * its code loads), through the same query options the pages read, and redirect a page past the end.
 * They return no documents: a page reads them from the query cache, so a prerendered page carries its
 * data once (the dehydrated queries), not twice. No React here.
 */
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { NotFoundError } from '../api/errors';
import {
  articleQuery,
  authorPageQuery,
  indexPageQuery,
  sectionPageQuery,
  siteQuery,
  tagPageQuery,
  tagsAndPageQuery,
  topTagsQuery,
} from '../api/queries';
import { type FrontState, parseFrontState, parsePage } from '../filter/urlState';
import { frontUrl, pagedUrl } from '../model/pageUrls';
import type { TagCount } from '../model/compiled';
import type { QueryClient } from '@tanstack/react-query';

/**
 * Which query holds the front page's view (the page reads it from the cache): a page of the index, of one tag's
 * own list, or of an AND of tags; or the tags that do not exist (a missing document leaves nothing in the cache,
 * so those are named here).
 */
export type FrontPlan =
  | { kind: 'all' | 'and'; state: FrontState }
  | { kind: 'single'; state: FrontState; tag: string }
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
  async ({ request }: LoaderFunctionArgs): Promise<FrontPlan | Response> => {
    const state = parseFrontState(new URL(request.url).searchParams);
    if (state.tags.length === 0) {
      const [index] = await Promise.all([
        settle(queryClient.ensureQueryData(indexPageQuery(state.page))),
        queryClient.ensureQueryData(topTagsQuery()),
      ]);
      if (index instanceof NotFoundError) {
        if (state.page === 1) throw index;
        const { pageCount } = await queryClient.ensureQueryData(indexPageQuery(1));
        return redirect(frontUrl({ ...state, page: pageCount }));
      }
      return { kind: 'all', state };
    }

    // First page of each chosen tag: tells which tags exist and how many articles each has.
    const heads = await Promise.all(
      state.tags.map((slug) => settle(queryClient.ensureQueryData(tagPageQuery(slug, 1)))),
    );
    const known = heads.flatMap((head) => (head instanceof NotFoundError ? [] : [head.tag]));
    const unknown = state.tags.filter((_, i) => heads[i] instanceof NotFoundError);
    if (unknown.length > 0) return { kind: 'unknown', state, unknown, known };

    // One tag: its own pages hold the result, with the tags that occur with it. The facet, which grows with
    // the tag (170 KiB gzip for the largest of 100,000 articles), is needed only for an AND of tags.
    const [only] = heads;
    if (heads.length === 1 && only && !(only instanceof NotFoundError)) {
      if (state.page > only.pageCount) return redirect(frontUrl({ ...state, page: Math.max(1, only.pageCount) }));
      await queryClient.ensureQueryData(tagPageQuery(only.tag.slug, state.page));
      return { kind: 'single', state, tag: only.tag.slug };
    }

    const { pageCount } = await queryClient.ensureQueryData(tagsAndPageQuery(state.tags, state.page));
    if (state.page > pageCount) return redirect(frontUrl({ ...state, page: pageCount }));
    return { kind: 'and', state };
  };

export const articleLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    // An alias document is followed by the page itself, which alone knows the URL's #fragment.
    await queryClient.ensureQueryData(articleQuery(params.id ?? ''));
    return null;
  };

/** Tag, author and section pages share the paging rule: past the end goes to the last page. */
async function loadPaged(request: Request, load: (page: number) => Promise<{ pageCount: number }>) {
  const url = new URL(request.url);
  const page = parsePage(url.searchParams.get('page'));
  try {
    await load(page);
    return null;
  } catch (error) {
    if (!(error instanceof NotFoundError) || page === 1) throw error;
    const first = await load(1);
    return redirect(pagedUrl(url.pathname, first.pageCount));
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

export const sectionLoader =
  (queryClient: QueryClient) =>
  ({ params, request }: LoaderFunctionArgs) =>
    loadPaged(request, (page) => queryClient.ensureQueryData(sectionPageQuery(params.slug ?? '', page)));
