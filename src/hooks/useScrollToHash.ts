import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Scrolls to the element the URL's #fragment names once the page has rendered it, so a bookmark
 * to a section works on first load (the browser looks for the target before the app has drawn it).
 */
export function useScrollToHash(ready: unknown) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    document.getElementById(id)?.scrollIntoView();
  }, [hash, ready]);
}
