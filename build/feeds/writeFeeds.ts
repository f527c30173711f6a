/**
 * Writes an RSS and an Atom feed for every list page (src/model/feedUrls.ts names them), one list at a time, so
 * memory stays flat however many tags and authors there are. An article in many lists is read and rendered once
 * while it stays among the recently used.
 */
import { FEED_FORMATS, feedTitle, feedUrl } from '../../src/model/feedUrls.ts';
import { absoluteOn } from './articleHtml.ts';
import { atomFeed } from './atom.ts';
import { feedItem, type Feed, type FeedItem } from './feedItem.ts';
import { listPages } from './listPages.ts';
import { rssFeed } from './rss.ts';
import type { FeedFormat } from '../../src/model/feedUrls.ts';
import type { PageList } from '../compile.ts';
import type { CompiledDocuments } from '../compiledDocuments.ts';

/** Writes a file of the site, at its decoded site path. */
export type WriteSiteFile = (path: string, text: string) => void | Promise<void>;

export interface FeedsSummary {
  lists: number;
  files: number;
  bytes: number;
}

const RENDER: Record<FeedFormat, (feed: Feed) => string> = { rss: rssFeed, atom: atomFeed };

/** How many rendered articles (with their RSS and Atom XML) are kept for the next list that has them: about 75 MB. */
const KEEP_RENDERED = 5_000;

export async function writeFeeds(options: {
  pages: PageList;
  documents: CompiledDocuments;
  origin: string;
  now: Date;
  write: WriteSiteFile;
}): Promise<FeedsSummary> {
  const { pages, documents, origin, now, write } = options;
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

  const summary: FeedsSummary = { lists: 0, files: 0, bytes: 0 };
  for await (const list of listPages(pages, documents)) {
    const items: FeedItem[] = [];
    for (const card of list.cards) items.push(await itemOf(card.id));
    const updated = items.reduce<Date | undefined>(
      (newest, item) => (newest && newest >= item.updated ? newest : item.updated),
      undefined,
    );
    for (const format of FEED_FORMATS) {
      const path = feedUrl(list.path, format);
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
      await write(decodeURIComponent(path), text);
      summary.files++;
      summary.bytes += Buffer.byteLength(text);
    }
    summary.lists++;
  }
  return summary;
}
