/**
 * Where a list page's feeds live, for the build that writes them and the pages that name them. A feed is named by
 * its page's site path, so any list page (the front, a tag, an author, and later a section) gets its feeds the
 * same way: `/` → `/feeds/index.rss`, `/tags/{slug}` → `/feeds/tags/{slug}.rss` (and `.atom`).
 */

export type FeedFormat = 'rss' | 'atom';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom'];

/** The content type a feed is served and announced with. */
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
};

export const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom' };

/** The feed of the list page at `pagePath` (percent-encoded, as pageUrls.ts spells it). */
export function feedUrl(pagePath: string, format: FeedFormat): string {
  return `/feeds${pagePath === '/' ? '/index' : pagePath}.${format}`;
}

/** A feed's title: the page's title and the site's name, as the page's document title reads. */
export function feedTitle(siteName: string, pageTitle?: string): string {
  return pageTitle ? `${pageTitle} · ${siteName}` : siteName;
}
