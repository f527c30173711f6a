import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/** SITE_URL's origin when the build was given one (build/siteOrigin.ts), else "". */
const SITE_ORIGIN = import.meta.env.SITE_ORIGIN ?? '';

/**
 * The site's origin for absolute URLs (canonical, Open Graph, JSON-LD): the configured one, so a mirror or
 * preview host still points readers and crawlers at the real site. Without one, prerendering does not know where
 * the site is hosted, so the server and the hydrating render use "" (unknown), and the browser fills in its own
 * origin right after.
 */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => SITE_ORIGIN || window.location.origin,
    () => SITE_ORIGIN,
  );
}

/**
 * A site path made absolute on this origin; URLs that are already absolute are kept. Undefined while the origin
 * is unknown: where an absolute URL belongs (canonical, sharing), a site path would be wrong, so there is none.
 */
export function absoluteUrl(origin: string, path: string): string | undefined {
  if (/^https?:\/\//.test(path)) return path;
  return origin ? `${origin}${path}` : undefined;
}
