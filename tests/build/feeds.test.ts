// @vitest-environment node
/**
 * Feeds: every feed of the sample newsroom parsed with an XML parser and checked against the compiled documents
 * the pages are made from; hostile text that must leave them well-formed and read back as written.
 */
import { describe, expect, it } from 'vitest';
import { compileContent, type SourceFile } from '../../build/compile.ts';
import { compiledDocuments, newestFirst } from '../../build/compiledDocuments.ts';
import { articleHtml, inlineTextHtml } from '../../build/feeds/articleHtml.ts';
import { FEED_ITEMS } from '../../build/feeds/listPages.ts';
import { writeFeeds } from '../../build/feeds/writeFeeds.ts';
import { escapeXml, htmlElement } from '../../build/feeds/xml.ts';
import { feedUrl } from '../../src/model/feedUrls.ts';
import { plainText } from '../../src/model/inline.ts';
import { articleUrl, authorUrl, tagUrl } from '../../src/model/pageUrls.ts';
import { mediaUrl } from '../../src/model/paths.ts';
import { slugify } from '../../src/model/slug.ts';
import { article } from './articleSource.ts';
import { day } from './corpusOf.ts';
import { childText, childrenNamed, compiledFolder, memoryWriter, parseXml } from './syndicationFixture.ts';
import type { PageList } from '../../build/compile.ts';
import type { CompiledDocuments } from '../../build/compiledDocuments.ts';
import type { Card, CompiledArticle } from '../../src/model/compiled.ts';

const ORIGIN = 'https://ledger.example';
const NOW = new Date('2026-01-01T00:00:00Z');

async function feedsOf(folder: string) {
  const { output, documents } = await compiledFolder(folder);
  const { files, write } = memoryWriter();
  const summary = await writeFeeds({ pages: output.pages, documents, origin: ORIGIN, now: NOW, write });
  return { files, summary, pages: output.pages, documents };
}

/** A list page's cards as its compiled pages give them, all of them, newest first. */
async function listCards(documents: CompiledDocuments, path: string): Promise<Card[]> {
  const slug = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  const cards: Card[] = [];
  if (path === '/') for await (const card of documents.allCards()) cards.push(card);
  else {
    const read = path.startsWith('/tags/')
      ? (n: number) => documents.tagPage(slug, n)
      : path.startsWith('/sections/')
        ? (n: number) => documents.sectionPage(slug, n)
        : (n: number) => documents.authorPage(slug, n);
    for (let n = 1, count = 1; n <= count; n++) {
      const page = await read(n);
      count = page.pageCount;
      cards.push(...page.items);
    }
  }
  return cards.sort(newestFirst);
}

const listPaths = (pages: PageList) => [...pages.front, ...pages.tag, ...pages.author, ...pages.section];

describe('the sample newsroom’s feeds', async () => {
  const { files, summary, pages, documents } = await feedsOf('content');

  it('has an RSS and an Atom feed for the front page, every tag, every author and every section', () => {
    const expected = listPaths(pages).flatMap((path) => [feedUrl(path, 'rss'), feedUrl(path, 'atom')]);
    expect([...files.keys()].sort()).toEqual(expected.map((path) => decodeURIComponent(path)).sort());
    expect(summary.lists).toBe(listPaths(pages).length);
    expect(files.has('/feeds/index.rss')).toBe(true);
    expect(files.has('/feeds/tags/north-korea-news.atom')).toBe(true);
    expect(files.has('/feeds/sections/world.rss')).toBe(true);
  });

  it('RSS: each list’s newest articles, each item as the compiled article says', async () => {
    for (const path of listPaths(pages)) {
      const name = decodeURIComponent(feedUrl(path, 'rss'));
      const rss = parseXml(files.get(name) ?? '', name).documentElement;
      expect(rss.tagName).toBe('rss');
      expect(rss.getAttribute('version')).toBe('2.0');
      const [channel] = childrenNamed(rss, 'channel');
      if (!channel) throw new Error(`${name} has no channel`);
      expect(childText(channel, 'link')).toBe(ORIGIN + path);
      expect(childrenNamed(channel, 'atom:link')[0]?.getAttribute('href')).toBe(ORIGIN + feedUrl(path, 'rss'));
      const cards = (await listCards(documents, path)).slice(0, FEED_ITEMS);
      const items = childrenNamed(channel, 'item');
      expect(
        items.map((item) => childText(item, 'link')),
        name,
      ).toEqual(cards.map((card) => ORIGIN + articleUrl(card.id)));
      for (const [i, item] of items.entries()) {
        const article = await documents.article((cards[i] as Card).id);
        expect(childText(item, 'title')).toBe(article.headline);
        expect(childText(item, 'guid')).toBe(ORIGIN + articleUrl(article.id));
        expect(childText(item, 'pubDate')).toBe(new Date(article.publishedAt).toUTCString());
        expect(childText(item, 'pubDate')).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
        expect(Date.parse(childText(item, 'atom:updated') ?? '')).toBe(
          Date.parse(article.updatedAt ?? article.publishedAt),
        );
        expect(childrenNamed(item, 'dc:creator').map((c) => c.textContent)).toEqual(article.byline.map((a) => a.name));
        expect(childrenNamed(item, 'category').map((c) => [c.textContent, c.getAttribute('domain')])).toEqual(
          [...new Map((article.tags ?? []).map((tag) => [slugify(tag), tag])).entries()].map(([slug, tag]) => [
            tag,
            ORIGIN + tagUrl(slug),
          ]),
        );
        const description = childText(item, 'description');
        expect(description && plainFromHtml(description)).toBe(article.standfirst && plainText(article.standfirst));
        expectFullText(childText(item, 'content:encoded') ?? '', article);
        const media = childrenNamed(item, 'media:content')[0];
        expect(media?.getAttribute('url')).toBe(article.image && ORIGIN + mediaUrl(article.image.src));
        expect(media && childText(media, 'media:description')).toBe(article.image?.alt);
      }
    }
  });

  it('Atom: the same articles, with RFC 3339 times, author pages and tags', async () => {
    for (const path of listPaths(pages)) {
      const name = decodeURIComponent(feedUrl(path, 'atom'));
      const feed = parseXml(files.get(name) ?? '', name).documentElement;
      expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
      expect(childText(feed, 'id')).toBe(ORIGIN + path);
      const self = childrenNamed(feed, 'link').find((link) => link.getAttribute('rel') === 'self');
      expect(self?.getAttribute('href')).toBe(ORIGIN + feedUrl(path, 'atom'));
      const cards = (await listCards(documents, path)).slice(0, FEED_ITEMS);
      const entries = childrenNamed(feed, 'entry');
      expect(entries.map((entry) => childText(entry, 'id'))).toEqual(cards.map((card) => ORIGIN + articleUrl(card.id)));
      expect(childText(feed, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      for (const [i, entry] of entries.entries()) {
        const article = await documents.article((cards[i] as Card).id);
        expect(childText(entry, 'title')).toBe(article.headline);
        expect(childText(entry, 'published')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(Date.parse(childText(entry, 'published') ?? '')).toBe(Date.parse(article.publishedAt));
        expect(Date.parse(childText(entry, 'updated') ?? '')).toBe(
          Date.parse(article.updatedAt ?? article.publishedAt),
        );
        expect(childrenNamed(entry, 'author').map((a) => [childText(a, 'name'), childText(a, 'uri')])).toEqual(
          article.byline.map((a) => [a.name, ORIGIN + authorUrl(slugify(a.name))]),
        );
        expect(childrenNamed(entry, 'category').map((c) => c.getAttribute('label'))).toEqual([
          ...new Map((article.tags ?? []).map((tag) => [slugify(tag), tag])).values(),
        ]);
        expect(childrenNamed(entry, 'content')[0]?.getAttribute('type')).toBe('html');
        expectFullText(childText(entry, 'content') ?? '', article);
        const enclosure = childrenNamed(entry, 'link').find((link) => link.getAttribute('rel') === 'enclosure');
        expect(enclosure?.getAttribute('title')).toBe(article.image?.alt);
      }
    }
  });
});

describe('a newsroom with more articles than a feed carries', () => {
  it('gives each feed the newest 50, newest first', async () => {
    // 70 articles a day apart, written in shuffled order, all tagged alike: the front, tag and author feeds alike.
    const ids = Array.from({ length: 70 }, (_, i) => `a${String(i).padStart(2, '0')}`);
    const sources: SourceFile[] = [...ids].reverse().map((id, i) => ({
      file: `articles/${id}.json`,
      text: JSON.stringify(
        article(id, { publishedAt: day(Number(id.slice(1))), tags: ['Harbour'], headline: `Story ${i}` }),
      ),
    }));
    const output = compileContent({ articles: sources, fileExists: () => true, mode: 'strict' });
    expect(output.problems).toEqual([]);
    const documents = compiledDocuments((path) => Promise.resolve(output.documents.get(path)));
    const { files, write } = memoryWriter();
    await writeFeeds({ pages: output.pages, documents, origin: ORIGIN, now: NOW, write });
    const newest = ids
      .slice(-FEED_ITEMS)
      .reverse()
      .map((id) => ORIGIN + articleUrl(id));
    for (const name of ['/feeds/index.rss', '/feeds/tags/harbour.rss', '/feeds/authors/ada-reporter.rss']) {
      const links = [...parseXml(files.get(name) ?? '', name).getElementsByTagName('item')].map((item) =>
        childText(item, 'link'),
      );
      expect(links, name).toEqual(newest);
    }
  });
});

/** The text of HTML, as a reader sees it. */
function plainFromHtml(html: string): string {
  return parseXml(`<div>${html.replace(/<img [^>]*>/g, '')}</div>`).documentElement.textContent ?? '';
}

/** The feed's HTML holds every paragraph, heading and list item of the article, as text, and its images. */
function expectFullText(html: string, article: CompiledArticle) {
  const text = plainFromHtml(html);
  for (const section of article.sections) {
    if (section.heading) expect(text).toContain(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'paragraph' || block.type === 'quote') expect(text).toContain(plainText(block.text));
      if (block.type === 'list') for (const item of block.items) expect(text).toContain(plainText(item));
      if (block.type === 'image') expect(html).toContain(`src="${ORIGIN}${mediaUrl(block.src)}"`);
    }
  }
  expect(html).not.toMatch(/<script|javascript:|href="\//i);
}

describe('hostile text in feeds', async () => {
  const { files, documents } = await feedsOf('tests/fixtures/hostile');

  it('every feed is well-formed XML, and every text reads back exactly as written', async () => {
    const hostile = await documents.article('hostile-everything');
    let checked = 0;
    for (const [name, text] of files) {
      const root = parseXml(text, name).documentElement;
      const atom = root.tagName === 'feed';
      const items = atom
        ? childrenNamed(root, 'entry')
        : childrenNamed(childrenNamed(root, 'channel')[0] as Element, 'item');
      const item = items.find((i) => (childText(i, atom ? 'id' : 'guid') ?? '').endsWith('/hostile-everything'));
      if (!item) continue;
      checked++;
      expect(childText(item, 'title'), name).toBe(hostile.headline);
      const html = childText(item, atom ? 'content' : 'content:encoded') ?? '';
      // The HTML a reader renders has no element the author wrote: their markup is text in it.
      const body = parseXml(`<div>${html.replace(/<img ([^>]*)>/g, '<img $1/>')}</div>`, `${name} content`);
      const tags = new Set([...body.getElementsByTagName('*')].map((element) => element.tagName));
      for (const tag of tags)
        expect([
          'div',
          'p',
          'h2',
          'em',
          'strong',
          'a',
          'figure',
          'img',
          'figcaption',
          'blockquote',
          'cite',
          'ul',
          'ol',
          'li',
        ]).toContain(tag);
      expect(
        [...body.getElementsByTagName('*')].flatMap((e) => [...e.attributes].map((a) => a.name)),
      ).not.toContainEqual(expect.stringMatching(/^on/));
      for (const link of body.getElementsByTagName('a'))
        expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    }
    // The front page's, its author's and its tags' feeds, in both formats.
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});

describe('the article HTML', () => {
  it('escapes text, keeps allowed links only, and makes site paths and media absolute', () => {
    expect(
      inlineTextHtml('a <b>&amp; "q" [x](/articles/y) [m](mailto:a@b.c) [j](javascript:alert(1)) *e* **s**', ORIGIN),
    ).toBe(
      'a &lt;b&gt;&amp;amp; &quot;q&quot; <a href="https://ledger.example/articles/y">x</a> <a href="mailto:a@b.c">m</a> j <em>e</em> <strong>s</strong>',
    );
    const html = articleHtml(
      {
        image: { src: 'images/a b.svg', alt: 'Alt "x" <y>', width: 4, height: 3, caption: 'C', credit: 'D' },
        sections: [
          { heading: 'H <1>', blocks: [{ type: 'quote', text: 'Q', attribution: 'A & B' }] },
          { blocks: [{ type: 'list', ordered: true, items: ['one', '[two](https://x.example/?a=1&b=2)'] }] },
        ],
      },
      ORIGIN,
    );
    expect(html).toBe(
      '<figure><img src="https://ledger.example/media/images/a%20b.svg" alt="Alt &quot;x&quot; &lt;y&gt;" width="4" height="3"><figcaption>C Credit: D</figcaption></figure>' +
        '<h2>H &lt;1&gt;</h2><figure><blockquote><p>Q</p></blockquote><figcaption>— <cite>A &amp; B</cite></figcaption></figure>' +
        '<ol><li>one</li><li><a href="https://x.example/?a=1&amp;b=2">two</a></li></ol>',
    );
  });

  it('HTML as CDATA cannot end its section early, however many times it says ]]>', () => {
    const html = 'a]]>b]]><injected/>\u0001c';
    const root = parseXml(`<r>${htmlElement('content', html, { type: 'html' })}</r>`).documentElement;
    expect(root.children).toHaveLength(1);
    expect(root.children[0]?.textContent).toBe('a]]>b]]><injected/>c');
  });

  it('XML escaping leaves no way out of text or attributes, and drops characters XML forbids', () => {
    expect(escapeXml(`]]><x a='1' b="2">&\u0001\u0008\uFFFE\uD800ok\u{1F600}\t\n`)).toBe(
      ']]&gt;&lt;x a=&#39;1&#39; b=&quot;2&quot;&gt;&amp;ok\u{1F600}\t\n',
    );
  });
});

describe('feeds in an incremental build', () => {
  /**
   * The feeds of `documents`, reusing what `kept` holds (path → inputs of the last run; none, as in a cold build,
   * when undefined), and what was read.
   */
  async function run(
    pages: PageList,
    documents: CompiledDocuments,
    kept: Map<string, string | undefined> | undefined,
    documentHash: (id: string) => string | undefined,
  ) {
    const read: string[] = [];
    const reading: CompiledDocuments = {
      ...documents,
      article: (id) => {
        read.push(id);
        return documents.article(id);
      },
    };
    const files = new Map<string, string>();
    const inputs = new Map<string, string | undefined>();
    const summary = await writeFeeds({
      pages,
      documents: reading,
      origin: ORIGIN,
      now: NOW,
      write: (path, text, made) => {
        files.set(path, text);
        inputs.set(path, made);
      },
      documentHash,
      reuse: kept
        ? (path, made) => {
            if (kept.get(path) !== made) return false;
            inputs.set(path, made);
            return true;
          }
        : undefined,
    });
    return { files, inputs, summary, read };
  }

  it('makes again only the feeds whose articles changed, each as a full run makes it', async () => {
    const { output, documents } = await compiledFolder('content');
    const hashes = new Map([...output.documents].map(([path, text]) => [path, String(text.length) + text.slice(-40)]));
    const documentHash = (id: string) => hashes.get(`/data/articles/${id}.json`);
    // A cold build reuses nothing, but records what each feed was made from, for the next build.
    const first = await run(output.pages, documents, undefined, documentHash);
    expect(first.summary.reused).toBe(0);
    expect(first.inputs.size).toBe(first.summary.files);
    expect([...first.inputs.values()].every((inputs) => typeof inputs === 'string')).toBe(true);

    const again = await run(output.pages, documents, first.inputs, documentHash);
    expect(again.summary.reused).toBe(again.summary.files);
    expect(again.files.size).toBe(0);
    expect(again.read).toEqual([]);

    // One article's document changes: the feeds that list it are made again, the same as a run without reuse.
    const edited = 'what-we-know-lavrov-wonsan-visit';
    hashes.set(`/data/articles/${edited}.json`, 'edited');
    const after = await run(output.pages, documents, first.inputs, documentHash);
    const listing = [...first.files].filter(([, text]) => text.includes(articleUrl(edited))).map(([path]) => path);
    expect(listing.length).toBeGreaterThan(1);
    expect([...after.files.keys()].sort()).toEqual(listing.sort());
    for (const path of listing) expect(after.files.get(path)).toBe(first.files.get(path));
    expect(after.summary.reused).toBe(first.summary.files - listing.length);

    // An article whose document's hash is unknown: its feeds are made again, never reused on a guess.
    const unknown = await run(output.pages, documents, first.inputs, (id) =>
      id === edited ? undefined : documentHash(id),
    );
    expect([...unknown.files.keys()].sort()).toEqual(listing.sort());
  });
});
