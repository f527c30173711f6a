/**
 * Every URL of the app and its page, in one place. Loaders are static so data starts loading at
 * once; page components are lazy (pages/pageModules.ts) so no page ships another's code, and load
 * alongside the data. Page URLs are written by model/pageUrls.ts.
 */
import { siteQuery } from './api/queries';
import { PageSkeleton } from './components/PageSkeleton';
import { articleLoader, authorLoader, frontLoader, rootLoader, sectionLoader, tagLoader } from './pages/loaders';
import { NotFoundPage } from './pages/NotFoundPage';
import { pageModules } from './pages/pageModules';
import { Root } from './pages/Root';
import { RouteError } from './pages/RouteError';
import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      loader: rootLoader(queryClient),
      // The site document never goes stale (siteQuery): a navigation runs this loader again only when the document is
      // not in the cache, so a navigation whose page has its data already (a search typed in the box) completes at once.
      shouldRevalidate: ({ defaultShouldRevalidate }) =>
        defaultShouldRevalidate && queryClient.getQueryData(siteQuery().queryKey) === undefined,
      Component: Root,
      HydrateFallback: PageSkeleton,
      ErrorBoundary: RouteError,
      children: [
        {
          // Errors of a page render inside the layout, so the header and navigation stay usable.
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              loader: frontLoader(queryClient),
              lazy: { Component: async () => (await pageModules.front()).FrontPage },
            },
            {
              // The id lets the section menu find the article's section (hooks/useCurrentSection.ts).
              id: 'article',
              path: 'articles/:id',
              loader: articleLoader(queryClient),
              lazy: { Component: async () => (await pageModules.article()).ArticlePage },
            },
            {
              path: 'tags/:slug',
              loader: tagLoader(queryClient),
              lazy: { Component: async () => (await pageModules.tag()).TagPage },
            },
            {
              path: 'authors/:slug',
              loader: authorLoader(queryClient),
              lazy: { Component: async () => (await pageModules.author()).AuthorPage },
            },
            {
              id: 'section',
              path: 'sections/:slug',
              loader: sectionLoader(queryClient),
              lazy: { Component: async () => (await pageModules.section()).SectionPage },
            },
            {
              // Not prerendered: the header's search form is a plain GET to /search, which the app shell answers.
              path: 'search',
              lazy: {
                loader: async () => (await pageModules.search()).searchLoader(queryClient),
                shouldRevalidate: async () => (await pageModules.search()).searchShouldRevalidate(queryClient),
                Component: async () => (await pageModules.search()).SearchPage,
              },
            },
            // Tiny, and also what an error boundary shows, so it ships with the shell.
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ];
}
