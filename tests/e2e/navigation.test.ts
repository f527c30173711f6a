/** Client-side navigation that behaves like the web: no full loads, focus, announcements, Back, scroll. */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, frontUrl } from '../../src/model/pageUrls';
import { markWindow, openApp, openPage, windowMark } from './browser';
import type { Page } from 'playwright-core';

const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');
const base = inject('sampleUrl');

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName);

describe('client-side navigation', () => {
  it('follows a related article: new URL and h1, no full load, focus on the h1, title announced', async () => {
    const { page, problems, context } = await openPage();
    await openApp(page, base + LEAD);
    await page.locator('h1').waitFor();
    await markWindow(page, 42);
    const related = page
      .getByRole('complementary', { name: /Related/ })
      .locator('a[href^="/articles/"]')
      .first();
    const href = (await related.getAttribute('href')) ?? '';
    const headline = (await related.textContent()) ?? '';
    await related.click();
    await page.waitForURL(base + href);
    await expect.poll(() => page.locator('h1').textContent()).toBe(headline);
    expect(await windowMark(page)).toBe(42);
    await expect.poll(() => focusedTag(page)).toBe('H1');
    await expect
      .poll(() => page.locator('[aria-live="polite"]').first().textContent())
      .toBe(`${headline} · The Monsoon Ledger`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('follows an inline link inside the article body without a full load', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + LEAD);
    await page.locator('h1').waitFor();
    await markWindow(page, 42);
    const inline = page.locator('article .prose a[href^="/articles/"]').first();
    const href = (await inline.getAttribute('href')) ?? '';
    await inline.click();
    await page.waitForURL(base + href);
    await expect.poll(() => page.locator('h1').textContent()).not.toContain('Lavrov warns');
    expect(await windowMark(page)).toBe(42);
    await context.close();
  });

  it('prefetches an article when its link is hovered, so the click needs no new request', async () => {
    const { page, context } = await openPage({ viewport: { width: 1280, height: 600 } });
    await openApp(page, base + frontUrl({ page: 2 }));
    await page.locator('main article').first().waitFor();
    const link = page.locator('main article h2 a').last();
    const id = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await link.hover();
    await expect.poll(() => requested.includes(`/data/articles/${id}.json`)).toBe(true);
    const before = requested.length;
    await link.click();
    await page.waitForURL(`${base}/articles/${id}`);
    await page.locator('h1').waitFor();
    // (The new page prefetches its own related articles; the clicked one is not fetched again.)
    expect(requested.slice(before)).not.toContain(`/data/articles/${id}.json`);
    await context.close();
  });

  it('starts a new page at the top and restores the scroll position on Back', async () => {
    const { page, context } = await openPage({ viewport: { width: 1280, height: 700 } });
    await openApp(page, base + frontUrl());
    await page.locator('main article').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 1200));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1200);
    const link = page.locator('main article h2 a').nth(8);
    // Clicking scrolls the link into view first: that position is the one Back must restore.
    await link.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => Math.round(window.scrollY));
    expect(scrolled).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(/\/articles\//);
    await page.locator('h1').waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.goBack();
    await page.waitForURL(base + '/');
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(scrolled);
    await context.close();
  });

  it('starts a page loaded in full at the top, even after another page was scrolled', async () => {
    const { page, context } = await openPage({ viewport: { width: 390, height: 844 } });
    await openApp(page, base + LEAD);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await openApp(page, base + frontUrl({ tags: ['port-calder'] }));
    await page.locator('main article').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  it('leaves focus alone on first load', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + LEAD);
    await page.locator('h1').waitFor();
    expect(await focusedTag(page)).toBe('BODY');
    await context.close();
  });
});

describe('not found', () => {
  it('offers the nearest article for a cut-short article URL, and follows it client-side', async () => {
    const { page, problems, context } = await openPage();
    await openApp(page, base + articleUrl('lavrov-warns-us-south-korea'));
    const guesses = page.getByRole('region', { name: 'Were you looking for' });
    await guesses.waitFor();
    expect(await page.locator('h1').textContent()).toBe('Not found');
    const first = guesses.getByRole('link').first();
    expect(await first.getAttribute('href')).toBe(LEAD);
    await markWindow(page, 42);
    await first.click();
    await page.waitForURL(base + LEAD);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Lavrov warns');
    expect(await windowMark(page)).toBe(42);
    expect(problems).toEqual([]);
    await context.close();
  });
});
