/**
 * The server under test answers as deploy/nginx.conf says, for each case the config tells apart: a
 * file, a prerendered page (`path/index.html`), the front page with and without a query, a missing
 * data file, a missing asset and any other path. Bodies are compared with the built files, so each
 * answer is known to be the right file and not merely some HTML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const base = inject('sampleUrl');
const dist = inject('sampleDist');
const file = (path: string) => readFileSync(join(dist, path), 'utf8');
/** The hostile fixture is built with SITE_URL, so it has feeds and sitemaps; the sample has neither. */
const withFeeds = inject('hostileUrl');
const withFeedsFile = (path: string) => readFileSync(join(inject('hostileDist'), path), 'utf8');

const LEAD = 'lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea';
const TAG = 'north-korea-news';

async function get(path: string, headers: Record<string, string> = {}, origin = base) {
  const response = await fetch(origin + path, { headers, redirect: 'manual' });
  return { response, body: await response.text() };
}

describe('the server under test follows deploy/nginx.conf', () => {
  it('serves a data file as JSON, revalidated after a minute, gzipped when asked', async () => {
    const { response, body } = await get('/data/site.json', { 'Accept-Encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Content-Encoding')).toBe('gzip');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, must-revalidate');
    expect(body).toBe(file('data/site.json'));
  });

  it('serves a hashed asset for a year, and answers a missing one with 404', async () => {
    const asset = readdirSync(join(dist, 'assets')).find((name) => name.endsWith('.js'));
    if (!asset) throw new Error('the build wrote no JavaScript asset');
    const { response, body } = await get(`/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(body).toBe(file(`assets/${asset}`));
    expect((await get('/assets/no-such-file.js')).response.status).toBe(404);
  });

  it('serves a file at the root as itself', async () => {
    const { response, body } = await get('/robots.txt');
    expect(response.status).toBe(200);
    expect(body).toBe(file('robots.txt'));
  });

  it("serves a prerendered page's path/index.html for its path", async () => {
    for (const path of [`/articles/${LEAD}`, `/tags/${TAG}`]) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type'), path).toMatch(/^text\/html/);
      expect(response.headers.get('Cache-Control'), path).toBe('no-cache');
      expect(body, path).toBe(file(`${path.slice(1)}/index.html`));
    }
  });

  it('serves a prerendered page for its path whatever the query (only / tells queries apart)', async () => {
    expect((await get(`/tags/${TAG}?page=2`)).body).toBe(file(`tags/${TAG}/index.html`));
  });

  it('serves the prerendered front page for / and the app shell for / with a query', async () => {
    const front = await get('/');
    expect(front.response.status).toBe(200);
    expect(front.response.headers.get('Cache-Control')).toBe('no-cache');
    expect(front.body).toBe(file('index.html'));
    for (const path of ['/?tag=north-korea-news', '/?page=2', '/?tag=a&tag=b']) {
      const filtered = await get(path);
      expect(filtered.response.status, path).toBe(200);
      expect(filtered.body, path).toBe(file('app-shell.html'));
    }
    expect(file('app-shell.html')).not.toBe(file('index.html'));
  });

  it('serves the app shell for a path that is neither a file nor a prerendered page', async () => {
    for (const path of ['/articles/no-such-article', '/no/such/page', '/tags/no-such-tag']) {
      const { response, body } = await get(path);
      expect(response.status, path).toBe(200);
      expect(body, path).toBe(file('app-shell.html'));
    }
  });

  it('answers a missing data file with index.html, which the app reads as "not found"', async () => {
    const { response, body } = await get('/data/articles/no-such-article.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(body).toBe(file('index.html'));
  });

  it('serves feeds as RSS and Atom, sitemaps as XML and robots.txt as text, each cached like data', async () => {
    const expected: [string, RegExp][] = [
      ['/feeds/index.rss', /^application\/rss\+xml; charset=utf-8$/],
      ['/feeds/index.atom', /^application\/atom\+xml; charset=utf-8$/],
      ['/feeds/authors/eve.rss', /^application\/rss\+xml; charset=utf-8$/],
      ['/sitemap.xml', /^application\/xml; charset=utf-8$/],
      ['/sitemaps/pages-1.xml', /^application\/xml; charset=utf-8$/],
      ['/sitemaps/news.xml', /^application\/xml; charset=utf-8$/],
      ['/robots.txt', /^text\/plain; charset=utf-8$/],
    ];
    for (const [path, type] of expected) {
      const { response, body } = await get(path, {}, withFeeds);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('Content-Type'), path).toMatch(type);
      expect(response.headers.get('Cache-Control'), path).toBe('public, max-age=60, must-revalidate');
      expect(response.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(body, path).toBe(withFeedsFile(path.slice(1)));
    }
    const gzipped = await get('/feeds/index.atom', { 'Accept-Encoding': 'gzip' }, withFeeds);
    expect(gzipped.response.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('answers a missing feed or sitemap with 404, not with a page', async () => {
    for (const path of ['/feeds/tags/no-such-tag.rss', '/sitemaps/pages-99.xml']) {
      expect((await get(path, {}, withFeeds)).response.status, path).toBe(404);
    }
    // Built without SITE_URL: no feeds, no sitemap.
    expect((await get('/feeds/index.rss')).response.status).toBe(404);
    expect((await get('/sitemap.xml')).response.status).toBe(404);
  });

  it('sends the Content Security Policy with every kind of answer', async () => {
    for (const path of ['/', '/?tag=a', `/articles/${LEAD}`, '/data/site.json', '/no/such/page']) {
      const { response } = await get(path);
      expect(response.headers.get('Content-Security-Policy'), path).toMatch(/script-src 'self'/);
    }
  });
});
