/**
 * In Debian's Chromium over the built sample newsroom served like production, median of repeated runs, each in
 * a fresh context:
 * - app start: from the reader's first pointer move over a prerendered article (which is what starts the app,
 *   see src/main.tsx) to the page hydrated, and the longest task meanwhile; without and with 4× CPU slowdown;
 * - click-to-headline time for a related article, prefetched and cold, once the app runs.
 *
 *   npx tsx scripts/bench/navigation.ts [runs=9]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { articleUrl } from '../../src/model/pageUrls.ts';
import { buildSite, serve } from '../../tests/e2e/server.ts';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';
import { isMain, runCli, UsageError, wholeNumber } from './cli.ts';
import { median } from './stats.ts';

const DEFAULT_RUNS = 9;
const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');

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
  // The reader's pointer starts the app; the top corner is the masthead, far from the related list.
  await page.mouse.move(1, 1);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
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

interface AppStart {
  /** First pointer move to `<html data-app="ready">`, ms. */
  ready: number;
  /** The longest main-thread task in that time, ms: how long a tap could have waited. */
  longestTask: number;
}

async function measureAppStart(browser: Browser, base: string, cpuSlowdown: number): Promise<AppStart> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  await context.addInitScript('window.__name = (fn) => fn;');
  await context.addInitScript(() => {
    const marks = { intent: 0, ready: 0, tasks: [] as { start: number; duration: number }[] };
    (window as unknown as { __appStart: typeof marks }).__appStart = marks;
    addEventListener('pointerover', () => (marks.intent ||= performance.now()), { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    // (Init scripts run before the document has its <html>.)
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => {
        if (document.documentElement.dataset.app === 'ready') marks.ready ||= performance.now();
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-app'] });
    });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await page.goto(base + LEAD, { waitUntil: 'networkidle' });
  await page.mouse.move(1, 1);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(200);
  const result = await page.evaluate(() => {
    const marks = (window as unknown as { __appStart: AppStartMarks }).__appStart;
    if (!marks.intent || !marks.ready) throw new Error('app start not observed');
    const during = marks.tasks.filter(
      (task) => task.start + task.duration >= marks.intent && task.start <= marks.ready,
    );
    return { ready: marks.ready - marks.intent, longestTask: Math.max(0, ...during.map((task) => task.duration)) };
  });
  await context.close();
  return result;
}
type AppStartMarks = { intent: number; ready: number; tasks: { start: number; duration: number }[] };

export async function main(runs = DEFAULT_RUNS) {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found (apt-get install -y chromium, or set CHROME_PATH)');
  const server = await serve(await buildSite(resolve('content'), 'bench-navigation'), 'bench-navigation');
  const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
  try {
    const starts: Record<string, AppStart[]> = { 'no throttling': [], '4× CPU slowdown': [] };
    for (let i = 0; i < runs; i++) {
      starts['no throttling']?.push(await measureAppStart(browser, server.url, 1));
      starts['4× CPU slowdown']?.push(await measureAppStart(browser, server.url, 4));
    }
    console.log(`\nApp start on a prerendered article: first pointer move to hydrated (${runs} runs each)\n`);
    console.log('| CPU | median to hydrated (ms) | min | max | median longest task (ms) | max longest task |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, values] of Object.entries(starts)) {
      const ready = values.map((value) => value.ready);
      const longest = values.map((value) => value.longestTask);
      console.log(
        `| ${name} | ${median(ready).toFixed(0)} | ${Math.min(...ready).toFixed(0)} | ${Math.max(...ready).toFixed(0)} | ${median(longest).toFixed(0)} | ${Math.max(...longest).toFixed(0)} |`,
      );
    }

    const results: Record<string, number[]> = { prefetched: [], cold: [] };
    for (let i = 0; i < runs; i++) {
      results.prefetched?.push(await measure(browser, server.url, true));
      results.cold?.push(await measure(browser, server.url, false));
    }
    console.log(`\nClick to new headline painted (${runs} runs each, nginx on 127.0.0.1, no throttling)\n`);
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

const USAGE = 'Usage: npx tsx scripts/bench/navigation.ts [runs=9]';

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { values, positionals } = parseArgs({
      options: { help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const [runs, ...extra] = positionals;
    if (values.help) return console.log(USAGE);
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra.join(' ')}".`);
    await main(wholeNumber({ label: 'runs', value: runs }, DEFAULT_RUNS, 1));
  }, USAGE);
}
