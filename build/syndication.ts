/**
 * Feeds, sitemaps and robots.txt's Sitemap line, written into the built site from its compiled documents (the
 * files the pages are prerendered from). All of them need absolute URLs, so without SITE_URL they are skipped,
 * and the build says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compiledDocuments } from './compiledDocuments.ts';
import { writeFeeds, type WriteSiteFile } from './feeds/writeFeeds.ts';
import { SITEMAP_INDEX, writeSitemaps } from './sitemaps/writeSitemaps.ts';
import type { ReadDocument } from '../src/model/prerender.ts';
import type { PageList } from './compile.ts';

export const SKIPPED_WITHOUT_SITE_URL =
  'Feeds and sitemaps skipped: they need absolute URLs and SITE_URL is not set (build with SITE_URL=https://your.site)';

/** robots.txt as the project ships it (public/robots.txt), naming the sitemap index. */
export function robotsWithSitemap(robots: string | undefined, origin: string): string {
  const rules = robots?.trim() ? robots.trimEnd() : 'User-agent: *\nAllow: /';
  return `${rules}\n\nSitemap: ${origin}${SITEMAP_INDEX}\n`;
}

/** Writes into `siteDir` at decoded site paths, making folders as needed. */
export function siteFileWriter(siteDir: string): WriteSiteFile {
  const made = new Set<string>();
  return (path, text) => {
    const file = join(siteDir, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, text);
  };
}

/** Writes the feeds, the sitemaps and robots.txt through `write`; returns the line the build prints about them. */
export async function writeSyndication(options: {
  /** Writes a file of the site at its decoded site path (`/feeds/index.rss`). */
  write: WriteSiteFile;
  /** The robots.txt the project ships (public/robots.txt), if any. */
  robots: string | undefined;
  pages: PageList;
  readDocument: ReadDocument;
  /** SITE_URL's origin, or "" when it is not set. */
  origin: string;
  now: Date;
  /** What a feed is made from, and an incremental build's reuse of unchanged feeds (writeFeeds). */
  documentHash?: Parameters<typeof writeFeeds>[0]['documentHash'];
  reuse?: Parameters<typeof writeFeeds>[0]['reuse'];
}): Promise<string> {
  const { write, robots, pages, readDocument, origin, now, documentHash, reuse } = options;
  if (!origin) return SKIPPED_WITHOUT_SITE_URL;
  const documents = compiledDocuments(readDocument);
  const feeds = await writeFeeds({ pages, documents, origin, now, write, documentHash, reuse });
  const sitemaps = await writeSitemaps({ pages, documents, origin, now, write });
  await write('/robots.txt', robotsWithSitemap(robots, origin));
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  return (
    `Feeds: RSS and Atom for ${feeds.lists} list pages (${mb(feeds.bytes)} made now` +
    `${feeds.reused > 0 ? `, ${feeds.reused} files unchanged` : ''}); ` +
    `sitemaps: ${sitemaps.urls} URLs in ${sitemaps.children} sitemap${sitemaps.children === 1 ? '' : 's'} ` +
    `(${mb(sitemaps.bytes)}), ${sitemaps.news} in the news sitemap`
  );
}
