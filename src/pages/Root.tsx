/**
 * The root route's page: reads the site document (the root loader has cached it) and hands the pages below what
 * they share through context (the site, and how to prefetch an article), so components never fetch.
 */
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { siteQuery } from '../api/queries';
import { Layout } from '../components/Layout';
import { PrefetchArticleContext } from '../hooks/usePrefetchArticle';
import { SiteContext } from '../hooks/useSite';
import { prefetchArticle } from './pageModules';

export function Root() {
  const { data: site } = useSuspenseQuery(siteQuery());
  const queryClient = useQueryClient();
  const prefetch = useCallback((id: string) => prefetchArticle(queryClient, id), [queryClient]);
  return (
    <SiteContext value={site}>
      <PrefetchArticleContext value={prefetch}>
        <Layout site={site} />
      </PrefetchArticleContext>
    </SiteContext>
  );
}
