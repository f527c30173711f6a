/**
 * RSS 2.0. Authors are `dc:creator` (RSS's own `author` must be an e-mail address), the full text is
 * `content:encoded` (HTML as CDATA), the lead image is `media:content` with its alt text as the description, and since RSS has no
 * updated time of its own, each item carries `atom:updated` (RFC 3339, as that element requires) beside its
 * RFC 822 `pubDate`.
 */
import { FEED_TYPES } from '../../src/model/feedUrls.ts';
import { rfc3339, rfc822, type Feed, type FeedItem } from './feedItem.ts';
import { XML_DECLARATION, emptyElement, htmlElement, parentElement, textElement } from './xml.ts';

const NAMESPACES = {
  version: '2.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/** Each item's XML, kept while the item is (an article in many lists is written once). */
const written = new WeakMap<FeedItem, string>();

function item(entry: FeedItem): string {
  let xml = written.get(entry);
  if (xml === undefined) {
    xml = itemXml(entry);
    written.set(entry, xml);
  }
  return xml;
}

function itemXml(entry: FeedItem): string {
  return parentElement('item', [
    textElement('title', entry.title),
    textElement('link', entry.url),
    textElement('guid', entry.url, { isPermaLink: 'true' }),
    textElement('pubDate', rfc822(entry.published)),
    textElement('atom:updated', rfc3339(entry.updated)),
    ...entry.authors.map((author) => textElement('dc:creator', author.name)),
    ...entry.categories.map((category) => textElement('category', category.label, { domain: category.url })),
    htmlElement('description', entry.summaryHtml),
    htmlElement('content:encoded', entry.contentHtml),
    entry.image
      ? parentElement('media:content', [textElement('media:description', entry.image.alt, { type: 'plain' })], {
          url: entry.image.url,
          medium: 'image',
          width: entry.image.width,
          height: entry.image.height,
        })
      : '',
  ]);
}

export function rssFeed(feed: Feed): string {
  const channel = parentElement('channel', [
    textElement('title', feed.title),
    textElement('link', feed.pageUrl),
    // Required by RSS 2.0, even where the page has no description of its own.
    textElement('description', feed.description ?? feed.title),
    textElement('language', feed.language),
    textElement('lastBuildDate', rfc822(feed.updated)),
    textElement('generator', 'Broadsheet'),
    emptyElement('atom:link', { href: feed.selfUrl, rel: 'self', type: FEED_TYPES.rss }),
    ...feed.items.map(item),
  ]);
  return `${XML_DECLARATION}${parentElement('rss', [channel], NAMESPACES)}\n`;
}
