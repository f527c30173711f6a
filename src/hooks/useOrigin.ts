import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * The site's origin for absolute URLs (canonical, Open Graph, JSON-LD). Prerendering does not know
 * where the site will be hosted, so the server and the hydrating render use "" (a site path), and
 * the browser fills the origin in right after.
 */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
}

/** A site path made absolute on this origin; URLs that are already absolute are kept. */
export function absoluteUrl(origin: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${origin}${path}`;
}
