/**
 * The search box in every page's header. It is a plain GET form to /search?q=…, so on a prerendered page it works
 * before the app has started (the server answers /search with the app shell, which renders the results); once the
 * app runs, submitting navigates inside it. "/" focuses the box. On the search page the results follow the typing
 * (the search page does that, pages/SearchPage.tsx, so every other page carries only this form).
 */
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';

export const SEARCH_BOX_ID = 'site-search';

const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function SearchForm() {
  const navigate = useNavigate();
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      box.current?.focus();
      box.current?.select();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  return (
    <form
      role="search"
      action="/search"
      method="get"
      aria-label="Search articles"
      className="flex gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(`/search?${new URLSearchParams({ q: box.current?.value ?? '' }).toString()}`);
      }}
    >
      <label htmlFor={SEARCH_BOX_ID} className="sr-only">
        Search articles
      </label>
      <input
        ref={box}
        id={SEARCH_BOX_ID}
        type="search"
        name="q"
        enterKeyHint="search"
        autoComplete="off"
        placeholder="Search"
        aria-keyshortcuts="/"
        className="min-h-10 w-40 rounded border border-neutral-400 bg-white px-2 text-sm text-neutral-900 sm:w-56 dark:border-neutral-600 dark:bg-neutral-900 dark:text-neutral-100"
      />
      <button
        type="submit"
        className="min-h-10 rounded bg-neutral-900 px-3 text-sm font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
      >
        Search
      </button>
    </form>
  );
}
