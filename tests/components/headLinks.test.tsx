/**
 * What the prerendered head and page say to machines: feed discovery links (only when the build wrote feeds, that
 * is with SITE_URL), and NewsArticle structured data checked against Google's Article rules.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleUrl, authorUrl, frontUrl, tagUrl } from '../../src/model/pageUrls';
import { compileFixture } from './renderApp';
import type { ReadDocument, RenderedPage } from '../../src/model/prerender';

const FULL = articleUrl('harbour-wall-opens');
const ORIGIN = 'https://gazette.example';

const reader: ReadDocument = (path) => Promise.resolve(compileFixture('app').documents.get(path));

/** The prerender as the build loads it, with SITE_ORIGIN as given (read once, when the app's modules load). */
async function render(url: string, origin: string): Promise<RenderedPage> {
  vi.stubEnv('SITE_ORIGIN', origin);
  vi.resetModules();
  const { renderPage } = await import('../../src/entry-server');
  const page = await renderPage(url, reader);
  if (!page) throw new Error(`${url} did not render`);
  return page;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const alternates = (head: string) =>
  [...head.matchAll(/<link [^>]*rel="alternate"[^>]*\/>/g)].map(([tag]) => ({
    type: /type="([^"]*)"/.exec(tag)?.[1],
    title: /title="([^"]*)"/.exec(tag)?.[1],
    href: /href="([^"]*)"/.exec(tag)?.[1],
  }));

const siteFeeds = [
  { type: 'application/rss+xml', title: 'Test Gazette (RSS)', href: `${ORIGIN}/feeds/index.rss` },
  { type: 'application/atom+xml', title: 'Test Gazette (Atom)', href: `${ORIGIN}/feeds/index.atom` },
];

describe('feed discovery in the prerendered head', () => {
  it('the front page names the site’s feeds', async () => {
    expect(alternates((await render(frontUrl(), ORIGIN)).head)).toEqual(siteFeeds);
  });

  it('a tag page names its own feeds first, then the site’s, and links to them in the page', async () => {
    const page = await render(tagUrl('port-calder'), ORIGIN);
    expect(alternates(page.head)).toEqual([
      {
        type: 'application/rss+xml',
        title: 'Port Calder · Test Gazette (RSS)',
        href: `${ORIGIN}/feeds/tags/port-calder.rss`,
      },
      {
        type: 'application/atom+xml',
        title: 'Port Calder · Test Gazette (Atom)',
        href: `${ORIGIN}/feeds/tags/port-calder.atom`,
      },
      ...siteFeeds,
    ]);
    expect(page.body).toMatch(
      /<a href="\/feeds\/tags\/port-calder.rss" type="application\/rss\+xml"[^>]*>RSS feed<\/a>/,
    );
  });

  it('an author page names the author’s feeds', async () => {
    const page = await render(authorUrl('mira-kaul'), ORIGIN);
    expect(alternates(page.head)[0]?.href).toBe(`${ORIGIN}/feeds/authors/mira-kaul.rss`);
    expect(alternates(page.head)[1]?.href).toBe(`${ORIGIN}/feeds/authors/mira-kaul.atom`);
    expect(page.body).toContain('>Atom feed</a>');
  });

  it('a tag in any script has its feed at its percent-encoded path', async () => {
    const page = await render(tagUrl('평양'), ORIGIN);
    expect(alternates(page.head)[0]?.href).toBe(`${ORIGIN}/feeds/tags/${encodeURIComponent('평양')}.rss`);
  });

  it('without SITE_URL there are no feeds, so neither links nor discovery', async () => {
    for (const url of [frontUrl(), tagUrl('port-calder'), authorUrl('mira-kaul'), FULL]) {
      const page = await render(url, '');
      expect(alternates(page.head), url).toEqual([]);
      expect(page.body, url).not.toMatch(/feeds\//);
    }
  });
});

type Json = Record<string, unknown>;

/**
 * Google's Article structured data rules (developers.google.com/search/docs/appearance/structured-data/article):
 * errors break eligibility, warnings are advice (a headline over 110 characters may be cut).
 */
function googleArticleProblems(data: Json): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const iso8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const absolute = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/]/.test(value);
  if (data['@context'] !== 'https://schema.org') errors.push('@context is not https://schema.org');
  if (!['Article', 'NewsArticle', 'BlogPosting'].includes(String(data['@type'])))
    errors.push('@type is not an Article');
  if (typeof data.headline !== 'string' || !data.headline) errors.push('headline is missing');
  else if (data.headline.length > 110) warnings.push('headline is longer than 110 characters');
  if (data.image !== undefined && !(Array.isArray(data.image) && data.image.every(absolute)))
    errors.push('image is not an array of absolute URLs');
  for (const key of ['datePublished', 'dateModified']) {
    if (typeof data[key] !== 'string' || !iso8601.test(data[key]))
      errors.push(`${key} is not an ISO 8601 date-time with a zone`);
  }
  if (errors.length === 0 && Date.parse(String(data.dateModified)) < Date.parse(String(data.datePublished)))
    errors.push('dateModified is before datePublished');
  const authors = Array.isArray(data.author) ? (data.author as Json[]) : [];
  if (authors.length === 0) errors.push('author is missing');
  for (const author of authors) {
    if (author['@type'] !== 'Person' && author['@type'] !== 'Organization') errors.push('an author has no @type');
    if (typeof author.name !== 'string' || !author.name) errors.push('an author has no name');
    if (author.url !== undefined && !absolute(author.url)) errors.push('an author url is not absolute');
  }
  return { errors, warnings };
}

const jsonLd = (body: string) =>
  JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(body)?.[1] ?? '{}') as Json;

describe('NewsArticle structured data', () => {
  it('follows Google’s Article rules, with dateModified, author pages and free access', async () => {
    const data = jsonLd((await render(FULL, ORIGIN)).body);
    expect(googleArticleProblems(data)).toEqual({ errors: [], warnings: [] });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Harbour wall opens after three years',
      image: [`${ORIGIN}/media/images/harbour.svg`],
      datePublished: '2025-07-12T18:09:19+05:30',
      dateModified: '2025-07-12T19:40:00+05:30',
      isAccessibleForFree: true,
      author: [
        { '@type': 'Person', name: 'Mira Kaul', url: `${ORIGIN}/authors/mira-kaul` },
        { '@type': 'Person', name: 'Tomás Ferreira', url: `${ORIGIN}/authors/tomas-ferreira` },
      ],
    });
  });

  it('gives dateModified as the publication when there was no update', async () => {
    const data = jsonLd((await render(articleUrl('ferry-returns'), ORIGIN)).body);
    expect(data.dateModified).toBe(data.datePublished);
    expect(googleArticleProblems(data).errors).toEqual([]);
  });

  it('without SITE_URL, names no site paths where absolute URLs belong, and stays valid', async () => {
    const data = jsonLd((await render(FULL, '')).body);
    expect(googleArticleProblems(data).errors).toEqual([]);
    expect(JSON.stringify(data)).not.toMatch(/"url":|"\/media\//);
  });

  it('the rules catch what Google refuses', () => {
    const { errors, warnings } = googleArticleProblems({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'x'.repeat(111),
      image: '/media/a.svg',
      datePublished: '12 July 2025',
      dateModified: '2025-07-11T00:00:00Z',
      author: [{ name: 'A', url: '/authors/a' }],
    });
    expect(warnings).toEqual(['headline is longer than 110 characters']);
    expect(errors).toEqual([
      'image is not an array of absolute URLs',
      'datePublished is not an ISO 8601 date-time with a zone',
      'an author has no @type',
      'an author url is not absolute',
    ]);
  });
});
