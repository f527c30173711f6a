/**
 * The article's share control in real Chromium: the Web Share API where the browser has it (stubbed, recording
 * what it was given), otherwise "Copy link" with a confirmation in a status region; from deep in the article the
 * link names the section in view. Invisible, and inert, until the app has started; no axe violations.
 */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl } from '../../src/model/pageUrls';
import { axeViolations, openApp, openPage } from './browser';
import type { Page } from 'playwright-core';

const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');
const base = inject('sampleUrl');

/** Scrolls the article so that its `n`th section heading sits near the top of the window; returns its id. */
async function readSection(page: Page, n: number): Promise<string> {
  const heading = page.locator('article section > h2[id]').nth(n);
  await heading.evaluate((element) => window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - 80));
  return (await heading.getAttribute('id')) ?? '';
}

describe('sharing an article', () => {
  it('without the Web Share API: copies the canonical link, says so, and adds the section in view', async () => {
    const { page, problems, context } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    await page.goto(base + LEAD);
    // Prerendered, before the reader has done anything: there, but invisible and out of reach.
    const prerendered = page.locator('article button', { hasText: 'Copy link' });
    expect(await prerendered.count()).toBe(1);
    expect(await prerendered.isVisible()).toBe(false);

    await openApp(page, base + LEAD);
    const button = page.getByRole('button', { name: 'Copy link' });
    const status = page.getByRole('status').filter({ hasText: /link/i });
    await button.click();
    await expect.poll(() => status.textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(base + LEAD);

    const section = await readSection(page, 2);
    expect(await button.isVisible()).toBe(true);
    await button.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${base + LEAD}#${section}`);
    expect(await status.textContent()).toBe('Link copied');

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with the Web Share API: opens the share sheet with the title and the link of the section in view', async () => {
    const { page, problems, context } = await openPage({ viewport: { width: 390, height: 844 } });
    await page.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { __shared: shared });
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: (data: ShareData) => {
          shared.push(data);
          return Promise.resolve();
        },
      });
    });
    await openApp(page, base + LEAD);
    const button = page.getByRole('button', { name: 'Share' });
    const shared = () => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
    await button.click();
    await expect.poll(shared).toHaveLength(1);
    const title = await page.locator('h1').textContent();
    expect((await shared())[0]).toEqual({ title, url: base + LEAD });

    const section = await readSection(page, 4);
    await button.click();
    await expect.poll(shared).toHaveLength(2);
    expect((await shared())[1]).toEqual({ title, url: `${base + LEAD}#${section}` });
    // The link leads back to that section.
    await page.goto(`${base + LEAD}#${section}`);
    await expect
      .poll(() => page.locator(`[id="${section}"]`).evaluate((element) => element.getBoundingClientRect().top))
      .toBeLessThan(200);

    expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a closed share sheet is not an error; a refused share falls back to copying', async () => {
    const { page, problems, context } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.addInitScript(() => {
      let calls = 0;
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: () => Promise.reject(new DOMException('no', ++calls === 1 ? 'AbortError' : 'NotAllowedError')),
      });
    });
    await openApp(page, base + LEAD);
    const button = page.getByRole('button', { name: 'Share' });
    const status = page.getByRole('status').filter({ hasText: /link/i });
    await button.click();
    await page.waitForTimeout(200);
    expect(await status.count()).toBe(0);
    await button.click();
    await expect.poll(() => status.textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(base + LEAD);
    expect(problems).toEqual([]);
    await context.close();
  });
});
