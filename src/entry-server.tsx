/**
 * Prerendering: renders one URL of the built site to HTML with the same routes, loaders and
 * components as the browser, reading the compiled documents from disk instead of the network.
 * Used only by the build (build/siteBuild.ts); the browser then hydrates the HTML.
 */
import './zodConfig';
import { dehydrate, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createQueryClient } from './api/queries';
import { recordDateLabels } from './format/dates';
import { createRoutes } from './routes';
import type { Fetcher } from './api/fetchDocument';
import type { ReadDocument, RenderPage } from './model/prerender';

const HOISTED = /^(?:<title>[^<]*<\/title>|<meta [^>]*\/>|<link [^>]*\/>)+/;

/** Answers the app's document requests from the build's files, as the static host will. */
function readingFetcher(readDocument: ReadDocument): Fetcher {
  return async (url) => {
    const body = await readDocument(decodeURIComponent(new URL(url, 'http://prerender').pathname));
    return body === undefined
      ? new Response('not found', { status: 404 })
      : new Response(body, { headers: { 'Content-Type': 'application/json' } });
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
    state: { queries: dehydrate(queryClient), loaderData: context.loaderData, dateLabels },
  };
};
