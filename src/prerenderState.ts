/** The state a prerendered page carries to the browser, in a JSON data block (never executed). */
import type { DehydratedState } from '@tanstack/react-query';

export const STATE_ELEMENT_ID = 'broadsheet-state';

export interface PrerenderState {
  /** The URL (path and query) this HTML was rendered for; any other URL renders afresh. */
  url: string;
  queries: DehydratedState;
  loaderData: Record<string, unknown>;
}

/** JSON that is safe inside <script type="application/json">: no "<" can close the element. */
export function serializeState(state: PrerenderState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c');
}
