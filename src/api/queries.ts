/** Every query the app makes: keys live here only, and loaders and components share these options. */
import { QueryClient, queryOptions } from '@tanstack/react-query';
import { andPage, filterByTags, pickPivot } from '../filter/tagFilter';
import { collectIdEntries } from '../model/idGuesses';
import { dataPath } from '../model/paths';
import { slugify } from '../model/slug';
import { isTransient, NotFoundError } from './errors';
import { browserFetcher, fetchDocument, type Fetcher } from './fetchDocument';
import type { AllTags, Card, TagFacet } from '../model/compiled';

/** Compiled content changes only with a deploy, so data stays fresh for the session's minutes. */
const STALE_TIME_MS = 5 * 60_000;

/** Each client's fetcher: a query function finds it through the client it runs for. */
const fetchers = new WeakMap<QueryClient, Fetcher>();
export const fetcherOf = (client: QueryClient): Fetcher => fetchers.get(client) ?? browserFetcher;

/** The app's cache; its queries fetch documents with `fetcher` (the browser's fetch unless told otherwise). */
export function createQueryClient(fetcher: Fetcher = browserFetcher): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        // Only transient failures are retried, twice, with exponential backoff; a missing or
        // invalid document fails at once so the reader is told without waiting.
        retry: (failures, error) => isTransient(error) && failures < 2,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
      },
    },
  });
  fetchers.set(client, fetcher);
  return client;
}

export const siteQuery = () =>
  queryOptions({
    queryKey: ['site'],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), dataPath.site(), (v) => v.SiteDocument, 'the site', signal),
    staleTime: Infinity,
  });

export const indexPageQuery = (page: number) =>
  queryOptions({
    queryKey: ['index', page],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), dataPath.index(page), (v) => v.IndexPage, `page ${page}`, signal),
  });

const allTagsQuery = () =>
  queryOptions({
    queryKey: ['tags'],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), dataPath.allTags(), (v) => v.AllTags, 'the tag list', signal),
  });

export const tagPageQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['tag', slug, page],
    queryFn: ({ signal, client }) =>
      fetchDocument(
        fetcherOf(client),
        dataPath.tagPage(slug, page),
        (v) => v.TagPage,
        page === 1 ? `tag "${slug}"` : `page ${page} of tag "${slug}"`,
        signal,
      ),
  });

/** The most used tags and how many there are: the unfiltered front page's filter. */
export const topTagsQuery = () =>
  queryOptions({
    queryKey: ['top-tags'],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), dataPath.topTags(), (v) => v.TopTags, 'the most used tags', signal),
  });

/** Every tag there is, most used first: the front page's "all tags". */
export const allTagCountsQuery = () =>
  queryOptions({ ...allTagsQuery(), select: (document: AllTags) => document.tags });

/** Every tag that occurs with `slug`, counted within its articles: "all tags" when one tag is chosen. */
export const coTagCountsQuery = (slug: string) =>
  queryOptions({ ...tagFacetQuery(slug), select: (facet: TagFacet) => filterByTags(facet, [slug]).counts });

const tagFacetQuery = (slug: string) =>
  queryOptions({
    queryKey: ['facet', slug],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), dataPath.tagFacet(slug), (v) => v.TagFacet, `tag "${slug}"`, signal),
  });

/**
 * One page of the AND of several tags (filter/tagFilter.ts), put together from documents that are queries of their
 * own: the first page of each tag (which tags they are, and how many articles each has), the rarest tag's facet,
 * and the pages of that tag's list the result falls on. Only what the cache lacks is fetched.
 */
export const tagsAndPageQuery = (tags: readonly string[], page: number) =>
  queryOptions({
    queryKey: ['tags-and', tags, page],
    queryFn: async ({ client }) => {
      const site = await client.ensureQueryData(siteQuery());
      const heads = await Promise.all(tags.map((slug) => client.ensureQueryData(tagPageQuery(slug, 1))));
      const pivot = pickPivot(heads)?.tag;
      if (!pivot) throw new Error('no tag to filter by');
      const result = andPage(await client.ensureQueryData(tagFacetQuery(pivot.slug)), tags, page, site.pageSize);
      const sources = new Map(
        await Promise.all(
          result.sourcePages.map(async (n) => [n, await client.ensureQueryData(tagPageQuery(pivot.slug, n))] as const),
        ),
      );
      const items = result.located
        .map(({ sourcePage, offset }) => sources.get(sourcePage)?.items[offset])
        .filter((card): card is Card => card !== undefined);
      const { total, pageCount, counts } = result;
      return { selected: heads.map((head) => head.tag), items, total, pageCount, counts };
    },
    // Each document it reads has been retried already.
    retry: false,
  });

export const authorPageQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['author', slug, page],
    queryFn: ({ signal, client }) =>
      fetchDocument(
        fetcherOf(client),
        dataPath.authorPage(slug, page),
        (v) => v.AuthorPage,
        page === 1 ? `author "${slug}"` : `page ${page} of author "${slug}"`,
        signal,
      ),
  });

export const sectionPageQuery = (slug: string, page: number) =>
  queryOptions({
    queryKey: ['section', slug, page],
    queryFn: ({ signal, client }) =>
      fetchDocument(
        fetcherOf(client),
        dataPath.sectionPage(slug, page),
        (v) => v.SectionPage,
        page === 1 ? `section "${slug}"` : `page ${page} of section "${slug}"`,
        signal,
      ),
  });

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: ['article', id],
    queryFn: ({ signal, client }) =>
      fetchDocument(fetcherOf(client), dataPath.article(id), (v) => v.ArticleDocument, `article "${id}"`, signal),
  });

/** The id entries to compare with an id that was not found (see content/idGuesses.ts); none when there are none. */
export const idEntriesQuery = (requested: string) =>
  queryOptions({
    queryKey: ['id-entries', slugify(requested)],
    queryFn: ({ signal, client }) =>
      collectIdEntries(requested, (prefix) =>
        fetchDocument(
          fetcherOf(client),
          dataPath.idShard(prefix),
          (v) => v.IdShard,
          `ids beginning "${prefix}"`,
          signal,
        ).catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        }),
      ),
  });
