/**
 * /search?q=words[&tag=a&tag=b][&sort=newest][&page=N]: the articles that contain every word, best first or newest
 * first, with the words marked in an excerpt, narrowed by tags like the front page. The URL is the whole state.
 */
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, redirect, useLoaderData, useNavigate, type LoaderFunctionArgs } from 'react-router';
import { searchQuery, searchTagsQuery } from '../api/searchQueries';
import { ArticleCard } from '../components/ArticleCard';
import { DocumentHead } from '../components/DocumentHead';
import { Pager } from '../components/Pager';
import { SEARCH_BOX_ID } from '../components/SearchForm';
import { TagFilter } from '../components/TagFilter';
import { plainText } from '../model/inline';
import { tagUrl } from '../model/pageUrls';
import { excerpt, type Segment } from '../search/highlight';
import { parseSearchState, queryTerms, searchUrl, type SearchState } from '../search/searchState';
import type { SearchResult } from '../search/runSearch';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The route's loader: the URL's words, tags, sort and page (never an error: junk reads as the empty search), and the
 * results, read through the same query the page renders. It ships in this module (a lazy route loader), so the code
 * every other page loads carries nothing of search.
 */
export const searchLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const state = parseSearchState(new URL(request.url).searchParams);
    if (queryTerms(state.q).length === 0) return state;
    const { pageCount } = await queryClient.ensureQueryData(searchQuery(state));
    if (state.page > pageCount) return redirect(searchUrl({ ...state, page: pageCount }));
    return state;
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

function Results({ state, result }: { state: SearchState; result: SearchResult }) {
  const terms = new Set(queryTerms(state.q));
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
          <ul aria-label="Search results" className="grid list-none gap-8 p-0">
            {result.hits.map(({ record }) => {
              const texts = [record.text, record.card.standfirst ? plainText(record.card.standfirst) : ''];
              return (
                <li key={record.card.id}>
                  <ArticleCard card={record.card} excerpt={<Excerpt segments={excerpt(texts, terms)} />} />
                </li>
              );
            })}
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
 * The new results render in one go once loaded (flushSync) rather than in a transition sliced between other tasks:
 * nothing else on the page is waiting, and slicing only delayed them.
 *
 * The pause's timer outlives the search being shown: a search that finishes loading while the reader is still
 * typing must not cancel the next one (it did, and the results then stayed on the earlier words).
 */
function useSearchBox(q: string) {
  const navigate = useNavigate();
  // The words of the last search asked for, shown or still loading.
  const asked = useRef(q);
  // A layout effect, so the box shows the words in the same frame as the results they belong to (after Back, a
  // passive effect left one frame, and one test's look, with the box still empty or on the other words).
  useLayoutEffect(() => {
    asked.current = q;
    const box = document.getElementById(SEARCH_BOX_ID);
    if (box instanceof HTMLInputElement && document.activeElement !== box) box.value = q;
  }, [q]);
  useEffect(() => {
    const box = document.getElementById(SEARCH_BOX_ID);
    if (!(box instanceof HTMLInputElement)) return;
    let pause: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      clearTimeout(pause);
      pause = setTimeout(() => {
        const words = normalized(box.value);
        if (words === asked.current) return;
        asked.current = words;
        void navigate(searchUrl({ q: words }), { replace: true, state: KEEP_FOCUS, flushSync: true });
      }, TYPING_PAUSE_MS);
    };
    box.addEventListener('input', onInput);
    return () => {
      clearTimeout(pause);
      box.removeEventListener('input', onInput);
    };
  }, [navigate]);
}

export function SearchPage() {
  const state = useLoaderData<SearchState>();
  useSearchBox(state.q);
  return queryTerms(state.q).length === 0 ? <EmptySearch /> : <Search state={state} />;
}
