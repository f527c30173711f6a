/** Reading a prerendered page's state back in the browser (the build writes it: src/model/prerender.ts). */
import { STATE_ELEMENT_ID, type PrerenderState } from './model/prerender';

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
