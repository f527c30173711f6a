/**
 * Prerendering: renders one URL of the built site to HTML with the same routes, loaders and
 * components as the browser, reading the compiled documents from disk instead of the network.
 * Used only by the build (build/siteBuild.ts); the browser then hydrates the HTML.
 */
import './zodConfig';
import { dehydrate, QueryClientProvider, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createQueryClient } from './api/queries';
import { recordDateLabels } from './format/dates';
import { createRoutes } from './routes';
import type { DocumentResponse, Fetcher } from './api/fetchDocument';
import type { ReadDocument, RenderPage } from './model/prerender';

const HOISTED = /^(?:<title>[^<]*<\/title>|<meta [^>]*\/>|<link [^>]*\/>)+/;

const NOT_FOUND: DocumentResponse = {
  status: 404,
  ok: false,
  headers: { get: () => null },
  json: () => Promise.reject(new SyntaxError('not found')),
};
const JSON_HEADERS = { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) };

/** Answers the app's document requests from the build's files, as the static host will. */
function readingFetcher(readDocument: ReadDocument): Fetcher {
  return async (url) => {
    const body = await readDocument(decodeURIComponent(new URL(url, 'http://prerender').pathname));
    if (body === undefined) return NOT_FOUND;
    return {
      status: 200,
      ok: true,
      headers: JSON_HEADERS,
      json: () => Promise.resolve(body).then((text): unknown => JSON.parse(text)),
    };
  };
}

/**
 * The cache's queries without the build's clock (when each was fetched and dehydrated): the same content then gives
 * the same bytes from build to build, so an unchanged page is an unchanged file (and a CDN sync uploads only what
 * changed). The browser stamps the data with the time the page loaded anyway (src/app.tsx).
 */
function timelessQueries(queryClient: QueryClient): DehydratedState {
  const { mutations, queries } = dehydrate(queryClient);
  return {
    mutations,
    queries: queries.map((query) => ({
      ...query,
      dehydratedAt: 0,
      state: { ...query.state, dataUpdatedAt: 0, errorUpdatedAt: 0 },
    })),
  };
}

/** Nothing here is shared between calls (each page has its own query client and fetcher), so pages may render at once. */
export const renderPage: RenderPage = async (url, readDocument) => {
  const queryClient = createQueryClient(readingFetcher(readDocument));
  const handler = createStaticHandler(createRoutes(queryClient));
  const context = await handler.query(new Request(new URL(url, 'http://prerender')));
  // Redirects (aliases, pages past the end) and errors are left to the browser.
  if (context instanceof Response || context.errors) return undefined;
  const router = createStaticRouter(handler.dataRoutes, context);
  // Synchronous, so the date labels recorded are this page's alone.
  const { result: html, labels: dateLabels } = recordDateLabels(() =>
    renderToString(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          {/* hydrate={false}: the router's own inline script would break the CSP; the state travels in a data block. */}
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
  const head = HOISTED.exec(html)?.[0] ?? '';
  return {
    head,
    body: html.slice(head.length),
    state: { queries: timelessQueries(queryClient), loaderData: context.loaderData, dateLabels },
  };
};

/** For the prerender workers (build/prerenderWorker.mjs), which run the bundle without the model's sources. */
export { serializeState } from './model/prerender';
