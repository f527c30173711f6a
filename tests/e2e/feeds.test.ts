/**
 * Feed discovery in real Chromium: the prerendered front, tag and author pages of a site built with SITE_URL (the
 * hostile fixture, served from that address) name their feeds in <head>; each link is followed, the feed parsed
 * by the browser's XML parser, and its items followed to the article pages they name. Hostile text in every
 * field must leave the feeds well-formed and read back as the very text the pages show.
 */
import { describe, expect, inject, it } from 'vitest';
import { feedUrl } from '../../src/model/feedUrls';
import { authorUrl, frontUrl, tagUrl } from '../../src/model/pageUrls';
import { openPage } from './browser';
import type { Page } from 'playwright-core';

const base = inject('hostileUrl');
const SITE_NAME = 'Hostile <script>window.__pwned=1</script> Times';
const TAG = tagUrl('b-onmouseover-window-pwned-1-tag-b');
const AUTHOR = authorUrl('img-src-x-onerror-window-pwned-1-mallory');

interface Discovered {
  type: string;
  title: string;
  href: string;
}

/** The feed links of the page as prerendered: read before any interaction, so the app has not started. */
async function discovered(page: Page, path: string): Promise<Discovered[]> {
  await page.goto(base + path);
  expect(await page.locator('html[data-app="ready"]').count()).toBe(0);
  return page.locator('head link[rel="alternate"]').evaluateAll((links) =>
    links.map((link) => ({
      type: link.getAttribute('type') ?? '',
      title: link.getAttribute('title') ?? '',
      href: link.getAttribute('href') ?? '',
    })),
  );
}

interface ParsedFeed {
  error: string | null;
  root: string;
  title: string;
  self: string;
  items: { title: string; link: string }[];
}

/** Fetches a feed as the page would and parses it with the browser's own XML parser. */
async function followFeed(page: Page, link: Discovered): Promise<ParsedFeed> {
  const response = await page.request.get(link.href);
  expect(response.status(), link.href).toBe(200);
  expect(response.headers()['content-type'], link.href).toContain(link.type);
  return page.evaluate(
    (text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const root = doc.documentElement;
      const atom = root.localName === 'feed';
      const child = (parent: Element, name: string) =>
        [...parent.children].find((element) => element.localName === name)?.textContent ?? '';
      const container = atom ? root : (root.querySelector('channel') ?? root);
      const selfLink = [...container.children].find(
        (element) => element.localName === 'link' && element.getAttribute('rel') === 'self',
      );
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName,
        title: child(container, 'title'),
        self: selfLink?.getAttribute('href') ?? '',
        items: [...container.children]
          .filter((element) => element.localName === (atom ? 'entry' : 'item'))
          .map((item) => ({
            title: child(item, 'title'),
            link: atom
              ? ([...item.children]
                  .find((e) => e.localName === 'link' && e.getAttribute('rel') === 'alternate')
                  ?.getAttribute('href') ?? '')
              : child(item, 'link'),
          })),
      };
    },
    await response.text(),
  );
}

describe('feed discovery from prerendered pages', () => {
  const cases: { path: string; own?: string; items: number }[] = [
    { path: frontUrl(), items: 2 },
    { path: TAG, own: '<b onmouseover=window.__pwned=1>tag</b>', items: 2 },
    { path: AUTHOR, own: '<img src=x onerror=window.__pwned=1> Mallory', items: 1 },
  ];
  for (const { path, own, items } of cases) {
    it(`${path}: names its feeds, which parse and list the page's articles`, async () => {
      const { page, context } = await openPage();
      try {
        const links = await discovered(page, path);
        const lists = own ? [{ path, title: `${own} · ${SITE_NAME}` }] : [];
        lists.push({ path: frontUrl(), title: SITE_NAME });
        expect(links).toEqual(
          lists.flatMap((list) => [
            { type: 'application/rss+xml', title: `${list.title} (RSS)`, href: base + feedUrl(list.path, 'rss') },
            { type: 'application/atom+xml', title: `${list.title} (Atom)`, href: base + feedUrl(list.path, 'atom') },
          ]),
        );
        for (const link of links.slice(0, 2)) {
          const feed = await followFeed(page, link);
          expect(feed.error, link.href).toBeNull();
          expect(feed.root).toBe(link.type === 'application/rss+xml' ? 'rss' : 'feed');
          expect(`${feed.title} (${feed.root === 'rss' ? 'RSS' : 'Atom'})`).toBe(link.title);
          expect(feed.self).toBe(link.href);
          expect(feed.items).toHaveLength(items);
          // Each item leads to its article, whose headline is the item's title, character for character.
          for (const item of feed.items) {
            expect(item.link.startsWith(`${base}/articles/`), item.link).toBe(true);
            await page.goto(item.link);
            expect(await page.locator('h1').textContent()).toBe(item.title);
          }
        }
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      } finally {
        await context.close();
      }
    });
  }

  it('tag and author pages show a link to their feeds, without JavaScript too', async () => {
    const { page, context } = await openPage();
    try {
      for (const path of [TAG, AUTHOR]) {
        await page.goto(base + path);
        const rss = page.getByRole('link', { name: 'RSS feed' });
        const atom = page.getByRole('link', { name: 'Atom feed' });
        expect(await rss.getAttribute('href')).toBe(feedUrl(path, 'rss'));
        expect(await atom.getAttribute('href')).toBe(feedUrl(path, 'atom'));
        expect(await rss.isVisible()).toBe(true);
        const response = await page.request.get(base + feedUrl(path, 'rss'));
        expect(response.status()).toBe(200);
      }
    } finally {
      await context.close();
    }
  });
});

describe('a site built without SITE_URL', () => {
  it('names no feeds and shows no feed link', async () => {
    const { page, context } = await openPage();
    try {
      const sample = inject('sampleUrl');
      for (const path of [frontUrl(), tagUrl('north-korea-news')]) {
        await page.goto(sample + path);
        expect(await page.locator('link[rel="alternate"]').count(), path).toBe(0);
        expect(await page.getByRole('link', { name: /feed$/ }).count(), path).toBe(0);
      }
    } finally {
      await context.close();
    }
  });
});
