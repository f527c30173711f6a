/** The state a prerendered page carries to the browser, in a JSON data block (never executed). */
import type { DehydratedState } from '@tanstack/react-query';

export const STATE_ELEMENT_ID = 'broadsheet-state';

export interface PrerenderState {
  queries: DehydratedState;
  loaderData: Record<string, unknown>;
  /** The date labels the page shows, so hydration need not start Intl (see format/dates.ts). */
  dateLabels?: Record<string, string>;
}

/**
 * The data block, when this document was prerendered for the URL being shown: the block names the URL (path and
 * query) it was rendered for, and any other URL (a host answering every path with index.html) renders afresh.
 */
function stateElementForThisUrl(): HTMLElement | undefined {
  const element = document.getElementById(STATE_ELEMENT_ID);
  return element?.dataset.url === window.location.pathname + window.location.search ? element : undefined;
}

/** Whether this document was prerendered for the URL being shown. */
export const isPrerenderedForThisUrl = (): boolean => stateElementForThisUrl() !== undefined;

/** The prerendered state, when this document was prerendered for the URL being shown and its state is readable. */
export function readPrerenderedState(): PrerenderState | undefined {
  const text = stateElementForThisUrl()?.textContent;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as PrerenderState;
  } catch {
    return undefined;
  }
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
