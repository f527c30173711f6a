/**
 * Writes an RSS and an Atom feed for every list page (src/model/feedUrls.ts names them), one list at a time, so
 * memory stays flat however many tags and authors there are. An article in many lists is read and rendered once
 * while it stays among the recently used. An incremental build renders only the feeds whose articles changed: at
 * 100,000 articles and 5,000 tags, rendering every feed took about 150 s of every build.
 */
import { FEED_FORMATS, feedTitle, feedUrl } from '../../src/model/feedUrls.ts';
import { hashOf } from '../incremental/buildState.ts';
import { absoluteOn } from './articleHtml.ts';
import { atomFeed } from './atom.ts';
import { feedItem, type Feed, type FeedItem } from './feedItem.ts';
import { listPages, type ListPage } from './listPages.ts';
import { rssFeed } from './rss.ts';
import type { FeedFormat } from '../../src/model/feedUrls.ts';
import type { PageList } from '../compile.ts';
import type { CompiledDocuments } from '../compiledDocuments.ts';

/** Writes a file of the site, at its decoded site path; `inputs`, when given, say what it was made from. */
export type WriteSiteFile = (path: string, text: string, inputs?: string) => void | Promise<void>;

/**
 * For an incremental build: whether the file at `path` (decoded site path) is already in place as the last build of
 * the same code made it from the same `inputs`, linked without being made again.
 */
export type ReuseSiteFile = (path: string, inputs: string) => boolean;

export interface FeedsSummary {
  lists: number;
  files: number;
  /** Bytes of the feeds made now (a reused feed's are not counted). */
  bytes: number;
  /** Feeds linked unchanged from the last build (`reuse`), of `files`. */
  reused: number;
}

const RENDER: Record<FeedFormat, (feed: Feed) => string> = { rss: rssFeed, atom: atomFeed };

/** How many rendered articles (with their RSS and Atom XML) are kept for the next list that has them: about 75 MB. */
const KEEP_RENDERED = 5_000;

/**
 * What a list's feeds are made from, besides the code: the site's name and language, the origin, the list's own
 * title and description, and its articles' compiled documents (by the hash of each, `documentHash`), which are all
 * the feed reads of them. The build's clock only when the list is empty (its feed's `updated`). Undefined when a
 * document's hash is unknown: that feed is made again.
 */
function feedInputs(
  parts: { origin: string; siteName: string; locale: string; list: ListPage; now: Date },
  documentHash: (id: string) => string | undefined,
): string | undefined {
  const hashes: string[] = [];
  for (const card of parts.list.cards) {
    const hash = documentHash(card.id);
    if (hash === undefined) return undefined;
    hashes.push(hash);
  }
  const { origin, siteName, locale, list, now } = parts;
  const clock = hashes.length === 0 ? now.toISOString() : '';
  return hashOf(JSON.stringify([origin, siteName, locale, list.path, list.title, list.description, hashes, clock]));
}

export async function writeFeeds(options: {
  pages: PageList;
  documents: CompiledDocuments;
  origin: string;
  now: Date;
  write: WriteSiteFile;
  /**
   * The hash of each article's compiled document: with it, each feed is written with its inputs (feedInputs), and
   * `reuse`, an incremental build's, links a feed the last build (of the same code) made from the same inputs, so a
   * feed whose articles did not change is not rendered again.
   */
  documentHash?: (id: string) => string | undefined;
  reuse?: ReuseSiteFile;
}): Promise<FeedsSummary> {
  const { pages, documents, origin, now, write, documentHash, reuse } = options;
  const site = await documents.site();
  const rendered = new Map<string, FeedItem>();
  const itemOf = async (id: string) => {
    let item = rendered.get(id);
    if (!item) {
      item = feedItem(await documents.article(id), origin);
      if (rendered.size >= KEEP_RENDERED) rendered.delete(rendered.keys().next().value ?? '');
      rendered.set(id, item);
    }
    return item;
  };

  const summary: FeedsSummary = { lists: 0, files: 0, bytes: 0, reused: 0 };
  for await (const list of listPages(pages, documents)) {
    const feeds = FEED_FORMATS.map((format) => [format, feedUrl(list.path, format)] as const);
    const inputs =
      documentHash && feedInputs({ origin, siteName: site.name, locale: site.locale, list, now }, documentHash);
    // Both or neither: reusing one format alone would still render every item.
    if (inputs !== undefined && reuse && feeds.every(([, path]) => reuse(decodeURIComponent(path), inputs))) {
      summary.lists++;
      summary.files += feeds.length;
      summary.reused += feeds.length;
      continue;
    }
    const items: FeedItem[] = [];
    for (const card of list.cards) items.push(await itemOf(card.id));
    const updated = items.reduce<Date | undefined>(
      (newest, item) => (newest && newest >= item.updated ? newest : item.updated),
      undefined,
    );
    for (const [format, path] of feeds) {
      const text = RENDER[format]({
        title: feedTitle(site.name, list.title),
        description: list.description,
        language: site.locale,
        pageUrl: absoluteOn(origin, list.path),
        selfUrl: absoluteOn(origin, path),
        updated: updated ?? now,
        siteName: site.name,
        items,
      });
      await write(decodeURIComponent(path), text, inputs);
      summary.files++;
      summary.bytes += Buffer.byteLength(text);
    }
    summary.lists++;
  }
  return summary;
}
