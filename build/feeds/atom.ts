/**
 * Atom (RFC 4287). Titles are `type="text"` (a headline is plain text, shown as typed); the standfirst and the full
 * text are `type="html"` (as CDATA). The lead image is an enclosure link titled with its alt text, and
 * `media:content` as in the RSS feed.
 */
import { FEED_TYPES } from '../../src/model/feedUrls.ts';
import { tagUrl } from '../../src/model/pageUrls.ts';
import { rfc3339, type Feed, type FeedItem } from './feedItem.ts';
import { XML_DECLARATION, emptyElement, htmlElement, parentElement, textElement } from './xml.ts';

/** Each entry's XML, kept while the item is (an article in many lists is written once). */
const written = new WeakMap<FeedItem, string>();

function entry(item: FeedItem, tagScheme: string): string {
  let xml = written.get(item);
  if (xml === undefined) {
    xml = entryXml(item, tagScheme);
    written.set(item, xml);
  }
  return xml;
}

function entryXml(item: FeedItem, tagScheme: string): string {
  return parentElement('entry', [
    textElement('id', item.url),
    textElement('title', item.title, { type: 'text' }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    textElement('published', rfc3339(item.published)),
    textElement('updated', rfc3339(item.updated)),
    ...item.authors.map((author) =>
      parentElement('author', [textElement('name', author.name), textElement('uri', author.url)]),
    ),
    ...item.categories.map((category) =>
      emptyElement('category', { term: category.slug, label: category.label, scheme: tagScheme }),
    ),
    htmlElement('summary', item.summaryHtml, { type: 'html' }),
    htmlElement('content', item.contentHtml, { type: 'html' }),
    item.image ? emptyElement('link', { rel: 'enclosure', href: item.image.url, title: item.image.alt }) : '',
    item.image
      ? parentElement('media:content', [textElement('media:description', item.image.alt, { type: 'plain' })], {
          url: item.image.url,
          medium: 'image',
          width: item.image.width,
          height: item.image.height,
        })
      : '',
  ]);
}

export function atomFeed(feed: Feed): string {
  const origin = new URL(feed.pageUrl).origin;
  const children = [
    textElement('id', feed.pageUrl),
    textElement('title', feed.title, { type: 'text' }),
    textElement('subtitle', feed.description, { type: 'text' }),
    textElement('updated', rfc3339(feed.updated)),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.pageUrl }),
    emptyElement('link', { rel: 'self', type: FEED_TYPES.atom, href: feed.selfUrl }),
    // Atom needs an author for every entry; the site stands in for a feed with no entries.
    parentElement('author', [textElement('name', feed.siteName)]),
    textElement('generator', 'Broadsheet'),
    // Tags are terms of the site's own scheme: the address their pages live under.
    ...feed.items.map((item) => entry(item, `${origin}${tagUrl('')}`)),
  ];
  const attrs = {
    xmlns: 'http://www.w3.org/2005/Atom',
    'xmlns:media': 'http://search.yahoo.com/mrss/',
    'xml:lang': feed.language,
  };
  return `${XML_DECLARATION}${parentElement('feed', children, attrs)}\n`;
}
