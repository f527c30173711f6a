/**
 * Fetches an article's JSON (and the article page's code) into the cache when a link to it comes
 * into view, is hovered or is focused, so following the link renders at once.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { articleQuery } from '../api/queries';

let pageCode: Promise<unknown> | undefined;
const loadArticlePageCode = () => (pageCode ??= import('../pages/ArticlePage').catch(() => (pageCode = undefined)));

export function usePrefetchArticle<T extends HTMLElement>(id: string) {
  const queryClient = useQueryClient();
  const ref = useRef<T>(null);

  const prefetch = useCallback(() => {
    void loadArticlePageCode();
    // prefetchQuery never throws and skips fresh data; a failure is simply retried on click.
    void queryClient.prefetchQuery(articleQuery(id));
  }, [queryClient, id]);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          prefetch();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [prefetch]);

  return { ref, onMouseEnter: prefetch, onFocus: prefetch };
}
