/** One Chromium per test file, a fresh context per test, and a record of what went wrong in the page. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { findChrome, CHROME_FLAGS } from '../../scripts/find-chrome.mjs';

async function launch(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath)
    throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH');
  return chromium.launch({ executablePath, args: CHROME_FLAGS });
}

export interface Tracked {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

/** One Chromium for the test file that imports this module (each file has its own module scope). */
let shared: Promise<Browser> | undefined;
afterAll(async () => {
  await (await shared)?.close();
});

/** A fresh context and page in this file's Chromium, launched on first use and closed after the file. */
export async function openPage(
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<Tracked> {
  const browser = await (shared ??= launch());
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('__reportCsp', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  return { context, page, problems };
}

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/**
 * Opens `url` and waits for the app: a prerendered page starts it on the reader's first interaction (see
 * src/main.tsx), so a pointer move stands in for the reader; the app shell starts it at once.
 */
export async function openApp(page: Page, url: string) {
  const response = await page.goto(url);
  await page.mouse.move(4, 4);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  return response;
}

/** Marks the window, so a test can tell a client-side navigation (the mark stays) from a full load (it is gone). */
export const markWindow = (page: Page, mark: number) =>
  page.evaluate((value) => {
    (window as unknown as { __marker: number }).__marker = value;
  }, mark);

/** The window's mark, or undefined after a full load. */
export const windowMark = (page: Page) => page.evaluate(() => (window as unknown as { __marker?: number }).__marker);
