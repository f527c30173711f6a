/** The multi-tag filter, tag pages and author pages, driven like a reader in real Chromium. */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, frontUrl, tagUrl } from '../../src/model/pageUrls';
import { openApp, openPage } from './browser';
import type { Page } from 'playwright-core';

const base = inject('sampleUrl');

const status = (page: Page) => page.locator('main p[role="status"]').textContent();
const cardCount = (page: Page) => page.locator('main ul[aria-label="Articles"] > li').count();
/** The count a tag option shows, from its accessible name "Label, N articles". */
async function optionCount(page: Page, label: string): Promise<number> {
  const name = await page
    .locator(`main section[aria-labelledby="filter-heading"] a[aria-label^="${label},"]`)
    .getAttribute('aria-label');
  return Number(/, (\d+) article/.exec(name ?? '')?.[1]);
}

describe('tag filter', () => {
  it('narrows by several tags (AND), shows counts within the result, and keeps state in the URL', async () => {
    const { page, problems, context } = await openPage();
    await openApp(page, base + frontUrl());
    await expect.poll(() => status(page)).toMatch(/^30 articles/);
    const portCalder = await optionCount(page, 'Port Calder');
    expect(portCalder).toBe(13);

    await page.locator('a[aria-label^="Port Calder,"]').click();
    await page.waitForURL(`${base}/?tag=port-calder`);
    await expect.poll(() => status(page)).toBe('13 articles tagged Port Calder');
    expect(await cardCount(page)).toBe(13);
    expect(await page.locator('ul[aria-label="Active filters"] a').textContent()).toContain('Port Calder');

    // The counts now are within the 13: choosing a tag shows exactly that many articles.
    const climateWithin = await optionCount(page, 'Climate');
    await page.locator('a[aria-label^="Climate,"]').click();
    await page.waitForURL(`${base}/?tag=port-calder&tag=climate`);
    await expect
      .poll(() => status(page))
      .toBe(`${climateWithin} article${climateWithin === 1 ? '' : 's'} tagged Port Calder and Climate`);
    expect(await cardCount(page)).toBe(climateWithin);
    // Every card really carries both tags.
    for (const href of await page
      .locator('main ul[aria-label="Articles"] h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      const response = await page.request.get(`${base}/data${href}.json`);
      const { article } = (await response.json()) as { article: { tags: string[] } };
      expect(article.tags).toEqual(expect.arrayContaining(['Port Calder', 'Climate']));
    }

    // Reload restores it; Back undoes one choice at a time.
    await page.reload();
    await expect.poll(() => status(page)).toContain('tagged Port Calder and Climate');
    await page.goBack();
    await page.waitForURL(`${base}/?tag=port-calder`);
    await expect.poll(() => status(page)).toBe('13 articles tagged Port Calder');
    await page.goBack();
    await page.waitForURL(`${base}/`);
    await expect.poll(() => status(page)).toMatch(/^30 articles/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('removes a chip and clears all', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + frontUrl({ tags: ['port-calder', 'climate'] }));
    await page.getByRole('link', { name: 'Remove filter Climate' }).click();
    await page.waitForURL(`${base}/?tag=port-calder`);
    await page.getByRole('link', { name: 'Clear all' }).click();
    await page.waitForURL(`${base}/`);
    await expect.poll(() => status(page)).toMatch(/^30 articles/);
    await context.close();
  });

  it('pages with real links and says where it is', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + frontUrl());
    await page.getByRole('link', { name: 'Older →' }).click();
    await page.waitForURL(`${base}/?page=2`);
    await expect.poll(() => status(page)).toBe('30 articles, page 2 of 2');
    expect(await cardCount(page)).toBe(10);
    await openApp(page, base + frontUrl({ page: 7 }));
    await page.waitForURL(`${base}/?page=2`);
    await context.close();
  });

  it('says which tag is unknown and offers the filter without it', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + frontUrl({ tags: ['north-korea-news', 'no-such-tag'] }));
    await expect.poll(() => page.locator('main [role="status"]').first().textContent()).toContain('no-such-tag');
    await page.getByRole('link', { name: 'Show articles tagged North Korea news' }).click();
    await page.waitForURL(`${base}/?tag=north-korea-news`);
    await expect.poll(() => status(page)).toBe('4 articles tagged North Korea news');
    await context.close();
  });
});

describe('tag and author pages', () => {
  it('a tag page lists its articles and the tags that occur with it, each linking to the filtered front page', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + tagUrl('north-korea-news'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('North Korea news');
    expect(await page.locator('main ul[aria-label="Articles tagged North Korea news"] > li').count()).toBe(4);
    const coTag = page.locator('nav[aria-labelledby="cotags-heading"] a').first();
    await coTag.click();
    await page.waitForURL(/\/\?tag=north-korea-news&tag=/);
    await expect.poll(() => status(page)).toMatch(/tagged North Korea news and /);
    expect(await page.title()).toContain('Tagged North Korea news and');
    await context.close();
  });

  it('an author page shows the name, roles and articles', async () => {
    const { page, context } = await openPage();
    await openApp(page, base + articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea'));
    await page.locator('a[href="/authors/ananya-rao"]').first().click();
    await page.waitForURL(`${base}/authors/ananya-rao`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ananya Rao');
    expect(await page.locator('main').textContent()).toContain('World desk');
    expect(await page.locator('main ul[aria-label="Articles by Ananya Rao"] > li').count()).toBeGreaterThan(0);
    expect(await page.title()).toBe('Ananya Rao · The Monsoon Ledger');
    await context.close();
  });
});

describe('before the app has started', () => {
  it('a press of "Show all tags" (a click alone, as a screen reader may send) starts the app and is not lost', async () => {
    const { page, problems, context } = await openPage();
    await page.goto(base + frontUrl(), { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('data-app')).toBeNull();
    const button = page.getByRole('button', { name: 'Show all tags' });
    const shownBefore = await page.getByRole('list', { name: 'Tags' }).getByRole('link').count();
    await button.dispatchEvent('click');
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    await expect
      .poll(() => page.getByRole('button', { name: 'Show fewer tags' }).getAttribute('aria-expanded'))
      .toBe('true');
    await expect
      .poll(() => page.getByRole('list', { name: 'Tags' }).getByRole('link').count())
      .toBeGreaterThan(shownBefore);
    expect(problems).toEqual([]);
    await context.close();
  });
});
