/**
 * After a client-side navigation, screen-reader users hear the new page's title and keyboard
 * users continue from its heading. The first load is left alone (the browser handles it), and so
 * is a change of #fragment alone, which must keep its scroll target.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

export function RouteAnnouncer() {
  const location = useLocation();
  const { pathname, search } = location;
  // The search box asks to keep focus while its results follow the typing (components/SearchForm.tsx).
  const keepFocus = (location.state as { keepFocus?: unknown } | null)?.keepFocus === true;
  const page = pathname + search;
  const previous = useRef(page);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (previous.current === page) return;
    previous.current = page;
    // Wait a frame so React has committed the new page and hoisted its <title>.
    const frame = requestAnimationFrame(() => {
      if (keepFocus) return;
      const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
      target?.focus({ preventScroll: true });
      setMessage(document.title);
    });
    return () => cancelAnimationFrame(frame);
  }, [page, keepFocus]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </div>
  );
}
