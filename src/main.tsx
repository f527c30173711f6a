/**
 * Boot, the one script the HTML names (1.5 KiB gzip). A prerendered page is complete without JavaScript: its
 * text and images are in the HTML and its links are ordinary links to other prerendered pages. So the app
 * (React, the router and the cache: over 100 KiB gzip, and a long task to evaluate and hydrate on a phone) starts
 * only when the reader reaches for the page: a pointer moving over it, a touch, a click, focus or a key. A reader who
 * only reads runs no app code at all. A view that was not prerendered (the app shell) starts the app at once.
 */
import './index.css';
import { isPrerenderedForThisUrl } from './prerenderState';

/** Signs that the reader is about to use the page, not just read it (a screen reader may send only a click). */
const INTENT_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'focusin', 'keydown', 'click'] as const;

/**
 * A button pressed before React took over the page (links need no app: they are ordinary links). React never
 * saw that click, so it is pressed again once the page is hydrated. Clicks after React has started hydrating are
 * React's own to replay.
 */
let pressedEarly: HTMLButtonElement | undefined;
const rememberButton = (event: Event) => {
  if (event.target instanceof Element) pressedEarly = event.target.closest('button') ?? pressedEarly;
};
addEventListener('click', rememberButton, { capture: true });
const stopRemembering = () => removeEventListener('click', rememberButton, { capture: true });

function pressAgain() {
  const button = pressedEarly;
  pressedEarly = undefined;
  if (button?.isConnected) button.click();
}

function readerReachesForPage(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      for (const type of INTENT_EVENTS) removeEventListener(type, go, true);
      resolve();
    };
    for (const type of INTENT_EVENTS) addEventListener(type, go, { capture: true, passive: true });
  });
}

/** The app could not be fetched or failed to start: a rendered page still works; an empty shell says so. */
function startFailed(error: unknown, prerendered: boolean) {
  console.error('Broadsheet could not start:', error);
  const root = document.getElementById('root');
  if (prerendered || !root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'mx-auto max-w-prose p-6 text-lg';
  message.textContent = 'This page could not be loaded. Check your connection and reload the page.';
  root.replaceChildren(message);
}

// HTML prerendered for another URL (a host that answers every path with index.html) starts the app at once.
const prerendered = isPrerenderedForThisUrl();
void (prerendered ? readerReachesForPage() : Promise.resolve())
  .then(() => import('./app'))
  .then(({ start }) => start({ onRender: stopRemembering, onReady: pressAgain }))
  .catch((error: unknown) => startFailed(error, prerendered));
