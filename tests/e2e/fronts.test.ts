/**
 * Contract 1.1 in Chromium: the edited front page, the section menu, section fronts and their paging, and the
 * front page on a phone (390 × 844): the first headline on the first screen, the tag filter behind a disclosure.
 */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, sectionUrl } from '../../src/model/pageUrls';
import { axeViolations, markWindow, openApp, openPage, windowMark } from './browser';
import { PAGED_SPORT_STORIES } from './pagedNewsroom';
import type { Page } from 'playwright-core';

const base = inject('sampleUrl');
const paged = inject('pagedUrl');
const LEAD_HEADLINE = 'Lavrov warns US, South Korea and Japan against forming an alliance aimed at North Korea';
const MENU = ['World', 'Cities', 'Business', 'Technology', 'Science', 'Sport', 'Culture'];
const PHONE = { width: 390, height: 844 };

const menu = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const currentInMenu = (page: Page) =>
  menu(page)
    .locator('a[aria-current]')
    .evaluateAll((links) => links.map((link) => `${link.textContent} ${link.getAttribute('aria-current')}`));
const firstHeadline = (page: Page) => page.locator('main ul[aria-label="Articles"] > li h2 a').first();

describe('the edited front page', () => {
  it('leads with the pinned lead story, then the top stories, before the app starts', async () => {
    const { page, context } = await openPage();
    await page.goto(base + '/');
    await expect.poll(() => firstHeadline(page).textContent()).toBe(LEAD_HEADLINE);
    const headlines = await page.locator('main ul[aria-label="Articles"] > li h2').allTextContents();
    expect(headlines.slice(1, 3)).toEqual([
      'Lavrov in Wonsan: what we know so far',
      "Forty river sensors give Port Calder an hour's more warning of floods",
    ]);
    await context.close();
  });
});

describe('the section menu', () => {
  it('is on every page, in site.json order, and marks the section of the article on screen', async () => {
    const { page, context } = await openPage();
    await page.goto(base + articleUrl('port-calder-half-marathon'));
    expect(await menu(page).getByRole('link').allTextContents()).toEqual(MENU);
    expect(await currentInMenu(page)).toEqual(['Sport true']);
    await context.close();
  });

  it('works by keyboard and navigates client-side to a section front, which it then marks', async () => {
    const { page, context, problems } = await openPage();
    await openApp(page, base + '/');
    await markWindow(page, 13);
    await menu(page).getByRole('link', { name: 'Business' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}${sectionUrl('business')}`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Business');
    expect(await page.title()).toBe('Business · The Monsoon Ledger');
    expect(await currentInMenu(page)).toEqual(['Business page']);
    expect(await windowMark(page)).toBe(13);
    await page.goBack();
    await expect.poll(() => firstHeadline(page).textContent()).toBe(LEAD_HEADLINE);
    expect(await currentInMenu(page)).toEqual([]);
    expect(await windowMark(page)).toBe(13);
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    await context.close();
  });

  it('the article’s section label leads to its section front', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + articleUrl('port-calder-half-marathon'));
    await markWindow(page, 7);
    await page.locator('main header').getByRole('link', { name: 'Sport' }).click();
    await page.waitForURL(`${base}${sectionUrl('sport')}`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Sport');
    expect(await windowMark(page)).toBe(7);
    await context.close();
  });
});

describe('section fronts', () => {
  it('is prerendered: name as h1 and its articles newest first, without JavaScript', async () => {
    const { context } = await openPage();
    const response = await context.request.get(base + sectionUrl('world'));
    const html = await response.text();
    expect(response.status()).toBe(200);
    expect(html).toMatch(/<h1[^>]*>World<\/h1>/);
    expect(html).toContain('<title data-prerendered="">World · The Monsoon Ledger</title>');
    // Newest first: the explainer of 15 July before the lead story of 12 July.
    expect(html.indexOf('Kursk region')).toBeGreaterThan(0);
    expect(html.indexOf('Kursk region')).toBeLessThan(html.indexOf(LEAD_HEADLINE));
    await context.close();
  });

  it('pages a long section, client-side, with Back', async () => {
    const { page, context } = await openPage();
    await openApp(page, paged + sectionUrl('sport'));
    const cards = page.locator('main ul[aria-label="Sport articles"] > li');
    await expect.poll(() => cards.count()).toBe(20);
    expect(await cards.first().locator('h2').textContent()).toBe(`Sport story ${PAGED_SPORT_STORIES - 1}`);
    await markWindow(page, 2);
    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL(`${paged}${sectionUrl('sport')}?page=2`);
    await expect.poll(() => cards.count()).toBe(PAGED_SPORT_STORIES - 20);
    expect(await cards.last().locator('h2').textContent()).toBe('Sport story 0');
    expect(await windowMark(page)).toBe(2);
    await page.goBack();
    await expect.poll(() => cards.count()).toBe(20);
    // Reload of page 2 works as a bookmark.
    await page.goto(`${paged}${sectionUrl('sport')}?page=2`);
    await expect.poll(() => cards.count()).toBe(PAGED_SPORT_STORIES - 20);
    await context.close();
  });

  it('an unknown section is the not-found page', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + sectionUrl('opinion'));
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(/not found/i);
    await context.close();
  });
});

describe('on a phone (390 × 844)', () => {
  it('shows the first story’s headline on the first screen, and nothing moves when the app starts', async () => {
    const { page, context } = await openPage({ viewport: PHONE });
    await page.goto(base + '/');
    const before = await firstHeadline(page).boundingBox();
    expect(await firstHeadline(page).textContent()).toBe(LEAD_HEADLINE);
    expect(before).not.toBeNull();
    expect((before?.y ?? Infinity) + 24).toBeLessThan(PHONE.height);
    // The tag filter is folded away: its summary is there, its tags are not shown.
    const summary = page.locator('main summary');
    expect(await summary.textContent()).toBe('Filter by tag');
    expect(await page.locator('main details ul[aria-label="Tags"]').isVisible()).toBe(false);

    await page.mouse.move(4, 4);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    expect(await firstHeadline(page).boundingBox()).toEqual(before);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift).toBe(0);
    await context.close();
  });

  it('opens the filter, keeps it open while tags are chosen, and says how many are chosen', async () => {
    const { page, context } = await openPage({ viewport: PHONE });
    await openApp(page, base + '/');
    await markWindow(page, 5);
    await page.locator('main summary').click();
    const tags = page.locator('main details ul[aria-label="Tags"]');
    await expect.poll(() => tags.isVisible()).toBe(true);
    await tags.getByRole('link', { name: /^Port Calder, / }).click();
    await page.waitForURL(`${base}/?tag=port-calder`);
    await expect.poll(() => page.locator('main summary').textContent()).toBe('Filter by tag(1 chosen)');
    expect(await page.locator('main details').getAttribute('open')).toBe('');
    expect(await windowMark(page)).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('passes axe with the filter folded, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openPage({ viewport: PHONE, colorScheme });
      await openApp(page, base + '/');
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });
});

describe('on a wide screen', () => {
  it('keeps the tag filter open as a sidebar, with no toggle', async () => {
    const { page, context } = await openPage();
    await page.goto(base + '/');
    expect(await page.locator('main details ul[aria-label="Tags"]').isVisible()).toBe(true);
    expect(await page.locator('main summary').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: 'Filter by tag' }).isVisible()).toBe(true);
    await context.close();
  });
});
