/**
 * Click-to-headline time for a related article, prefetched and cold, in Debian's Chromium over the
 * built sample newsroom served like production. Median of repeated runs, each in a fresh context.
 *
 *   npx tsx scripts/bench/navigation.ts [runs]
 */
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';
import { buildSite, serve } from '../../tests/e2e/server';

const LEAD = '/articles/lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function measure(browser: Browser, base: string, prefetched: boolean): Promise<number> {
  // A phone-sized viewport keeps the related list far below the fold, so nothing prefetches it
  // unless this run asks for it; element.click() neither hovers nor focuses.
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  // tsx names functions through a `__name` helper that does not exist inside the page.
  await context.addInitScript('window.__name = (fn) => fn;');
  const page = await context.newPage();
  await page.goto(base + LEAD);
  await page.locator('h1').waitFor();
  await page.waitForLoadState('networkidle');
  const elapsed = await page.evaluate(async (prefetch) => {
    const link = document.querySelector<HTMLAnchorElement>('aside[aria-labelledby="related-heading"] h3 a');
    if (!link) throw new Error('no related link');
    const target = link.textContent ?? '';
    const data = `/data${link.getAttribute('href')}.json`;
    if (prefetch) {
      link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      const deadline = performance.now() + 5000;
      while (!performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(data))) {
        if (performance.now() > deadline) throw new Error('prefetch did not happen');
        await new Promise((done) => setTimeout(done, 10));
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    const started = performance.now();
    link.click();
    return new Promise<number>((done) => {
      const check = () => {
        if (document.querySelector('h1')?.textContent === target) {
          // The next frame is the one that paints the new headline.
          requestAnimationFrame(() => done(performance.now() - started));
        } else requestAnimationFrame(check);
      };
      check();
    });
  }, prefetched);
  await context.close();
  return elapsed;
}

export async function main(runs = 9) {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found (apt-get install -y chromium, or set CHROME_PATH)');
  const server = await serve(await buildSite(resolve('content'), 'bench-navigation'), 'bench-navigation');
  const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
  try {
    const results: Record<string, number[]> = { prefetched: [], cold: [] };
    for (let i = 0; i < runs; i++) {
      results.prefetched?.push(await measure(browser, server.url, true));
      results.cold?.push(await measure(browser, server.url, false));
    }
    console.log(`\nClick to new headline painted (${runs} runs each, ${server.kind} on 127.0.0.1, no throttling)\n`);
    console.log('| related article | median (ms) | min (ms) | max (ms) |');
    console.log('|---|---|---|---|');
    for (const [name, values] of Object.entries(results)) {
      console.log(
        `| ${name} | ${median(values).toFixed(1)} | ${Math.min(...values).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`,
      );
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(Number(process.argv[2]) || undefined);
}
