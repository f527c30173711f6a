/**
 * Title and meta tags, rendered with React 19's hoisting into <head>, so they follow navigation. The canonical and
 * sharing URLs (canonical, og:url, og:image) are absolute or absent: a page prerendered without SITE_URL has none
 * until the app starts in the browser and knows its origin.
 */
import { absoluteUrl, useOrigin } from '../hooks/useOrigin';
import { useSite } from '../hooks/useSite';
import { FeedDiscovery } from './FeedLinks';

interface DocumentHeadProps {
  /** The page's own title; the site name is appended. Omit on the front page. */
  title?: string;
  description?: string;
  /** The page's site path; made absolute on the site's origin. */
  canonicalPath?: string;
  /** A site path or an absolute URL. */
  image?: string;
  type?: 'website' | 'article';
  /** A list page with feeds of its own (a tag's, an author's): its site path and title. */
  feed?: { path: string; title: string };
}

export function DocumentHead({ title, description, canonicalPath, image, type = 'website', feed }: DocumentHeadProps) {
  const site = useSite();
  const fullTitle = title ? `${title} · ${site.name}` : site.name;
  const origin = useOrigin();
  const canonical = canonicalPath === undefined ? undefined : absoluteUrl(origin, canonicalPath);
  const imageUrl = image === undefined ? undefined : absoluteUrl(origin, image);
  return (
    <>
      <title>{fullTitle}</title>
      {description && <meta name="description" content={description} />}
      {canonical && <link rel="canonical" href={canonical} />}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:title" content={title ?? site.name} />
      <meta property="og:type" content={type} />
      {canonical && <meta property="og:url" content={canonical} />}
      {description && <meta property="og:description" content={description} />}
      {imageUrl && <meta property="og:image" content={imageUrl} />}
      <meta name="twitter:card" content={imageUrl ? 'summary_large_image' : 'summary'} />
      <FeedDiscovery siteName={site.name} list={feed} />
    </>
  );
}
