/**
 * Boot, the one script the HTML names, about 2 KiB. A prerendered page is complete without JavaScript: its
 * text and images are in the HTML and its links are ordinary links to other prerendered pages. So the app
 * (React, the router and the cache: over 100 KiB gzip, and a long task to evaluate and hydrate on a phone) starts
 * only when the reader reaches for the page: a pointer moving over it, a touch, focus or a key. A reader who
 * only reads runs no app code at all. A view that was not prerendered (the app shell) starts the app at once.
 */
import './index.css';
import { isPrerenderedForThisUrl } from './prerenderState';

/** Signs that the reader is about to use the page, not just read it. */
const INTENT_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown'] as const;

function readerReachesForPage(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      for (const type of INTENT_EVENTS) removeEventListener(type, go, true);
      resolve();
    };
    for (const type of INTENT_EVENTS) addEventListener(type, go, { capture: true, passive: true });
  });
}

// HTML prerendered for another URL (a host that answers every path with index.html) starts the app at once.
void (isPrerenderedForThisUrl() ? readerReachesForPage() : Promise.resolve())
  .then(() => import('./app'))
  .then(({ start }) => start());
