/**
 * The page modules, each named once. The routes load them lazily (so no page ships another's code, and a page's
 * code loads alongside its data); prefetching loads the article page's ahead of a click.
 */
import { articleQuery } from '../api/queries';
import type { QueryClient } from '@tanstack/react-query';

export const pageModules = {
  front: () => import('./FrontPage'),
  article: () => import('./ArticlePage'),
  tag: () => import('./TagPage'),
  author: () => import('./AuthorPage'),
  section: () => import('./SectionPage'),
  search: () => import('./SearchPage'),
};

let articlePageCode: Promise<unknown> | undefined;

/** Warms what following a link to article `id` needs: the article page's code and the article's document. */
export function prefetchArticle(queryClient: QueryClient, id: string): void {
  articlePageCode ??= pageModules.article().catch(() => (articlePageCode = undefined));
  // prefetchQuery never throws and skips fresh data; a failure is simply retried on click.
  void queryClient.prefetchQuery(articleQuery(id));
}
