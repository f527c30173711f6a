/**
 * Sitemaps with the `sitemap` library (it escapes every value, drops characters XML forbids, and checks news
 * entries): `/sitemap.xml` is an index of child sitemaps of at most 50,000 URLs each, holding every page of the
 * build's PageList, whatever kinds it has (the front page, articles with `lastmod` from their update time and
 * their lead image, tags, authors, and any kind added later), plus `/sitemaps/news.xml`, the Google News sitemap
 * of the articles published in the 48 hours before the build's clock (at most 1,000, newest first), when there are any.
 */
import { SitemapIndexStream, SitemapStream, streamToPromise, ErrorLevel, type SitemapItemLoose } from 'sitemap';
import { articleUrl } from '../../src/model/pageUrls.ts';
import { mediaUrl } from '../../src/model/paths.ts';
import { lastChange, newestFirst, type CompiledDocuments } from '../compiledDocuments.ts';
import { absoluteOn } from '../feeds/articleHtml.ts';
import { rfc3339 } from '../feeds/feedItem.ts';
import { newsLanguage } from './newsLanguage.ts';
import type { Card } from '../../src/model/compiled.ts';
import type { PageList } from '../compile.ts';
import type { WriteSiteFile } from '../feeds/writeFeeds.ts';
import type { Readable, Writable } from 'node:stream';

export const SITEMAP_INDEX = '/sitemap.xml';
export const NEWS_SITEMAP = '/sitemaps/news.xml';
export const pagesSitemap = (n: number) => `/sitemaps/pages-${n}.xml`;

/** The sitemap protocol's limit of URLs in one file (its 50 MB limit is far off at a few hundred bytes a URL). */
const MAX_URLS = 50_000;
/** Google News: articles from the last two days, at most 1,000 in a news sitemap. */
const NEWS_WINDOW_MS = 48 * 3_600_000;
export const MAX_NEWS = 1_000;

export interface SitemapsSummary {
  /** Child sitemaps of pages. */
  children: number;
  urls: number;
  news: number;
  bytes: number;
}

/** Whether an article belongs in the news sitemap of a build at `now`. */
function isNews(card: Pick<Card, 'publishedAt'>, now: Date): boolean {
  const age = now.getTime() - Date.parse(card.publishedAt);
  return age >= 0 && age <= NEWS_WINDOW_MS;
}

async function xml(stream: Readable & Writable, items: Iterable<unknown>): Promise<string> {
  const done = streamToPromise(stream);
  for (const item of items) stream.write(item);
  stream.end();
  return (await done).toString('utf8');
}

const urlset = (news = false) =>
  new SitemapStream({ level: ErrorLevel.THROW, xmlns: { news, image: !news, video: false, xhtml: false } });

export async function writeSitemaps(options: {
  pages: PageList;
  documents: CompiledDocuments;
  origin: string;
  now: Date;
  write: WriteSiteFile;
  maxUrls?: number;
}): Promise<SitemapsSummary> {
  const { pages, documents, origin, now, write, maxUrls = MAX_URLS } = options;
  const summary: SitemapsSummary = { children: 0, urls: 0, news: 0, bytes: 0 };
  const put = async (path: string, text: string) => {
    await write(path, text);
    summary.bytes += Buffer.byteLength(text);
  };

  // What an article's entry says beyond its URL, and the news candidates, in one pass over the compiled index.
  const articleFacts = new Map<string, Pick<SitemapItemLoose, 'lastmod' | 'img'>>();
  let news: Card[] = [];
  for await (const card of documents.allCards()) {
    articleFacts.set(articleUrl(card.id), {
      lastmod: lastChange(card).toISOString(),
      img: card.image ? [{ url: absoluteOn(origin, mediaUrl(card.image.src)) }] : undefined,
    });
    if (isNews(card, now)) news.push(card);
  }
  news = news.sort(newestFirst).slice(0, MAX_NEWS);

  const children: string[] = [];
  let chunk: SitemapItemLoose[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const path = pagesSitemap(children.length + 1);
    await put(path, await xml(urlset(), chunk));
    children.push(path);
    summary.urls += chunk.length;
    chunk = [];
  };
  for (const paths of Object.values(pages) as string[][]) {
    for (const path of paths) {
      chunk.push({ url: absoluteOn(origin, path), ...articleFacts.get(path) });
      if (chunk.length >= maxUrls) await flush();
    }
  }
  await flush();
  summary.children = children.length;

  // The protocol wants at least one URL in a sitemap (the library refuses an empty one), so in a quiet spell there is
  // no news sitemap, and the index does not name one.
  if (news.length > 0) {
    const site = await documents.site();
    const publication = { name: site.name, language: newsLanguage(site.locale) };
    await put(
      NEWS_SITEMAP,
      await xml(
        urlset(true),
        news.map((card) => ({
          url: absoluteOn(origin, articleUrl(card.id)),
          news: { publication, publication_date: rfc3339(new Date(card.publishedAt)), title: card.headline },
        })),
      ),
    );
    children.push(NEWS_SITEMAP);
  }
  summary.news = news.length;

  const index = new SitemapIndexStream({ level: ErrorLevel.THROW });
  await put(
    SITEMAP_INDEX,
    await xml(
      index,
      children.map((path) => absoluteOn(origin, path)),
    ),
  );
  return summary;
}
