/** NewsArticle structured data; a data block, never executed, so the CSP needs no exception. */
import { absoluteUrl, useOrigin } from '../../hooks/useOrigin';
import { authorUrl } from '../../model/pageUrls';
import { mediaUrl } from '../../model/paths';
import { slugify } from '../../model/slug';
import type { CompiledArticle } from '../../model/compiled';

export function ArticleJsonLd({ article, siteName }: { article: CompiledArticle; siteName: string }) {
  const origin = useOrigin();
  // No image or author URL rather than a site path while the origin is unknown (prerendered without SITE_URL).
  const image = article.image ? absoluteUrl(origin, mediaUrl(article.image.src)) : undefined;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    image: image ? [image] : undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    articleSection: article.section,
    author: article.byline.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(origin, authorUrl(slugify(author.name))),
    })),
    publisher: { '@type': 'Organization', name: siteName },
    isAccessibleForFree: true,
  };
  // "<" is escaped so that no text in an article can close the script element.
  return <script type="application/ld+json">{JSON.stringify(data).replace(/</g, '\\u003c')}</script>;
}
