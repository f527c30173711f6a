/**
 * Feeds in the page: `<link rel="alternate">` for feed readers to discover (hoisted into <head> by React, so the
 * prerendered HTML has them), and a visible link on list pages. The build writes feeds only when it knows the
 * site's address (SITE_URL), so without one neither is shown: they would point at files that do not exist.
 */
import { FEED_FORMATS, FEED_FORMAT_NAMES, FEED_TYPES, feedTitle, feedUrl } from '../model/feedUrls';

/** SITE_URL's origin when the build had one (build/siteOrigin.ts): the build wrote feeds only then. */
const FEEDS_ORIGIN = import.meta.env.SITE_ORIGIN ?? '';

interface FeedDiscoveryProps {
  siteName: string;
  /** The list page's site path and title, announced first; the site's own feeds follow on every page. */
  list?: { path: string; title: string };
}

export function FeedDiscovery({ siteName, list }: FeedDiscoveryProps) {
  if (!FEEDS_ORIGIN) return null;
  const feeds = [
    ...(list ? [{ path: list.path, title: feedTitle(siteName, list.title) }] : []),
    { path: '/', title: siteName },
  ];
  return (
    <>
      {feeds.flatMap(({ path, title }) =>
        FEED_FORMATS.map((format) => (
          <link
            key={`${path} ${format}`}
            rel="alternate"
            type={FEED_TYPES[format]}
            title={`${title} (${FEED_FORMAT_NAMES[format]})`}
            href={`${FEEDS_ORIGIN}${feedUrl(path, format)}`}
          />
        )),
      )}
    </>
  );
}

/** "Follow …: RSS · Atom" on a list page. Plain links: the browser or a feed reader opens the file. */
export function FeedLink({ path, title }: { path: string; title: string }) {
  if (!FEEDS_ORIGIN) return null;
  return (
    <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
      Follow {title}:{' '}
      {FEED_FORMATS.map((format, i) => (
        <span key={format}>
          {i > 0 && ' · '}
          <a href={feedUrl(path, format)} type={FEED_TYPES[format]} className="text-red-800 dark:text-red-300">
            {`${FEED_FORMAT_NAMES[format]} feed`}
          </a>
        </span>
      ))}
    </p>
  );
}
