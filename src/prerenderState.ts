/** The state a prerendered page carries to the browser, in a JSON data block (never executed). */
import type { DehydratedState } from '@tanstack/react-query';

export const STATE_ELEMENT_ID = 'broadsheet-state';

export interface PrerenderState {
  /** The URL (path and query) this HTML was rendered for; any other URL renders afresh. */
  url: string;
  queries: DehydratedState;
  loaderData: Record<string, unknown>;
  /** The date labels the page shows, so hydration need not start Intl (see format/dates.ts). */
  dateLabels?: Record<string, string>;
}

/** Whether this document was prerendered for the URL being shown (the data block names its URL). */
export function isPrerenderedForThisUrl(): boolean {
  const element = document.getElementById(STATE_ELEMENT_ID);
  return element !== null && element.dataset.url === window.location.pathname + window.location.search;
}

/** The data block's opening tag; `url` is percent-encoded by the build, quotes and ampersands are escaped anyway. */
export function stateElementTag(url: string): string {
  const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script type="application/json" id="${STATE_ELEMENT_ID}" data-url="${attribute}">`;
}

/** JSON that is safe inside <script type="application/json">: no "<" can close the element. */
export function serializeState(state: PrerenderState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c');
}
