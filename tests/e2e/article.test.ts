/** The article page in real Chromium, over the sample newsroom served like production. */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, authorUrl, frontUrl, tagUrl } from '../../src/model/pageUrls';
import { axeViolations, markWindow, openApp, openPage, windowMark } from './browser';

const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');
const base = inject('sampleUrl');

describe('article page', () => {
  it('has the semantics readers and tools rely on, no axe violations and no console errors', async () => {
    const { page, problems, context } = await openPage();
    await openApp(page, base + LEAD);
    const h1 = page.locator('h1');
    await expect.poll(() => h1.count()).toBe(1);
    expect(await h1.textContent()).toContain('Lavrov warns');
    expect(await page.title()).toBe(`${await h1.textContent()} · The Monsoon Ledger`);

    const lead = page.locator('article figure img').first();
    expect(await lead.getAttribute('alt')).toBeTruthy();
    expect(await lead.getAttribute('width')).toBe('1600');
    expect(await lead.getAttribute('height')).toBeTruthy();
    expect(await lead.getAttribute('loading')).toBe('eager');
    expect(await page.locator('article figure figcaption').first().textContent()).toContain(
      'Illustration: The Monsoon Ledger',
    );

    const times = page.locator('article header time');
    expect(await times.first().getAttribute('datetime')).toBe('2025-07-12T12:39:19.000Z');
    expect(await times.first().textContent()).toBe('12 July 2025, 18:09 IST');
    expect(await page.getByText(/^Updated/).count()).toBe(1);

    expect(await page.locator('article section > h2[id]').count()).toBe(6);
    expect(await page.locator('article blockquote').count()).toBe(2);
    expect(await page.locator('a[href^="/authors/"]').first().getAttribute('href')).toBe('/authors/ananya-rao');
    expect(await page.locator('nav[aria-label="Article tags"] a[href="/tags/kim-jong-un"]').count()).toBe(1);
    const related = page.getByRole('complementary', { name: /Related/ });
    expect(await related.locator('a[href^="/articles/"]').count()).toBeGreaterThan(0);

    const meta = await page.evaluate(() => ({
      description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      jsonLd: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<
        string,
        unknown
      >,
    }));
    expect(meta.description).toMatch(/Wonsan/);
    expect(meta.canonical).toBe(base + LEAD);
    expect(meta.ogTitle).toContain('Lavrov warns');
    expect(meta.jsonLd['@type']).toBe('NewsArticle');
    expect(meta.jsonLd.datePublished).toBe('2025-07-12T18:09:19+05:30');

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('names no canonical or sharing URL in its HTML while the origin is unknown (no SITE_URL); the app adds absolute ones', async () => {
    const { page, problems, context } = await openPage();
    const response = await openApp(page, base + LEAD);
    const html = (await response?.text()) ?? '';
    expect(html).toMatch(/<meta data-prerendered="" property="og:title" content="Lavrov warns/);
    expect(html).not.toMatch(/rel="canonical"|property="og:url"|property="og:image"/);
    const prerenderedJsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(prerenderedJsonLd)).not.toHaveProperty('image');

    const head = () =>
      page.evaluate(() => ({
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
        ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
        ogImage: document.querySelector('meta[property="og:image"]')?.getAttribute('content'),
      }));
    await expect.poll(async () => (await head()).canonical).toBe(base + LEAD);
    expect(await head()).toEqual({
      canonical: base + LEAD,
      ogUrl: base + LEAD,
      ogImage: `${base}/media/images/world/wonsan-coast-dusk.svg`,
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is prerendered: the headline is in the HTML, and hydration fetches no data', async () => {
    const { page, problems, context } = await openPage();
    const dataRequests: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/data/')) dataRequests.push(path);
    });
    const response = await openApp(page, base + LEAD);
    expect(await response?.text()).toMatch(/<h1[^>]*>Lavrov warns/);
    await page.waitForLoadState('networkidle');
    // (Related articles in view are prefetched, as on any page; the page's own data is not fetched.)
    const own = ['/data/site.json', `/data${LEAD}.json`];
    expect(
      dataRequests.filter((path) => own.includes(path)),
      'data fetched to hydrate',
    ).toEqual([]);
    // Hydrated: client-side navigation works without a reload.
    await markWindow(page, 1);
    await page.locator('a[href="/authors/ananya-rao"]').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ananya Rao');
    expect(await windowMark(page)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs no app code until the reader reaches for the page; links work meanwhile, and the app starts on a pointer move', async () => {
    const { page, problems, context } = await openPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(base + LEAD, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    expect(scripts, 'scripts fetched by a page nobody touched').toHaveLength(1);
    expect(await page.locator('html').getAttribute('data-app')).toBeNull();

    // A link followed before the app started is an ordinary page load of another prerendered page.
    await markWindow(page, 1);
    await page.locator('a[href="/authors/ananya-rao"]').first().dispatchEvent('click');
    await page.waitForURL(`${base}/authors/ananya-rao`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ananya Rao');
    expect(await windowMark(page)).toBeUndefined();

    // The reader's pointer starts the app, which hydrates the page: navigation is client-side from then on.
    await page.mouse.move(10, 10);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    expect(scripts.length).toBeGreaterThan(1);
    await markWindow(page, 2);
    await page.locator('main a[href^="/articles/"]').first().click();
    await page.waitForURL(/\/articles\//);
    expect(await windowMark(page)).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hydrates without starting Intl: the page carries its date labels', async () => {
    const { page, problems, context } = await openPage();
    await page.addInitScript(() => {
      const Real = Intl.DateTimeFormat;
      const counter = window as unknown as { __dateFormats: number };
      counter.__dateFormats = 0;
      Intl.DateTimeFormat = class extends Real {
        constructor(...args: ConstructorParameters<typeof Real>) {
          super(...args);
          counter.__dateFormats++;
        }
      } as typeof Real;
    });
    await openApp(page, base + tagUrl('north-korea-news'));
    await openApp(page, base + LEAD);
    expect(await page.locator('article time').first().textContent()).toMatch(/\d{4}, \d\d:\d\d IST/);
    expect(await page.evaluate(() => (window as unknown as { __dateFormats: number }).__dateFormats)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('scrolls to a section named in the URL fragment on load', async () => {
    const { page, context } = await openPage();
    await openApp(page, `${base}${LEAD}#drills-near-the-peninsula`);
    await page.locator('h1').waitFor();
    await expect
      .poll(() =>
        page.evaluate(() =>
          Math.round(document.getElementById('drills-near-the-peninsula')?.getBoundingClientRect().top ?? -1),
        ),
      )
      .toBeLessThan(100);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await context.close();
  });

  it('serves a raster lead image as responsive WebP sized for the screen', async () => {
    const { page, context } = await openPage({ viewport: { width: 390, height: 800 } });
    await openApp(page, base + articleUrl('tide-and-tamarind-festival-returns'));
    const img = page.locator('article figure img').first();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.currentSrc))
      .toMatch(/\.jpg\.(480|960)w\.webp$/);
    expect(await page.locator('article figure source[type="image/webp"]').first().getAttribute('srcset')).toContain(
      '1600w',
    );
    expect(await img.getAttribute('src')).toBe('/media/images/photos/lantern-festival.jpg');
    await context.close();
  });

  it('lands an alias URL on the canonical one', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + articleUrl('lavrov-warns-against-alliance'));
    await page.waitForURL(`${base}${LEAD}`);
    expect(await page.locator('h1').textContent()).toContain('Lavrov warns');
    await context.close();
  });
});

describe('routes work on reload', () => {
  for (const [path, heading] of [
    [tagUrl('north-korea-news'), 'North Korea news'],
    [authorUrl('ananya-rao'), 'Ananya Rao'],
    [frontUrl({ tags: ['north-korea-news', 'sergey-lavrov'] }), 'Tagged North Korea news and Sergey Lavrov'],
    [articleUrl('does-not-exist'), 'Not found'],
    ['/no/such/page', 'Not found'],
  ] as const) {
    it(`${path} shows "${heading}"`, async () => {
      const { page, problems, context } = await openPage();
      await openApp(page, base + path);
      await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
      await page.reload();
      await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      await context.close();
    });
  }
});
