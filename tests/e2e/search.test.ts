/**
 * Search in real Chromium over the built sample newsroom, served by nginx with deploy/nginx.conf: the header form
 * from a prerendered page before the app starts, results with marked excerpts, AND with tags, accents, Korean, no
 * results, Back and reload, keyboard only, and axe in light and dark.
 */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, frontUrl } from '../../src/model/pageUrls';
import { axeViolations, markWindow, openApp, openPage, windowMark } from './browser';
import type { Page } from 'playwright-core';

const base = inject('sampleUrl');
const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');

const heading = (page: Page) => page.locator('main h1').textContent();
const status = (page: Page) => page.locator('main p[role="status"]').textContent();
const resultHeadlines = (page: Page) =>
  page.locator('main ul[aria-label="Search results"] h2 a').evaluateAll((links) => links.map((a) => a.textContent));
const marks = (page: Page) =>
  page.locator('main ul[aria-label="Search results"] mark').evaluateAll((nodes) => nodes.map((m) => m.textContent));

/** Opens a search URL (the app shell renders it) and waits for its heading. */
async function search(page: Page, query: string) {
  await openApp(page, `${base}/search?${query}`);
  await page.locator('main h1').waitFor({ timeout: 20_000 });
}

describe('search', () => {
  it('the header form works from a prerendered page before the app starts: a plain GET to /search', async () => {
    const { page, context, problems } = await openPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(base + LEAD);
    const form = page.getByRole('search', { name: 'Search articles' });
    expect(await form.getAttribute('action')).toBe('/search');
    expect(await form.getAttribute('method')).toBe('get');
    // Nothing of the app, and nothing of search, has loaded.
    expect(await page.locator('html[data-app]').count()).toBe(0);
    expect(requests.filter((path) => path.startsWith('/data/search/') || /Search/.test(path))).toEqual([]);
    await markWindow(page, 1);

    // Submitted as the browser would without any script of ours (no event reaches the boot script).
    await form.evaluate((element: HTMLFormElement) => {
      (element.elements.namedItem('q') as HTMLInputElement).value = 'Wonsan resort';
      element.submit();
    });
    await page.waitForURL(`${base}/search?q=Wonsan+resort`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Results for “Wonsan resort”');
    expect(await windowMark(page)).toBeUndefined(); // a full page load, answered by the app shell
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe('Wonsan resort');
    expect((await resultHeadlines(page)).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows results as cards, best first, with the words marked in an excerpt, and searches as the reader types', async () => {
    const { page, context, problems } = await openPage();
    await search(page, 'q=tidal+turbines');
    expect(await heading(page)).toBe('Results for “tidal turbines”');
    const headlines = await resultHeadlines(page);
    expect(headlines[0]).toMatch(/tidal turbine/i);
    expect(await status(page)).toMatch(/^\d+ articles?$/);
    // Every marked word is a form of one of the words (stemmed: "turbine" for "turbines").
    const marked = await marks(page);
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word?.toLowerCase()).toMatch(/^(tidal|turbines?)$/);

    await markWindow(page, 2);
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('');
    await box.pressSequentially('night market', { delay: 30 });
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Results for “night market”');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(await windowMark(page)).toBe(2); // inside the app
    expect((await resultHeadlines(page))[0]).toMatch(/night market/i);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follows the typing when a search finishes loading between the last keystroke and the pause after it', async () => {
    const { page, context, problems } = await openPage();
    await search(page, 'q=harbour');
    // The results' records are held until released, so a search is still loading while the reader types on.
    const held: (() => Promise<void>)[] = [];
    let holding = true;
    await page.route(/\/data\/search\/docs\//, (route) =>
      holding ? void held.push(() => route.continue()) : route.continue(),
    );
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.fill('');
    await box.pressSequentially('night', { delay: 20 });
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // One more word: the loading search is let go just before its last key, so it answers within the pause after it.
    await box.pressSequentially(' marke', { delay: 20 });
    holding = false;
    const released = Promise.all(held.splice(0).map((release) => release()));
    await box.press('t');
    await released;
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Results for “night market”');
    expect(await box.inputValue()).toBe('night market');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('changes the URL to the typed words only once their results are loaded, and shows them in the same task', async () => {
    const { page, context, problems } = await openPage();
    await search(page, 'q=harbour');
    // What the page shows as each URL change's task ends (the results render within it, not in tasks after it).
    await page.evaluate(() => {
      const seen: [string, string][] = [];
      (window as unknown as { __replaced: typeof seen }).__replaced = seen;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        replace(...args);
        queueMicrotask(() => seen.push([location.search, document.querySelector('main h1')?.textContent ?? '']));
      };
    });
    const entries = await page.evaluate(() => history.length);
    const held: (() => Promise<void>)[] = [];
    let holding = true;
    await page.route(/\/data\/search\/docs\//, (route) =>
      holding ? void held.push(() => route.continue()) : route.continue(),
    );
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    // Pasted in one go, so no search of a beginning of it (which may have no results, and no records to wait for).
    await box.fill('night');
    // The pause has passed and the results' records are asked for: the page and its URL are still the last search's.
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(new URL(page.url()).search).toBe('?q=harbour');
    expect(await heading(page)).toBe('Results for “harbour”');
    holding = false;
    await Promise.all(held.splice(0).map((release) => release()));
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Results for “night”');
    expect(new URL(page.url()).search).toBe('?q=night');
    const replaced = await page.evaluate(() => (window as unknown as { __replaced: [string, string][] }).__replaced);
    expect(replaced).toEqual([['?q=night', 'Results for “night”']]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    // The typing replaced the history entry, as before: Back leaves the search rather than undoing keystrokes.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('narrows by tags like the front page (AND, counts within the result), with Back and reload', async () => {
    const { page, context, problems } = await openPage();
    await search(page, 'q=korea');
    const total = Number(/^(\d+)/.exec((await status(page)) ?? '')?.[1]);
    expect(total).toBeGreaterThan(1);
    const filter = page.locator('main section[aria-labelledby="filter-heading"]');
    const chip = filter.locator('a[aria-label^="Explainer,"]');
    await chip.waitFor();
    const within = Number(/, (\d+) article/.exec((await chip.getAttribute('aria-label')) ?? '')?.[1]);
    expect(within).toBeLessThan(total);
    await chip.click();
    await page.waitForURL(`${base}/search?q=korea&tag=explainer`);
    await expect.poll(() => status(page)).toBe(`${within} article${within === 1 ? '' : 's'} tagged Explainer`);
    // The results after the first screenful follow once it is painted.
    await expect.poll(async () => (await resultHeadlines(page)).length).toBe(within);
    // Every result carries the tag and has the word.
    for (const href of await page
      .locator('main ul[aria-label="Search results"] h2 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      const { article } = (await (await page.request.get(`${base}/data${href}.json`)).json()) as {
        article: { tags: string[] };
      };
      expect(article.tags).toContain('Explainer');
    }

    await page.reload();
    await expect.poll(() => status(page), { timeout: 20_000 }).toContain('tagged Explainer');
    await page.goBack();
    await page.waitForURL(`${base}/search?q=korea`);
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe(`${total} articles`);
    await page.getByRole('link', { name: 'Newest first' }).click();
    await page.waitForURL(`${base}/search?q=korea&sort=newest`);
    await page.goBack();
    await page.waitForURL(`${base}/search?q=korea`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ignores accents and case ("tomas" finds Tomás, "CAFE" finds cafés, "SÉOUL" finds Seoul) and finds Korean as written', async () => {
    const { page, context } = await openPage();
    await search(page, 'q=tomas');
    expect(await heading(page)).toBe('Results for “tomas”');
    expect(await status(page)).toBe('3 articles');
    await search(page, 'q=CAFE');
    expect(await marks(page)).toContain('cafés');
    await search(page, `q=${encodeURIComponent('SÉOUL')}`);
    expect(await marks(page)).toContain('Seoul');
    await search(page, `q=${encodeURIComponent('원산')}`);
    expect(await heading(page)).toBe('Results for “원산”');
    expect(await resultHeadlines(page)).toEqual([
      "Where is Wonsan? The east-coast city at the centre of Lavrov's visit",
    ]);
    await context.close();
  });

  it('says when nothing matches, offers tags whose names match, and shows an empty search for a wordless query', async () => {
    const { page, context, problems } = await openPage();
    await search(page, 'q=korea+zeppelin');
    expect(await heading(page)).toBe('No results for “korea zeppelin”');
    const offered = page.getByRole('region', { name: 'Tags that match your words' });
    expect(await offered.getByRole('link', { name: /^North Korea news/ }).getAttribute('href')).toBe(
      '/tags/north-korea-news',
    );
    await search(page, 'q=%E2%80%94%20%21%21&page=-1&sort=%3Cscript%3E');
    expect(await heading(page)).toBe('Search');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keyboard only: "/" focuses the box, Enter searches, Tab reaches a result, with focus visible', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + frontUrl());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('harbour');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/search?q=harbour`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Results for “harbour”');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
      if (!href.startsWith('/articles/')) continue;
      const outlined = await page.evaluate(() => {
        const element = document.activeElement;
        return element ? getComputedStyle(element).outlineStyle !== 'none' : false;
      });
      expect(outlined).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(base + href);
      await context.close();
      return;
    }
    throw new Error('Tabbed 40 times without reaching a result');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no violations on results, no results and the empty search, ${colorScheme}`, async () => {
      const { page, context } = await openPage({ colorScheme });
      for (const query of ['q=korea&tag=explainer', 'q=korea+zeppelin', 'q=']) {
        await search(page, query);
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), query).toEqual([]);
      }
      await context.close();
    });
  }

  it('loads nothing of search on a page until a search is made', async () => {
    const { page, context } = await openPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await openApp(page, base + frontUrl());
    await page.waitForLoadState('networkidle');
    expect(
      requests.filter((path) => path.startsWith('/data/search/') || /\/(SearchPage|runSearch)-/.test(path)),
    ).toEqual([]);
    await context.close();
  });
});
