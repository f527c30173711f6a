import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { hydrate, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { createQueryClient } from './api/queries';
import { createRoutes } from './routes';
import { STATE_ELEMENT_ID, type PrerenderState } from './prerenderState';
import './index.css';

/** The prerendered state, when this HTML was prerendered for the URL being shown. */
function prerenderedState(): PrerenderState | undefined {
  const element = document.getElementById(STATE_ELEMENT_ID);
  if (!element?.textContent) return undefined;
  try {
    const state = JSON.parse(element.textContent) as PrerenderState;
    return state.url === window.location.pathname + window.location.search ? state : undefined;
  } catch {
    return undefined;
  }
}

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

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const queryClient = createQueryClient();
  const routes = createRoutes(queryClient);
  const state = prerenderedState();
  // React renders the page's title and meta tags itself from here on; the prerendered copies
  // would otherwise shadow them (document.title reads the first <title>).
  document.head.querySelectorAll('[data-prerendered]').forEach((element) => element.remove());

  if (state) {
    // The embedded data is as fresh as the HTML that carried it (served with no-cache), not as old
    // as the build: without this every prerendered page would refetch its data at once.
    const loadedAt = Date.now();
    for (const query of state.queries.queries) query.state.dataUpdatedAt = loadedAt;
    hydrate(queryClient, state.queries);
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
      </QueryClientProvider>
    </StrictMode>
  );
  if (state) {
    // Let the browser paint the prerendered page before hydration takes the main thread.
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    hydrateRoot(root, app);
  } else createRoot(root).render(app);
}

void start();
