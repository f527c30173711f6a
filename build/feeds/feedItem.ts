/** A feed's entries, made from an article's compiled document: the same words, links and pictures as its page. */
import { articleUrl, authorUrl, tagUrl } from '../../src/model/pageUrls.ts';
import { mediaUrl } from '../../src/model/paths.ts';
import { slugify } from '../../src/model/slug.ts';
import { absoluteOn, articleHtml, inlineTextHtml } from './articleHtml.ts';
import type { CompiledArticle } from '../../src/model/compiled.ts';

export interface FeedItem {
  /** The article's absolute URL: its link, and its id in the feed. */
  url: string;
  /** Plain text. */
  title: string;
  /** The standfirst, as HTML. */
  summaryHtml?: string;
  /** The full article, as HTML. */
  contentHtml: string;
  authors: { name: string; url: string }[];
  published: Date;
  updated: Date;
  categories: { label: string; slug: string; url: string }[];
  image?: { url: string; alt: string; width: number; height: number };
}

export interface Feed {
  title: string;
  description?: string;
  /** BCP 47, from site.json. */
  language: string;
  /** The list page's absolute URL. */
  pageUrl: string;
  /** This feed's own absolute URL. */
  selfUrl: string;
  /** The newest change among its items (the build's clock when it has none), so a rebuild changes nothing. */
  updated: Date;
  siteName: string;
  items: FeedItem[];
}

export function feedItem(article: CompiledArticle, origin: string): FeedItem {
  const seen = new Set<string>();
  const categories = (article.tags ?? []).flatMap((label) => {
    const slug = slugify(label);
    if (seen.has(slug)) return [];
    seen.add(slug);
    return [{ label, slug, url: absoluteOn(origin, tagUrl(slug)) }];
  });
  return {
    url: absoluteOn(origin, articleUrl(article.id)),
    title: article.headline,
    summaryHtml: article.standfirst === undefined ? undefined : inlineTextHtml(article.standfirst, origin),
    contentHtml: articleHtml(article, origin),
    authors: article.byline.map(({ name }) => ({ name, url: absoluteOn(origin, authorUrl(slugify(name))) })),
    published: new Date(article.publishedAt),
    updated: new Date(article.updatedAt ?? article.publishedAt),
    categories,
    image: article.image && {
      url: absoluteOn(origin, mediaUrl(article.image.src)),
      alt: article.image.alt,
      width: article.image.width,
      height: article.image.height,
    },
  };
}

/** RFC 3339, to the second, in UTC. */
export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** RFC 822 (with a four-digit year, as RFC 1123 and every reader expect), in GMT. */
export const rfc822 = (date: Date) => date.toUTCString();
