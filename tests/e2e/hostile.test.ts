/**
 * Hostile text: every field of the fixture carries script payloads that the validator accepts as
 * text. They must show as text, and nothing may execute or be injected.
 */
import { describe, expect, inject, it } from 'vitest';
import { articleUrl, authorUrl, frontUrl, tagUrl } from '../../src/model/pageUrls';
import { openApp, openPage } from './browser';
import type { Page } from 'playwright-core';

const base = inject('hostileUrl');

async function injected(page: Page) {
  return page.evaluate(() => ({
    canary: (window as unknown as { __pwned?: unknown }).__pwned,
    // The app's own module script and two data blocks (JSON-LD, prerendered state) are the only scripts allowed.
    scripts: [...document.querySelectorAll('script')].filter(
      (s) =>
        !(s.type === 'module' && s.src) &&
        s.type !== 'application/ld+json' &&
        !(s.type === 'application/json' && s.id === 'broadsheet-state'),
    ).length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length,
    iframes: document.querySelectorAll('iframe, svg[onload], img[src="x"]').length,
    hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
  }));
}

describe('hostile text', () => {
  for (const path of [
    articleUrl('hostile-everything'),
    articleUrl('hostile-second'),
    frontUrl(),
    tagUrl('b-onmouseover-window-pwned-1-tag-b'),
    authorUrl('img-src-x-onerror-window-pwned-1-mallory'),
  ]) {
    it(`${path}: payloads are shown as text and nothing executes`, async () => {
      const { page, problems, context } = await openPage();
      await openApp(page, base + path);
      await page.locator('h1').first().waitFor();
      await page.mouse.move(200, 300);
      for (const link of await page.locator('main a').all()) await link.hover().catch(() => undefined);
      const result = await injected(page);
      expect(result.canary).toBeUndefined();
      expect(result.scripts).toBe(0);
      expect(result.handlers).toBe(0);
      expect(result.iframes).toBe(0);
      expect(result.hrefs.filter((href) => /^(javascript|data|vbscript):/i.test(href.trim()))).toEqual([]);
      expect(problems.filter((p) => p.startsWith('csp') || p.startsWith('pageerror'))).toEqual([]);
      await context.close();
    });
  }

  it('shows the markup literally, long words wrap, and the JSON-LD cannot be closed early', async () => {
    const { page, context } = await openPage({ viewport: { width: 390, height: 800 } });
    await openApp(page, base + articleUrl('hostile-everything'));
    const h1 = page.locator('h1');
    await h1.waitFor();
    expect(await h1.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await page.getByText('Paragraph <script>', { exact: false }).count()).toBe(1);
    // A 4,000-character word must not make the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const jsonLd = await page.evaluate(
      () => document.querySelector('script[type="application/ld+json"]')?.textContent ?? '',
    );
    expect(jsonLd).not.toContain('</script>');
    expect((JSON.parse(jsonLd) as { headline: string }).headline).toContain('</script>');
    expect(await page.title()).toContain('Hostile <script>window.__pwned=1</script> Times');
    await context.close();
  });
});
