/**
 * Search's queries (keys live in api/ only, as queries.ts's do). A module of their own, loaded with the search page,
 * so the code every other page loads does not carry them.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { compareTagCounts } from '../model/tagOrder';
import { recordPath, searchPath } from '../search/paths';
import { DataError } from './errors';
import { fetchDocument } from './fetchDocument';
import { fetcherOf } from './queries';
import type { SearchSource } from '../search/runSearch';
import type { SearchState } from '../search/searchState';

// The index's documents are queries of their own (fetched once, shared by every search).

const searchMetaQuery = () =>
  queryOptions({
    queryKey: ['search', 'meta'],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), searchPath.meta(), (v) => v.SearchMeta, 'the search index', signal),
  });

const searchFileQuery = (path: string) =>
  queryOptions({
    queryKey: ['search', 'file', path],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), path, (v) => v.TermFile, 'the search index', signal),
  });

const searchRecordQuery = (document: number) =>
  queryOptions({
    queryKey: ['search', 'record', document],
    queryFn: async ({ signal, client }) => {
      // Cached by the time any result is asked for: the search read it first.
      const path = recordPath(await client.ensureQueryData(searchMetaQuery()), document);
      if (!path) throw new DataError(searchPath.meta(), `The search index has no result ${document}`);
      return fetchDocument(fetcherOf(client), path, (v) => v.SearchRecord, 'a search result', signal);
    },
  });

function searchSource(client: QueryClient): SearchSource {
  return {
    meta: () => client.ensureQueryData(searchMetaQuery()),
    file: (path) => client.ensureQueryData(searchFileQuery(path)),
    record: (document) => client.ensureQueryData(searchRecordQuery(document)),
  };
}

/** One page of a search (src/search/runSearch.ts): its results, with the records to show them. */
export const searchQuery = (state: SearchState) =>
  queryOptions({
    queryKey: ['search', 'result', state],
    queryFn: async ({ client }) => {
      const result = await (await import('../search/runSearch')).runSearch(state, searchSource(client));
      return { ...result, suggestions: result.suggestions.sort(compareTagCounts) };
    },
    // Each document it reads has been retried already.
    retry: false,
  });

/**
 * What a search needs before the records of its results: its words' lists, read and, if it is still `wanted`,
 * matched (searchQuery reuses the match). Errors are left to the search itself, which meets them again and shows them.
 */
export async function prepareSearch(client: QueryClient, state: SearchState, wanted?: () => boolean): Promise<void> {
  const { prepareSearch: prepare } = await import('../search/runSearch');
  await prepare(state, searchSource(client), wanted).catch(() => undefined);
}

/** Reads ahead what a search of the words typed so far will need (runSearch.ts's readAhead); errors as above. */
export async function readAhead(client: QueryClient, typed: string): Promise<void> {
  const { readAhead: read } = await import('../search/runSearch');
  await read(typed, searchSource(client)).catch(() => undefined);
}

/** The rest of a page of results, read once its first results are on screen (runSearch.ts's laterResults). */
export const searchLaterQuery = (state: SearchState) =>
  queryOptions({
    queryKey: ['search', 'later', state],
    queryFn: async ({ client }) => {
      const result = await client.ensureQueryData(searchQuery(state));
      return (await import('../search/runSearch')).laterResults(result, searchSource(client));
    },
    retry: false,
  });

/**
 * The tags that narrow a page of results, counted within them; `everyTag` counts every tag of the results shown,
 * not only the most frequent ("Show all tags").
 */
export const searchTagsQuery = (state: SearchState, everyTag: boolean) =>
  queryOptions({
    queryKey: ['search', 'tags', state, everyTag],
    queryFn: async ({ client }) => {
      const { counts, complete } = await (
        await import('../search/runSearch')
      ).countTags(state, searchSource(client), everyTag);
      // In the one order of tag lists (most first), as the front page's filter shows them.
      return { counts: counts.sort(compareTagCounts), complete };
    },
    retry: false,
  });
