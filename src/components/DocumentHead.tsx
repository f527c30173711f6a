/** Title and meta tags, rendered with React 19's hoisting into <head>, so they follow navigation. */
import { absoluteUrl, useOrigin } from '../hooks/useOrigin';
import { useSite } from '../hooks/useSite';

interface DocumentHeadProps {
  /** The page's own title; the site name is appended. Omit on the front page. */
  title?: string;
  description?: string;
  canonicalPath?: string;
  image?: string;
  type?: 'website' | 'article';
}

export function DocumentHead({ title, description, canonicalPath, image, type = 'website' }: DocumentHeadProps) {
  const site = useSite();
  const fullTitle = title ? `${title} · ${site.name}` : site.name;
  const origin = useOrigin();
  const absolute = (path: string) => absoluteUrl(origin, path);
  return (
    <>
      <title>{fullTitle}</title>
      {description && <meta name="description" content={description} />}
      {canonicalPath && <link rel="canonical" href={absolute(canonicalPath)} />}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:title" content={title ?? site.name} />
      <meta property="og:type" content={type} />
      {description && <meta property="og:description" content={description} />}
      {image && <meta property="og:image" content={absolute(image)} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
    </>
  );
}
