/**
 * Accessibility in real Chromium over the sample newsroom: no axe violations on any kind of page,
 * in light and dark colour schemes, and a keyboard-only journey in which focus is always visible.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { articleUrl, frontUrl, sectionUrl, tagUrl } from '../../src/model/pageUrls';
import { axeViolations, openApp, openPage } from './browser';
import type { Page } from 'playwright-core';

const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');
const base = inject('sampleUrl');
/** Found through the lead article's byline link, in beforeAll. */
let authorPath = '';

beforeAll(async () => {
  const { page, context } = await openPage();
  await openApp(page, base + LEAD);
  const byline = page.locator('article a[href^="/authors/"]').first();
  await byline.waitFor();
  authorPath = (await byline.getAttribute('href')) ?? '';
  await context.close();
});

/** Loads a page and waits until it has rendered its heading and its data has settled. */
async function load(page: Page, path: string) {
  await openApp(page, base + path);
  await page.locator('main h1').first().waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

const PAGES: [name: string, path: () => string][] = [
  ['front page', () => frontUrl()],
  ['lead article', () => LEAD],
  ['tag page', () => tagUrl('north-korea-news')],
  ['author page (from the byline)', () => authorPath],
  ['filtered front page', () => frontUrl({ tags: ['port-calder', 'velmora'] })],
  ['section front', () => sectionUrl('world')],
  ['not-found page (unknown article)', () => articleUrl('does-not-exist')],
  ['not-found page with guesses', () => articleUrl('lavrov-warns-us-south-korea')],
  ['not-found page (unknown path)', () => '/no/such/page'],
];

describe('axe finds no violations', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [name, path] of PAGES) {
      it(`${name}, ${colorScheme}`, async () => {
        expect(authorPath).toMatch(/^\/authors\/.+/);
        const { page, context, problems } = await openPage({ colorScheme });
        await load(page, path());
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        expect(await axeViolations(page)).toEqual([]);
        expect(problems.filter((p) => p.startsWith('pageerror') || p.startsWith('csp'))).toEqual([]);
        await context.close();
      });
    }
  }
});

interface Focused {
  tag: string;
  text: string;
  label: string;
  href: string;
  id: string;
  /** An outline is drawn around it. */
  outlined: boolean;
  /** On screen, and not clipped to nothing (as .sr-only is). */
  onScreen: boolean;
}

async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label') ?? '',
      href: el.getAttribute('href') ?? '',
      id: el.id,
      outlined:
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        style.outlineColor !== 'transparent' &&
        !/rgba\(.*,\s*0\)$/.test(style.outlineColor),
      onScreen:
        rect.width > 1 &&
        rect.height > 1 &&
        rect.bottom > 0 &&
        rect.right > 0 &&
        rect.top < window.innerHeight &&
        rect.left < window.innerWidth,
    };
  });
}

const describeFocus = (f: Focused | null) =>
  f
    ? `<${f.tag}${f.id ? `#${f.id}` : ''}${f.href ? ` href="${f.href}"` : ''}> ${f.label || f.text.slice(0, 60)}`
    : '(body)';

describe('keyboard only', () => {
  it('skip link, tag filter, an article, then a related article, with focus always visible', async () => {
    const { page, context, problems } = await openPage();
    /** Every keyboard focus stop that had no visible outline. */
    const unseen: string[] = [];

    async function tab(): Promise<Focused | null> {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now && !(now.outlined && now.onScreen)) unseen.push(describeFocus(now));
      return now;
    }

    async function tabUntil(what: string, wanted: (f: Focused) => Promise<boolean> | boolean, max = 250) {
      for (let i = 0; i < max; i++) {
        const now = await tab();
        if (now && (await wanted(now))) return now;
      }
      throw new Error(`Tabbed ${max} times without reaching ${what}`);
    }

    /** After a client-side navigation the app moves focus to the new h1; Tab continues from there. */
    const focusMovedToHeading = () =>
      expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await load(page, frontUrl());

    // 1. The first Tab reaches the skip link, which appears on screen.
    const skip = await tab();
    expect(describeFocus(skip)).toMatch(/Skip to content/);
    expect(skip?.href).toBe('#main');
    expect(skip?.onScreen).toBe(true);
    expect(skip?.outlined).toBe(true);

    // 2. Enter moves focus to the main landmark.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // 3. On to the tag filter's "North Korea news" link; Enter filters by it (a new URL).
    const tagLink = await tabUntil('the "North Korea news" filter', (f) =>
      /^North Korea news\b/.test(f.label || f.text),
    );
    expect(tagLink.href).toBe('/?tag=north-korea-news');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/?tag=north-korea-news`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tagged North Korea news');
    await focusMovedToHeading();

    // 4. On to an article card; Enter opens the article.
    const card = await tabUntil('an article card', (f) => f.href.startsWith('/articles/'));
    await page.keyboard.press('Enter');
    await page.waitForURL(base + card.href);
    await expect.poll(() => page.locator('main h1').textContent()).toBe(card.text);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    await focusMovedToHeading();

    // 5. On to a link inside the Related landmark; Enter opens that article.
    const related = page
      .getByRole('complementary', { name: /Related/ })
      .or(page.getByRole('region', { name: /Related/ }));
    const pick = await tabUntil(
      'a link in the Related landmark',
      async (f) =>
        f.href.startsWith('/articles/') && (await related.evaluate((node) => node.contains(document.activeElement))),
    );
    expect(pick.href).not.toBe(card.href);
    await page.keyboard.press('Enter');
    await page.waitForURL(base + pick.href);
    await expect.poll(() => page.locator('main h1').textContent()).toBe(pick.text);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    await focusMovedToHeading();

    expect(unseen).toEqual([]);
    expect(problems.filter((p) => p.startsWith('pageerror') || p.startsWith('csp'))).toEqual([]);
    await context.close();
  });
});
