/**
 * What the build and the browser agree on about a prerendered page: the state it carries and how that state is
 * written into the HTML. Pure, so the Node build can use it; reading it back in the browser is src/prerenderState.ts.
 */
import type { DehydratedState } from '@tanstack/react-query';

export const STATE_ELEMENT_ID = 'broadsheet-state';

export interface PrerenderState {
  queries: DehydratedState;
  loaderData: Record<string, unknown>;
  /** The date labels the page shows, so hydration need not start Intl (see format/dates.ts). */
  dateLabels?: Record<string, string>;
}

/** Answers a site path with a compiled document, as the static host would. */
export type ReadDocument = (path: string) => Promise<string | undefined>;

export interface RenderedPage {
  /** Hoisted <title>, <meta> and <link> elements for <head>. */
  head: string;
  body: string;
  state: PrerenderState;
}

/** Renders one URL of the site to HTML (src/entry-server.tsx); undefined for a redirect or an error. */
export type RenderPage = (url: string, readDocument: ReadDocument) => Promise<RenderedPage | undefined>;

/** The data block's opening tag; `url` is percent-encoded by the build, quotes and ampersands are escaped anyway. */
export function stateElementTag(url: string): string {
  const attribute = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script type="application/json" id="${STATE_ELEMENT_ID}" data-url="${attribute}">`;
}

/** JSON that is safe inside <script type="application/json">: no "<" can close the element. */
export function serializeState(state: PrerenderState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c');
}
