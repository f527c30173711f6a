import { hydrate, QueryClientProvider } from '@tanstack/react-query';
import { startTransition, StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
// The DOM's RouterProvider: only it can honour a navigation's `flushSync` (react-router's own renders every
// navigation as a transition, sliced between other tasks; the search box's typing asks for one render in one go).
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/queries';
import { rememberDateLabels } from './format/dates';
import { readPrerenderedState } from './prerenderState';
import { createRoutes } from './routes';

/** Hydration must render what the server rendered, so the matched pages' code is loaded first. */
async function loadMatchedPages(routes: RouteObject[]) {
  for (const { route } of matchRoutes(routes, window.location) ?? []) {
    const lazy = route.lazy;
    if (lazy && typeof lazy === 'object' && lazy.Component) {
      route.Component = await lazy.Component();
      route.lazy = undefined;
    }
  }
}

/**
 * Marks the document once the app has rendered or hydrated (`<html data-app="ready">`): from then on links are
 * client-side navigations. Tests wait for it; styles may use it.
 */
function AppReady({ onReady }: { onReady?: () => void }) {
  useEffect(() => {
    document.documentElement.dataset.app = 'ready';
    onReady?.();
  }, [onReady]);
  return null;
}

/**
 * Starts the app: hydrates the prerendered page when the HTML was rendered for this URL, else renders it.
 * `onRender` runs as React takes over the page (from then on React itself replays input that reaches a part
 * not yet hydrated); `onReady` once the page is hydrated or rendered.
 */
export async function start({ onRender, onReady }: { onRender?: () => void; onReady?: () => void } = {}) {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const queryClient = createQueryClient();
  const routes = createRoutes(queryClient);
  const state = readPrerenderedState();

  if (state) {
    // The embedded data is as fresh as the HTML that carried it (served with no-cache), not as old
    // as the build: without this every prerendered page would refetch its data at once. The app may
    // start long after the page loaded (see main.tsx), so the HTML's age counts from its navigation.
    const loadedAt = Math.round(performance.timeOrigin);
    for (const query of state.queries.queries) {
      query.state.dataUpdatedAt = loadedAt;
      query.dehydratedAt = loadedAt;
    }
    hydrate(queryClient, state.queries);
    if (state.dateLabels) rememberDateLabels(state.dateLabels);
    await loadMatchedPages(routes);
  } else {
    // HTML prerendered for another URL (a host's index.html fallback) is replaced, not hydrated.
    root.replaceChildren();
  }
  const router = createBrowserRouter(routes, state ? { hydrationData: { loaderData: state.loaderData } } : undefined);
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <AppReady onReady={onReady} />
      </QueryClientProvider>
    </StrictMode>
  );
  // React renders the page's title and meta tags itself from here on; the prerendered copies would otherwise
  // shadow them (document.title reads the first <title>). Only now, once nothing can fail before React takes
  // over: a page whose code could not be fetched keeps its title.
  document.head.querySelectorAll('[data-prerendered]').forEach((element) => element.remove());
  onRender?.();
  if (state) {
    // As a transition, hydration yields to the browser every few milliseconds instead of holding the main
    // thread for the whole page, so a reader scrolling or tapping meanwhile is not kept waiting.
    startTransition(() => {
      hydrateRoot(root, app);
    });
  } else createRoot(root).render(app);
}
