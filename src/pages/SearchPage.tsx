/**
 * /search?q=words[&tag=a&tag=b][&sort=newest][&page=N]: the articles that contain every word, best first or newest
 * first, with the words marked in an excerpt, narrowed by tags like the front page. The URL is the whole state.
 */
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Link,
  redirect,
  useLocation,
  useNavigate,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { prepareSearch, readAhead, searchLaterQuery, searchQuery, searchTagsQuery } from '../api/searchQueries';
import { ArticleCard } from '../components/ArticleCard';
import { DocumentHead } from '../components/DocumentHead';
import { Pager } from '../components/Pager';
import { SEARCH_BOX_ID } from '../components/SearchForm';
import { TagFilter } from '../components/TagFilter';
import { tagUrl } from '../model/pageUrls';
import { parseSearchState, queryTerms, searchUrl, type SearchState } from '../search/searchState';
import type { Segment } from '../search/highlight';
import type { SearchHit, SearchResult } from '../search/runSearch';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The route's loader: the results of the URL's words, tags, sort and page (never an error: junk reads as the empty
 * search), read through the same query the page renders, and a page past the end sent to the last. It ships in this
 * module (a lazy route loader), so the code every other page loads carries nothing of search.
 */
export const searchLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const state = parseSearchState(new URL(request.url).searchParams);
    if (queryTerms(state.q).length === 0) return null;
    const { pageCount } = await queryClient.ensureQueryData(searchQuery(state));
    if (state.page > pageCount) return redirect(searchUrl({ ...state, page: pageCount }));
    return null;
  };

/**
 * Whether a navigation from one search to another must run the loader: not when the search it shows is in the cache
 * already (the loader would only find it there), as the typing's is (useSearchBox loads it first). The navigation
 * then completes at once and the page renders once, instead of twice (loading, then loaded) a few tasks apart.
 */
export const searchShouldRevalidate =
  (queryClient: QueryClient) =>
  ({ nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) => {
    if (!defaultShouldRevalidate) return false;
    const state = parseSearchState(nextUrl.searchParams);
    if (queryTerms(state.q).length === 0) return false;
    const result = queryClient.getQueryData(searchQuery(state).queryKey);
    return result === undefined || state.page > result.pageCount;
  };

function Excerpt({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-neutral-900 dark:bg-yellow-300">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

function EmptySearch() {
  return (
    <>
      <DocumentHead title="Search" />
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        Search
      </h1>
      <p className="mt-3 max-w-prose text-lg">
        Type words in the search box at the top of the page. Articles that contain every word are listed, the best
        matches first.
      </p>
    </>
  );
}

function NoResults({ state, result }: { state: SearchState; result: SearchResult }) {
  return (
    <>
      <DocumentHead title={`No results for “${state.q}”`} />
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        No results for “{state.q}”
      </h1>
      <p role="status" className="mt-3 text-lg">
        {result.unknownTags.length > 0
          ? `There is no tag ${result.unknownTags.map((slug) => `“${slug}”`).join(', ')}.`
          : state.tags.length > 0
            ? 'No article contains every word and carries every chosen tag.'
            : 'No article contains every word.'}
      </p>
      {state.tags.length > 0 && (
        <p className="mt-3">
          <Link to={searchUrl({ q: state.q, sort: state.sort })}>Search “{state.q}” without the tags</Link>
        </p>
      )}
      {result.suggestions.length > 0 && (
        <section aria-labelledby="tag-suggestions" className="mt-6">
          <h2 id="tag-suggestions" className="font-serif text-xl font-bold">
            Tags that match your words
          </h2>
          <ul className="mt-3 flex list-none flex-wrap gap-2 p-0">
            {result.suggestions.map((tag) => (
              <li key={tag.slug}>
                <Link
                  to={tagUrl(tag.slug)}
                  className="inline-flex items-baseline gap-1 rounded-full border border-neutral-300 px-3 py-1 text-sm text-neutral-900 no-underline dark:border-neutral-700 dark:text-neutral-100"
                >
                  {tag.label}{' '}
                  <span className="text-xs text-neutral-600 dark:text-neutral-400">
                    {tag.count} article{tag.count === 1 ? '' : 's'}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function SortChoice({ state }: { state: SearchState }) {
  const choices = [
    { sort: 'best', label: 'Best match' },
    { sort: 'newest', label: 'Newest first' },
  ] as const;
  return (
    <nav aria-label="Sort results" className="mb-4 flex gap-4 text-sm">
      {choices.map(({ sort, label }) => (
        <Link
          key={sort}
          to={searchUrl({ ...state, sort, page: 1 })}
          aria-current={state.sort === sort ? 'true' : undefined}
          className="aria-[current]:font-bold aria-[current]:no-underline"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * Whether the component's first render has been painted: work that can wait (counting tags: fetches, parsing,
 * intersections) starts after it, so it never delays the results on screen.
 */
function usePainted() {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * The tag filter of a page of results. Its counts are read after the results are shown, so the results never wait
 * for them; until then the chosen tags are shown with a note.
 */
function ResultTags({ state, result }: { state: SearchState; result: SearchResult }) {
  const [expanded, onExpandedChange] = useState(false);
  const [open, onOpenChange] = useState(false);
  const painted = usePainted();
  const first = useQuery({ ...searchTagsQuery(state, false), enabled: painted });
  const every = useQuery({ ...searchTagsQuery(state, true), enabled: expanded && first.data?.complete === false });
  return (
    <TagFilter
      state={state}
      selected={result.selected}
      options={first.data?.counts ?? []}
      complete={first.data?.complete ?? true}
      rest={every.data?.counts}
      expanded={expanded}
      onExpandedChange={onExpandedChange}
      open={open}
      onOpenChange={onOpenChange}
      urlFor={(view) => searchUrl({ ...state, ...view })}
      pending={first.isPending}
    />
  );
}

function ResultItems({ hits }: { hits: SearchHit[] }) {
  return hits.map(({ record, excerpt }) => (
    <li key={record.card.id} className="[contain-intrinsic-size:auto_12rem] [content-visibility:auto]">
      <ArticleCard card={record.card} excerpt={<Excerpt segments={excerpt} />} />
    </li>
  ));
}

/**
 * The results of the page after the first screenful (runSearch.ts's RESULTS_FIRST): their records are read once the
 * first are painted, so the reader's results are not kept waiting for those below the fold.
 */
function LaterResults({ state }: { state: SearchState }) {
  const painted = usePainted();
  const { data } = useQuery({ ...searchLaterQuery(state), enabled: painted, throwOnError: true });
  return data ? <ResultItems hits={data} /> : null;
}

function Results({ state, result }: { state: SearchState; result: SearchResult }) {
  const tagged = result.selected.length > 0 ? ` tagged ${result.selected.map((tag) => tag.label).join(' and ')}` : '';
  return (
    <>
      <DocumentHead title={`Results for “${state.q}”${state.page > 1 ? `, page ${state.page}` : ''}`} />
      <h1 tabIndex={-1} className="font-serif text-3xl font-bold">
        Results for “{state.q}”
      </h1>
      <div className="mt-4 flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
        <div className="lg:order-2">
          {/* A new search starts with the filter folded and "Show all tags" off. */}
          <ResultTags key={searchUrl(state)} state={state} result={result} />
        </div>
        <div className="min-w-0 lg:order-1">
          <p role="status" className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
            {result.total} article{result.total === 1 ? '' : 's'}
            {tagged}
            {result.pageCount > 1 && `, page ${state.page} of ${result.pageCount}`}
          </p>
          <SortChoice state={state} />
          {/* A result below the fold is laid out and painted only when scrolled near (content-visibility), so new
              results cost the layout of those on screen; they stay in the page for find and assistive technology. */}
          <ul aria-label="Search results" className="grid list-none gap-8 p-0">
            <ResultItems hits={result.hits} />
            {result.later.length > 0 && <LaterResults key={searchUrl(state)} state={state} />}
          </ul>
          <Pager page={state.page} pageCount={result.pageCount} hrefFor={(page) => searchUrl({ ...state, page })} />
        </div>
      </div>
    </>
  );
}

function Search({ state }: { state: SearchState }) {
  const { data: result } = useSuspenseQuery(searchQuery(state));
  return result.total === 0 ? <NoResults state={state} result={result} /> : <Results state={state} result={result} />;
}

/** How long typing must pause before the results follow it (longer than the gap between keys of steady typing). */
const TYPING_PAUSE_MS = 80;
/** Navigation state that asks RouteAnnouncer to leave focus where it is (in the box being typed in). */
const KEEP_FOCUS = { keepFocus: true } as const;
/** The words as the URL keeps them (searchState.ts), to compare the box with the search asked for. */
const normalized = (words: string) => parseSearchState(new URLSearchParams({ q: words })).q;

/**
 * While the search page is shown, the header's search box (components/SearchForm.tsx) shows its words, and the
 * results follow the typing: each pause replaces the history entry, so Back leaves the search rather than undoing
 * keystrokes. Kept here, with the search page's code, so no other page carries it.
 *
 * A pause loads its search before it navigates: first the words' lists (matched), then, if the reader has not typed
 * on meanwhile, the records of the results. Only then does the URL change, so the page renders once, with the
 * results, and a search that more typing overtook is never rendered, and stops before its records if it can. (The
 * navigation used to come first: every pause rendered the page twice, loading and loaded, and a slow typist's pauses
 * each rendered results nobody waited for, on the main thread the next search needed.)
 */
function useSearchBox(q: string) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The words of the results on screen.
  const shown = useRef(q);
  // A layout effect, so the box shows the words in the same frame as the results they belong to (after Back, a
  // passive effect left one frame, and one test's look, with the box still empty or on the other words).
  useLayoutEffect(() => {
    shown.current = q;
    const box = document.getElementById(SEARCH_BOX_ID);
    if (box instanceof HTMLInputElement && document.activeElement !== box) box.value = q;
  }, [q]);
  useEffect(() => {
    const box = document.getElementById(SEARCH_BOX_ID);
    if (!(box instanceof HTMLInputElement)) return;
    let pause: ReturnType<typeof setTimeout> | undefined;
    // The search of the box's words while it loads; more typing replaces it, and the old one stops at its next step.
    let loading: SearchState | undefined;
    const onInput = () => {
      clearTimeout(pause);
      const words = normalized(box.value);
      const state = parseSearchState(new URLSearchParams({ q: words }));
      loading = state;
      // What the words need is read at once, while the reader may still be typing (runSearch.ts's readAhead); the
      // rest of the search (the list of the word last typed, the match, the records of the results) waits for the
      // pause, and its records for the match, in case more typing came meanwhile.
      void readAhead(queryClient, box.value);
      pause = setTimeout(() => {
        void (async () => {
          if (words === shown.current) return;
          if (queryTerms(words).length > 0) {
            await prepareSearch(queryClient, state, () => loading === state);
            if (loading !== state) return;
            // A failure is the page's to show: its loader meets it again.
            await queryClient.ensureQueryData(searchQuery(state)).catch(() => undefined);
            if (loading !== state) return;
          }
          loading = undefined;
          void navigate(searchUrl({ q: words }), { replace: true, state: KEEP_FOCUS, flushSync: true });
        })();
      }, TYPING_PAUSE_MS);
    };
    box.addEventListener('input', onInput);
    return () => {
      clearTimeout(pause);
      loading = undefined;
      box.removeEventListener('input', onInput);
    };
  }, [navigate, queryClient]);
}

export function SearchPage() {
  // The URL is the whole state (the loader may not run for a search already in the cache).
  const { search } = useLocation();
  const state = useMemo(() => parseSearchState(new URLSearchParams(search)), [search]);
  useSearchBox(state.q);
  return queryTerms(state.q).length === 0 ? <EmptySearch /> : <Search state={state} />;
}
