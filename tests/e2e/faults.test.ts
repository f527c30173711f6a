/**
 * Faults on the wire and hostile URLs, in real Chromium over the sample newsroom served like
 * production. A data request that fails shows an error the reader can act on (with "Try again")
 * inside the layout; transient failures are retried, broken data is not; an HTML answer (a static
 * host's fallback) is "not found"; and no URL a reader can type crashes the app.
 */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, frontUrl } from '../../src/model/pageUrls';
import { markWindow, openApp, openPage, windowMark } from './browser';
import type { Page, Route } from 'playwright-core';

const LEAD_ID = 'lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea';
const LEAD = articleUrl(LEAD_ID);
const LEAD_DATA = `**/data/articles/${LEAD_ID}.json`;
const SITE_NAME = 'The Monsoon Ledger';
/** fetchDocument's REQUEST_TIMEOUT_MS. */
const REQUEST_TIMEOUT_MS = 10_000;

const base = inject('sampleUrl');

interface Injected {
  /** When each intercepted request arrived (ms since epoch). */
  attempts: number[];
  remove: () => Promise<void>;
}

/** Answers every request matching `pattern` with `fault`, counting the attempts, until removed. */
async function injectFault(page: Page, pattern: string, fault: (route: Route) => Promise<void>): Promise<Injected> {
  const attempts: number[] = [];
  const handler = async (route: Route) => {
    attempts.push(Date.now());
    await fault(route);
  };
  await page.route(pattern, handler);
  return { attempts, remove: () => page.unroute(pattern, handler) };
}

const pageErrors = (problems: string[]) => problems.filter((p) => p.startsWith('pageerror') || p.startsWith('csp'));

/** The header stays there and usable: the site name links home, and so does the site navigation. */
async function expectHeader(page: Page) {
  const banner = page.getByRole('banner');
  const home = banner.getByRole('link', { name: SITE_NAME });
  expect(await home.isVisible()).toBe(true);
  expect(await home.getAttribute('href')).toBe('/');
  expect(await banner.getByRole('navigation', { name: 'Site' }).getByRole('link').first().isVisible()).toBe(true);
}

/**
 * Prerendered pages carry their data and fetch nothing on first load, so a fault in a first load is
 * tested where the app does fetch: a page served by the app shell (a host with only the
 * index.html fallback, or any view that is not prerendered). Other requests pass through.
 */
async function viaAppShell(page: Page) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    await route.fulfill({ response: await route.fetch({ url: `${base}/app-shell.html` }) });
  });
}

const errorAlert = (page: Page) => page.locator('main').getByRole('alert');

interface FaultCase {
  name: string;
  kind: 'transient' | 'data';
  fault: (route: Route) => Promise<void>;
  /** What the message must say besides naming the article. */
  detail?: RegExp;
}

const FAULTS: FaultCase[] = [
  { name: 'an aborted request (network error)', kind: 'transient', fault: (route) => route.abort('failed') },
  {
    name: 'a 500 answer',
    kind: 'transient',
    fault: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
  },
  {
    // What nginx or a CDN actually sends when the origin is down: a 5xx whose body is an HTML page.
    name: 'a 503 answer with an HTML error page',
    kind: 'transient',
    fault: (route) =>
      route.fulfill({
        status: 503,
        contentType: 'text/html',
        body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503</h1></body></html>',
      }),
  },
  {
    name: 'malformed JSON',
    kind: 'data',
    detail: /not valid JSON/,
    fault: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"kind":' }),
  },
  {
    name: 'schema-invalid JSON (the headline is missing)',
    kind: 'data',
    detail: /headline/,
    fault: async (route) => {
      const response = await route.fetch();
      const document = (await response.json()) as { article: Record<string, unknown> };
      delete document.article.headline;
      await route.fulfill({ response, json: document });
    },
  },
];

describe('a failing article request, on first load', () => {
  for (const { name, kind, fault, detail } of FAULTS) {
    it(`${name}: an error with "Try again" in the layout, ${kind === 'transient' ? '3 attempts' : '1 attempt'}, recovers`, async () => {
      const { page, context, problems } = await openPage();
      const injected = await injectFault(page, LEAD_DATA, fault);
      await viaAppShell(page);
      await openApp(page, base + LEAD);

      // Whatever the page ends up showing, it is an error with a retry, not "Not found".
      await page.locator('main h1').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('main h1').first().textContent()).not.toBe('Not found');
      const alert = errorAlert(page);
      expect(await alert.count()).toBe(1);
      const text = (await alert.textContent()) ?? '';
      expect(await alert.locator('h1').textContent()).toBeTruthy();
      if (kind === 'data') {
        // A data error names the document (and what is wrong with it).
        expect(text).toContain(LEAD_ID);
        expect(text).toMatch(detail ?? /./);
      } else {
        expect(text).not.toMatch(/not found/i);
      }
      expect(await alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      // Only the error's heading: nothing of a page is shown half-rendered.
      expect(await page.locator('h1').count()).toBe(1);
      await expectHeader(page);

      // Transient failures are retried twice with a growing backoff; broken data is not retried at all.
      const expected = kind === 'transient' ? 3 : 1;
      expect(injected.attempts).toHaveLength(expected);
      await page.waitForTimeout(2_500);
      expect(injected.attempts).toHaveLength(expected);
      if (kind === 'transient') {
        const [a = 0, b = 0, c = 0] = injected.attempts;
        expect(b - a).toBeGreaterThanOrEqual(400);
        expect(c - b).toBeGreaterThan(b - a);
      }

      // The header works while the page is in error, and Back returns to the (still failing) page.
      await page.getByRole('banner').getByRole('link', { name: SITE_NAME }).click();
      await page.waitForURL(`${base}/`);
      await page.locator('main a[href^="/articles/"]').first().waitFor();
      expect(await errorAlert(page).count()).toBe(0);
      await page.goBack();
      await errorAlert(page).waitFor({ timeout: 20_000 });

      // Fault gone: "Try again" shows the article, in place.
      await injected.remove();
      await errorAlert(page).getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('Lavrov warns');
      expect(await errorAlert(page).count()).toBe(0);
      expect(page.url()).toBe(base + LEAD);
      expect(pageErrors(problems)).toEqual([]);
      await context.close();
    });
  }

  it(
    'a request that never answers: times out, is retried, then shows an error with "Try again" that recovers',
    { timeout: 120_000 },
    async () => {
      const { page, context, problems } = await openPage();
      // Never fulfilled: only the app's own timeout ends each attempt (real time: Playwright's clock
      // does not drive AbortSignal.timeout, so this takes 3 × 10 s plus the backoff).
      const injected = await injectFault(page, LEAD_DATA, () => Promise.resolve(undefined));
      const started = Date.now();
      await viaAppShell(page);
      await openApp(page, base + LEAD);

      const alert = errorAlert(page);
      await alert.waitFor({ timeout: 3 * REQUEST_TIMEOUT_MS + 20_000 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * REQUEST_TIMEOUT_MS);
      expect(injected.attempts).toHaveLength(3);
      const [a = 0, b = 0, c = 0] = injected.attempts;
      // Each attempt waited for the timeout before the next one started.
      expect(b - a).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
      expect(c - b).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
      expect(await alert.textContent()).toMatch(/in time/);
      expect(await alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
      await expectHeader(page);

      await injected.remove();
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('Lavrov warns');
      expect(await errorAlert(page).count()).toBe(0);
      expect(pageErrors(problems)).toEqual([]);
      await context.close();
    },
  );

  it('an HTML answer (a static host fallback, 200 text/html) is the not-found page, without retries', async () => {
    const { page, context, problems } = await openPage();
    const injected = await injectFault(page, LEAD_DATA, async (route) => {
      // The very answer nginx's fallback gives: index.html, 200, text/html.
      await route.fulfill({ response: await route.fetch({ url: `${base}/` }) });
    });
    await viaAppShell(page);
    await openApp(page, base + LEAD);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Not found');
    expect(await page.locator('main').textContent()).toContain(`article "${LEAD_ID}"`);
    expect(await errorAlert(page).count()).toBe(0);
    expect(await page.title()).toBe(`Not found · ${SITE_NAME}`);
    await page.waitForTimeout(2_500);
    expect(injected.attempts).toHaveLength(1);
    await expectHeader(page);

    // The not-found page links home; with the fault gone, Back shows the article.
    await injected.remove();
    await page
      .locator('main')
      .getByRole('link', { name: /front page/ })
      .click();
    await page.waitForURL(`${base}/`);
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('Lavrov warns');
    expect(pageErrors(problems)).toEqual([]);
    await context.close();
  });

  it('a failing front page (index) request shows the error in the layout and recovers', async () => {
    const { page, context, problems } = await openPage();
    const injected = await injectFault(page, '**/data/index/1.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"page":1,"items":[' }),
    );
    await viaAppShell(page);
    await openApp(page, base + frontUrl());
    const alert = errorAlert(page);
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('/data/index/1.json');
    await expectHeader(page);
    expect(injected.attempts).toHaveLength(1);
    await injected.remove();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('main a[href^="/articles/"]').first().waitFor({ timeout: 20_000 });
    expect(await errorAlert(page).count()).toBe(0);
    expect(pageErrors(problems)).toEqual([]);
    await context.close();
  });
});

describe('a failing article request, on client-side navigation', () => {
  it('shows the error inside the layout without a full page load, and nothing of the previous page', async () => {
    const { page, context, problems } = await openPage();
    // Every article fails, so neither the cards' prefetch nor the click can get one.
    const injected = await injectFault(page, '**/data/articles/*.json', (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    );
    await openApp(page, base + frontUrl());
    const card = page.locator('main article a[href^="/articles/"]').first();
    await card.waitFor();
    const href = (await card.getAttribute('href')) ?? '';
    const headline = ((await card.textContent()) ?? '').trim();
    let loads = 0;
    page.on('load', () => loads++);
    await markWindow(page, 1);

    await card.click();
    const alert = errorAlert(page);
    await alert.waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(base + href);
    expect(await windowMark(page)).toBe(1);
    expect(loads).toBe(0);

    // The error replaced the front page entirely: one h1 (the error's), no filter, no cards.
    expect(await page.locator('h1').count()).toBe(1);
    expect(await alert.locator('h1').count()).toBe(1);
    expect(await page.locator('#filter-heading').count()).toBe(0);
    expect(await page.locator('main a[href^="/articles/"]').count()).toBe(0);
    expect(await page.locator('main [role="status"]').count()).toBe(0);
    expect(await alert.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
    await expectHeader(page);

    // Fault gone: "Try again" shows the article, still without a page load.
    await injected.remove();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe(headline);
    expect(await errorAlert(page).count()).toBe(0);

    // And the header navigates home, client-side.
    await page.getByRole('banner').getByRole('link', { name: SITE_NAME }).click();
    await page.waitForURL(`${base}/`);
    await page.locator('main a[href^="/articles/"]').first().waitFor();
    expect(await windowMark(page)).toBe(1);
    expect(loads).toBe(0);
    expect(pageErrors(problems)).toEqual([]);
    await context.close();
  });
});

describe('URLs a reader can type never crash the app', () => {
  /**
   * nginx itself answers a path with broken percent-encoding with its own 400 page, before the app
   * is involved. Hosts whose fallback serves index.html for it (like the Node server in server.ts)
   * hand it to the app, so for those paths the document request is answered with index.html here.
   */
  async function serveShellFor(page: Page, path: string) {
    await page.route(
      (url) => url.pathname === path,
      async (route) => route.fulfill({ response: await route.fetch({ url: `${base}/` }) }),
    );
  }

  const cases: { path: string; shell?: boolean; check?: (page: Page) => Promise<void> }[] = [
    { path: '/?page=-1', check: expectCards },
    { path: '/?page=abc', check: expectCards },
    { path: '/?page=99999', check: expectCards },
    { path: `/?${Array.from({ length: 100 }, () => 'tag=').join('&')}`, check: expectCards },
    { path: '/?tag=%E0%A4%A' },
    { path: '/tags/%E0%A4%A', shell: true },
    { path: '/articles/%ZZ', shell: true },
    {
      path: frontUrl({ tags: ['no-such-tag'] }),
      check: async (page) => {
        const main = page.locator('main');
        expect(await main.textContent()).toContain('no-such-tag');
        const way = main.locator('a[href="/"]');
        expect(await way.count()).toBe(1);
        await way.click();
        await page.waitForURL(`${base}/`);
        await expectCards(page);
      },
    },
    {
      path: frontUrl({ tags: ['no-such-tag', 'north-korea-news'] }),
      check: async (page) => {
        const main = page.locator('main');
        const text = (await main.textContent()) ?? '';
        expect(text).toContain('no-such-tag');
        // The message names the unknown tag only, and the way out keeps the known one.
        expect(text).not.toMatch(/no tags?\W+north-korea-news/i);
        const way = main.locator('a[href="/?tag=north-korea-news"]');
        expect(await way.count()).toBe(1);
        await way.click();
        await page.waitForURL(`${base}/?tag=north-korea-news`);
        await expect.poll(() => page.locator('h1').textContent()).toBe('Tagged North Korea news');
        await expectCards(page);
      },
    },
  ];

  async function expectCards(page: Page) {
    await page.locator('main article a[href^="/articles/"]').first().waitFor({ timeout: 20_000 });
  }

  for (const { path, shell, check } of cases) {
    it(`${path.length > 60 ? `${path.slice(0, 60)}…` : path} renders a page`, async () => {
      const { page, context, problems } = await openPage();
      if (shell) await serveShellFor(page, path);
      await openApp(page, base + path);
      const h1 = page.locator('main h1');
      await h1.first().waitFor({ state: 'attached', timeout: 20_000 });
      expect(((await h1.first().textContent()) ?? '').trim()).not.toBe('');
      expect(await errorAlert(page).count()).toBe(0);
      await check?.(page);
      expect(pageErrors(problems)).toEqual([]);
      await context.close();
    });
  }
});

describe("the app's own code cannot be fetched", () => {
  const blockApp = (page: Page) => page.route(/\/assets\/app-[^/]+\.js$/, (route) => route.abort('connectionrefused'));

  it('the app shell says so, plainly', async () => {
    const { page, context, problems } = await openPage();
    await blockApp(page);
    await viaAppShell(page);
    await page.goto(base + frontUrl({ tags: ['north-korea-news'] }));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('This page could not be loaded. Check your connection and reload the page.');
    expect(problems.some((problem) => problem.includes('Broadsheet could not start'))).toBe(true);
    await context.close();
  });

  it('a prerendered page keeps its content and its links', async () => {
    const { page, context } = await openPage();
    await blockApp(page);
    await page.goto(base + LEAD);
    await page.mouse.move(4, 4);
    await page.waitForTimeout(500);
    expect(await page.locator('h1').textContent()).toContain('Lavrov warns');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.locator('a[href="/authors/ananya-rao"]').first().click();
    await page.waitForURL(`${base}/authors/ananya-rao`);
    expect(await page.locator('h1').textContent()).toBe('Ananya Rao');
    await context.close();
  });
});
