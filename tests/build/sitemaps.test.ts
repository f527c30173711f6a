// @vitest-environment node
/**
 * Sitemaps: the index and its children hold exactly the site's URLs (split at the limit), articles with their last
 * change and lead image; the news sitemap exactly the articles of the 48 hours before the build's clock.
 */
import { describe, expect, it } from 'vitest';
import { buildClock } from '../../build/buildClock.ts';
import { compileContent, type SourceFile } from '../../build/compile.ts';
import { compiledDocuments } from '../../build/compiledDocuments.ts';
import { newsLanguage } from '../../build/sitemaps/newsLanguage.ts';
import { MAX_NEWS, NEWS_SITEMAP, SITEMAP_INDEX, writeSitemaps } from '../../build/sitemaps/writeSitemaps.ts';
import { articleUrl } from '../../src/model/pageUrls.ts';
import { mediaUrl } from '../../src/model/paths.ts';
import { article } from './articleSource.ts';
import { compiledFolder, memoryWriter, parseXml } from './syndicationFixture.ts';
import type { Card } from '../../src/model/compiled.ts';

const ORIGIN = 'https://ledger.example';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';

const locs = (xml: string) => [...parseXml(xml).getElementsByTagNameNS(SITEMAP_NS, 'loc')].map((l) => l.textContent);

/** Each `<url>` of a sitemap: its loc, lastmod and image locs. */
function urls(xml: string) {
  return [...parseXml(xml).getElementsByTagNameNS(SITEMAP_NS, 'url')].map((url) => ({
    loc: url.getElementsByTagNameNS(SITEMAP_NS, 'loc')[0]?.textContent,
    lastmod: url.getElementsByTagNameNS(SITEMAP_NS, 'lastmod')[0]?.textContent ?? undefined,
    images: [...url.getElementsByTagNameNS(IMAGE_NS, 'loc')].map((l) => l.textContent),
  }));
}

async function sitemapsOf(folder: string, now: Date, maxUrls?: number) {
  const { output, documents } = await compiledFolder(folder);
  const { files, write } = memoryWriter();
  const summary = await writeSitemaps({ pages: output.pages, documents, origin: ORIGIN, now, write, maxUrls });
  const cards: Card[] = [];
  for await (const card of documents.allCards()) cards.push(card);
  return { files, summary, pages: output.pages, cards };
}

describe('the sample newsroom’s sitemaps', async () => {
  // 30 hours after the sample's newest article, by SOURCE_DATE_EPOCH, as a reproducible build sets it.
  const { cards: sampleCards } = await sitemapsOf('content', new Date(0));
  const newest = Math.max(...sampleCards.map((card) => Date.parse(card.publishedAt)));
  const now = buildClock({ SOURCE_DATE_EPOCH: String(Math.floor(newest / 1000) + 30 * 3600) });
  const { files, summary, pages, cards } = await sitemapsOf('content', now, 10);

  it('split into children of at most the limit, which together hold exactly the site’s pages', () => {
    const children = locs(files.get(SITEMAP_INDEX) ?? '');
    const pageSitemaps = children.filter((loc) => loc !== ORIGIN + NEWS_SITEMAP);
    const all = Object.values(pages).flat();
    expect(pageSitemaps).toHaveLength(Math.ceil(all.length / 10));
    expect(summary.children).toBe(pageSitemaps.length);
    const listed = pageSitemaps.flatMap((loc) => {
      const child = urls(files.get((loc ?? '').slice(ORIGIN.length)) ?? '');
      expect(child.length).toBeLessThanOrEqual(10);
      return child.map((url) => url.loc);
    });
    expect(listed.sort()).toEqual(all.map((path) => ORIGIN + path).sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toContain(`${ORIGIN}/`);
    expect(listed).toContain(`${ORIGIN}/tags/north-korea-news`);
  });

  it('gives every article its last change and its lead image', () => {
    const entries = new Map(
      [...files]
        .filter(([path]) => path.startsWith('/sitemaps/pages-'))
        .flatMap(([, xml]) => urls(xml).map((u) => [u.loc, u])),
    );
    for (const card of cards) {
      const entry = entries.get(ORIGIN + articleUrl(card.id));
      expect(Date.parse(entry?.lastmod ?? ''), card.id).toBe(Date.parse(card.updatedAt ?? card.publishedAt));
      expect(entry?.images).toEqual(card.image ? [ORIGIN + mediaUrl(card.image.src)] : []);
    }
    expect(entries.get(`${ORIGIN}/`)?.lastmod).toBeUndefined();
  });

  it('lists in the news sitemap exactly the articles of the 48 hours before the build, with the publication', () => {
    const expected = cards
      .filter((card) => {
        const age = now.getTime() - Date.parse(card.publishedAt);
        return age >= 0 && age <= 48 * 3600_000;
      })
      .map((card) => ORIGIN + articleUrl(card.id));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(cards.length);
    const news = parseXml(files.get(NEWS_SITEMAP) ?? '');
    expect(locs(files.get(NEWS_SITEMAP) ?? '').sort()).toEqual(expected.sort());
    expect(summary.news).toBe(expected.length);
    const names = [...news.getElementsByTagNameNS(NEWS_NS, 'name')].map((n) => n.textContent);
    expect(names).toEqual(expected.map(() => 'The Monsoon Ledger'));
    expect(new Set([...news.getElementsByTagNameNS(NEWS_NS, 'language')].map((n) => n.textContent))).toEqual(
      new Set(['en']),
    );
    const titles = [...news.getElementsByTagNameNS(NEWS_NS, 'title')].map((n) => n.textContent);
    expect(titles.sort()).toEqual(
      cards
        .filter((card) => expected.includes(ORIGIN + articleUrl(card.id)))
        .map((card) => card.headline)
        .sort(),
    );
    for (const date of news.getElementsByTagNameNS(NEWS_NS, 'publication_date')) {
      expect(date.textContent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('has no news sitemap when nothing was published in the last 48 hours', async () => {
    const quiet = await sitemapsOf('content', new Date(newest + 49 * 3600_000));
    expect(quiet.files.has(NEWS_SITEMAP)).toBe(false);
    expect(locs(quiet.files.get(SITEMAP_INDEX) ?? '')).toEqual([`${ORIGIN}/sitemaps/pages-1.xml`]);
  });
});

describe('the news sitemap’s window', () => {
  const NOW = new Date('2026-03-10T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000).toISOString();

  async function newsOf(articles: SourceFile[]) {
    const output = compileContent({ articles, fileExists: () => true, mode: 'strict' });
    expect(output.problems).toEqual([]);
    const documents = compiledDocuments((path) => Promise.resolve(output.documents.get(path)));
    const { files, write } = memoryWriter();
    await writeSitemaps({ pages: output.pages, documents, origin: ORIGIN, now: NOW, write });
    return locs(files.get(NEWS_SITEMAP) ?? '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>');
  }
  const source = (id: string, publishedAt: string): SourceFile => ({
    file: `articles/${id}.json`,
    text: JSON.stringify(article(id, { publishedAt })),
  });

  it('takes 48 hours to the second, nothing older and nothing dated after the build', async () => {
    const news = await newsOf([
      source('just-in', hoursAgo(0)),
      source('edge', hoursAgo(48)),
      source('too-old', new Date(NOW.getTime() - 48 * 3600_000 - 1000).toISOString()),
      source('future', hoursAgo(-1)),
      source('offset', '2026-03-09T17:30:00+05:30'),
    ]);
    expect(news.sort()).toEqual(['edge', 'just-in', 'offset'].map((id) => ORIGIN + articleUrl(id)).sort());
  });

  it('holds at most 1,000 articles, the newest', async () => {
    const articles = Array.from({ length: MAX_NEWS + 5 }, (_, i) => source(`n${i}`, hoursAgo(i / 100)));
    const news = await newsOf(articles);
    expect(news).toHaveLength(MAX_NEWS);
    expect(news).toContain(ORIGIN + articleUrl('n0'));
    expect(news).not.toContain(ORIGIN + articleUrl(`n${MAX_NEWS}`));
  });
});

describe('the news sitemap’s language', () => {
  it('is the ISO 639 code of site.json’s locale, Chinese by script', () => {
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('hi-IN')).toBe('hi');
    expect(newsLanguage('fil')).toBe('fil');
    expect(newsLanguage('zh-Hant-HK')).toBe('zh-tw');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('zh-Hans-CN')).toBe('zh-cn');
    expect(newsLanguage('zh')).toBe('zh-cn');
  });
});

describe('the build clock', () => {
  it('is SOURCE_DATE_EPOCH when set, in seconds', () => {
    expect(buildClock({ SOURCE_DATE_EPOCH: '1752364800' }).toISOString()).toBe('2025-07-13T00:00:00.000Z');
    expect(buildClock({ SOURCE_DATE_EPOCH: '0' }).getTime()).toBe(0);
  });

  it('is the machine’s clock otherwise', () => {
    const before = Date.now();
    const now = buildClock({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('refuses what is not whole seconds, in one sentence', () => {
    for (const value of ['soon', '-1', '1.5', '1e9', '99999999999999999']) {
      expect(() => buildClock({ SOURCE_DATE_EPOCH: value }), value).toThrow(
        `SOURCE_DATE_EPOCH: "${value}" is not a whole number of seconds since 1970-01-01 UTC`,
      );
    }
  });
});
