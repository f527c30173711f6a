/**
 * Renders the whole app (real routes, loaders and queries) at a URL, with fetch answered from a
 * fixture content folder compiled in memory: what a reader would get from a built site.
 */
import { resolve } from 'node:path';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { compileContent } from '../../build/compile';
import { loadContent } from '../../build/load';
import { buildSearchIndex, compiledArticles } from '../../build/search/buildSearchIndex';
import { createQueryClient } from '../../src/api/queries';
import { createRoutes } from '../../src/routes';

/** The URL a fetch was called with, whichever form it took. */
export const requestUrl = (input: RequestInfo | URL): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

export type FetchOverride = (path: string) => Response | undefined;

/**
 * An edited newsroom bigger than a page: 25 articles a day apart (`story-0` oldest) in two sections, with the
 * lead and top stories pinned from deep in the list.
 */
function editedNewsroom() {
  const story = (i: number) => ({
    id: `story-${i}`,
    headline: `Story ${i}`,
    section: i % 2 === 0 ? 'World' : 'Sport',
    tags: ['News'],
    byline: [{ name: 'Ada Reporter' }],
    publishedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    sections: [{ blocks: [{ type: 'paragraph', text: 'Body.' }] }],
  });
  const site = { sections: ['Sport', 'World'], front: { lead: 'story-2', top: ['story-0', 'story-24'] } };
  return compileContent({
    site: { file: 'site.json', text: JSON.stringify(site) },
    articles: Array.from({ length: 25 }, (_, i) => ({ file: `articles/${i}.json`, text: JSON.stringify(story(i)) })),
    fileExists: () => false,
    mode: 'strict',
  });
}

// Loading is asynchronous (images are verified), and the tests render synchronously: compiled once, up front.
const compiled = new Map([
  ['app', await loadContent(resolve(__dirname, '../fixtures', 'app'), 'strict')],
  ['edited', editedNewsroom()],
]);

/** Each fixture's search index, built as the site build builds it, beside its documents. */
const searchIndexes = new Map<string, Map<string, string>>();
function searchIndexOf(name: string) {
  let files = searchIndexes.get(name);
  if (!files) searchIndexes.set(name, (files = buildSearchIndex(compiledArticles(compileFixture(name).documents))));
  return files;
}

export function compileFixture(name: string) {
  const output = compiled.get(name);
  if (!output) throw new Error(`fixture ${name} is not compiled here; add it to the map above`);
  if (output.problems.length > 0) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(output.problems)}`);
  return output;
}

export function renderApp(
  url: string,
  { fixture = 'app', override }: { fixture?: string; override?: FetchOverride } = {},
) {
  const { documents } = compileFixture(fixture);
  const search = searchIndexOf(fixture);
  const answer = (path: string): Response => {
    const custom = override?.(path);
    if (custom) return custom;
    const body = documents.get(path) ?? search.get(path);
    // Like a static host's index.html fallback: a missing file answers 200 with HTML.
    return body === undefined
      ? new Response('<!doctype html><title>app</title>', { headers: { 'Content-Type': 'text/html' } })
      : new Response(body, { headers: { 'Content-Type': 'application/json' } });
  };
  const fetchMock = vi.fn((input: RequestInfo | URL) =>
    Promise.resolve(answer(decodeURIComponent(new URL(requestUrl(input), 'http://localhost').pathname))),
  );
  vi.stubGlobal('fetch', fetchMock);
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, fetchMock, queryClient };
}
