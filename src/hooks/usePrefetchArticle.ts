/**
 * Warms an article (its JSON and the article page's code) when a link to it comes into view, is hovered or is
 * focused, so following the link renders at once. What warming means is the app's business: the root route hands
 * it down through context, so no component reaches up into the pages or the data layer.
 */
import { createContext, use, useCallback, useEffect, useRef } from 'react';

/** Warms the article `id`; never throws, and does nothing outside the app (a component rendered on its own). */
export const PrefetchArticleContext = createContext<(id: string) => void>(() => undefined);

export function usePrefetchArticle<T extends HTMLElement>(id: string) {
  const prefetchArticle = use(PrefetchArticleContext);
  const ref = useRef<T>(null);

  const prefetch = useCallback(() => prefetchArticle(id), [prefetchArticle, id]);

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
