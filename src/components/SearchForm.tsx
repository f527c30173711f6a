/**
 * The search box in every page's header. It is a plain GET form to /search?q=…, so on a prerendered page it works
 * before the app has started (the server answers /search with the app shell, which renders the results). Once the
 * app runs, submitting navigates inside it, and on the search page the results follow the words as they are typed
 * (replacing the history entry, so Back leaves the search rather than undoing keystrokes). "/" focuses the box.
 */
import { useEffect, useRef } from 'react';
import { Form, useLocation, useNavigate } from 'react-router';

export const SEARCH_PATH = '/search';
/** How long typing must pause before the results follow it. */
const TYPING_PAUSE_MS = 100;

/** Navigation state that asks RouteAnnouncer to leave focus where it is (in the box being typed in). */
const KEEP_FOCUS = { keepFocus: true } as const;

const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function SearchForm() {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const onSearchPage = pathname === SEARCH_PATH;
  const query = onSearchPage ? (new URLSearchParams(search).get('q') ?? '') : '';
  const box = useRef<HTMLInputElement>(null);
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The box shows the URL's words (after Back, or a link), unless the reader is typing in it.
  useEffect(() => {
    const input = box.current;
    if (input && document.activeElement !== input && input.value !== query) input.value = query;
  }, [query]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      box.current?.focus();
      box.current?.select();
    };
    addEventListener('keydown', onKey);
    return () => {
      removeEventListener('keydown', onKey);
      clearTimeout(pause.current);
    };
  }, []);

  const followTyping = (words: string) => {
    clearTimeout(pause.current);
    pause.current = setTimeout(() => {
      void navigate(`${SEARCH_PATH}?${new URLSearchParams({ q: words }).toString()}`, {
        replace: true,
        state: KEEP_FOCUS,
      });
    }, TYPING_PAUSE_MS);
  };

  return (
    <Form role="search" action={SEARCH_PATH} method="get" aria-label="Search articles" className="flex gap-1">
      <label htmlFor="site-search" className="sr-only">
        Search articles
      </label>
      <input
        ref={box}
        id="site-search"
        type="search"
        name="q"
        defaultValue={query}
        enterKeyHint="search"
        autoComplete="off"
        placeholder="Search"
        aria-keyshortcuts="/"
        onChange={(event) => onSearchPage && followTyping(event.currentTarget.value)}
        className="min-h-10 w-40 rounded border border-neutral-400 bg-white px-2 text-sm text-neutral-900 sm:w-56 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100"
      />
      <button
        type="submit"
        className="min-h-10 rounded bg-neutral-900 px-3 text-sm font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
      >
        Search
      </button>
    </Form>
  );
}
