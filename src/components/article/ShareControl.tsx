/**
 * Share an article: the system share sheet where the browser has the Web Share API, otherwise "Copy link", with
 * a confirmation that is shown and announced (role="status"). The link is the article's canonical URL, with the
 * fragment of the section the reader is in when they share from deep in the article (section headings carry ids,
 * see model/reading.ts's sectionAnchors, and a #fragment scrolls there, see hooks/useScrollToHash.ts).
 *
 * It needs the app: in a prerendered page it is invisible (its space kept, so nothing shifts) until the app
 * has started on the reader's first interaction, which adds no script to what the page loads before that; without
 * JavaScript it stays invisible (the address bar's URL is the canonical one already, less the fragment).
 */
import { useRef, useState, useSyncExternalStore } from 'react';
import { absoluteUrl, useOrigin } from '../../hooks/useOrigin';
import { sectionInView } from '../../model/sectionInView';

type Ability = 'none' | 'share' | 'copy';

const noSubscription = () => () => undefined;
const abilityInBrowser = (): Ability => (typeof navigator.share === 'function' ? 'share' : 'copy');

/** The fragment of the section in view, from the section headings of the article around `element`. */
function fragmentInView(element: Element | null): string {
  const headings = [...(element?.closest('article')?.querySelectorAll('section > h2[id]') ?? [])];
  const id = sectionInView(
    headings.map((heading) => ({ id: heading.id, top: heading.getBoundingClientRect().top })),
    window.innerHeight,
  );
  return id ? `#${encodeURIComponent(id)}` : '';
}

export function ShareControl({ title, path }: { title: string; path: string }) {
  // The server and the hydrating render say "none"; the browser's answer follows at once.
  const ability = useSyncExternalStore(noSubscription, abilityInBrowser, (): Ability => 'none');
  const origin = useOrigin();
  const [message, setMessage] = useState('');
  const button = useRef<HTMLButtonElement>(null);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage('Link copied');
    } catch {
      setMessage(`Could not copy the link: ${url}`);
    }
  };

  const share = async () => {
    const url = `${absoluteUrl(origin, path) ?? path}${fragmentInView(button.current)}`;
    setMessage('');
    if (ability !== 'share') return copy(url);
    try {
      await navigator.share({ title, url });
    } catch (error) {
      // Closing the share sheet is not a failure; a refused share falls back to copying.
      if (!(error instanceof DOMException && error.name === 'AbortError')) await copy(url);
    }
  };

  return (
    // Sticky at the foot of the window while the article is read, so it is at hand from deep in the article; its
    // own place is the end of the article. The row lets clicks through to the text beside the button.
    <div
      className={`pointer-events-none sticky bottom-4 z-10 mx-auto mt-8 flex max-w-[68ch] items-center justify-end gap-3 print:hidden ${ability === 'none' ? 'invisible' : ''}`}
    >
      <p
        role="status"
        className={`pointer-events-auto rounded bg-white text-sm text-neutral-800 dark:bg-neutral-900 dark:text-neutral-200 ${message ? 'px-3 py-1.5 shadow' : ''}`}
      >
        {message}
      </p>
      <button
        ref={button}
        type="button"
        onClick={() => void share()}
        className="pointer-events-auto rounded-full border border-neutral-300 bg-white px-4 py-1.5 text-sm font-medium shadow hover:border-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 dark:border-neutral-700 dark:bg-neutral-900 dark:hover:border-neutral-100"
      >
        {ability === 'share' ? 'Share' : 'Copy link'}
      </button>
    </div>
  );
}
