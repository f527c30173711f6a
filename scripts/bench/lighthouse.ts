/**
 * Lighthouse benchmark of the built sample newsroom, served the way it is deployed (nginx + deploy/nginx.conf).
 *
 *   npx tsx scripts/bench/lighthouse.ts [--runs=3]     (or BENCH_RUNS=3; the flag wins)
 *
 * Builds content/ into tests/e2e/.artifacts/dist-bench, serves it, writes a "static limit" page (the lead article
 * as rendered HTML with the same CSS and images and no JavaScript) and runs Lighthouse 12 with its mobile
 * defaults (simulated slow 4G, 4x CPU slowdown; performance, accessibility, best practices, SEO), `--runs` times per
 * page. Prints Markdown: the median of each score and metric over the runs, LCP of the
 * app's article over the static limit's, the route bundle sizes, each page's LCP element, the article's requests,
 * and every audit scoring below 1 (and those Lighthouse could not run). The JSON reports of every run and the printed summary go to bench-results/lighthouse/.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch as launchChrome, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { articleUrl, frontUrl, sectionUrl, tagUrl } from '../../src/model/pageUrls.ts';
import { buildSite, serve, type RunningServer } from '../../tests/e2e/server.ts';
import { CHROME_FLAGS, findChrome } from '../find-chrome.mjs';
import { formatBundleTable, kib, routeSizes } from './bundleSize.ts';
import { flagOrEnv, isMain, runCli, wholeNumber } from './cli.ts';
import { median } from './stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = join(ROOT, 'bench-results/lighthouse');
// --runs=1 (or BENCH_RUNS=1) gives a quick look while experimenting; the reported figures use the default.
const DEFAULT_RUNS = 3;
const USAGE = 'Usage: npx tsx scripts/bench/lighthouse.ts [--runs=3]   (or BENCH_RUNS=3; the flag wins)';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const LEAD = articleUrl('lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea');
const STATIC_LIMIT = '/static-limit.html';
/** The sample newsroom's public address in the benchmark build (a reserved .example name). */
const BENCH_SITE_URL = 'https://monsoon-ledger.example';

export const PAGES = [
  { name: 'article', path: LEAD },
  { name: 'front', path: frontUrl() },
  { name: 'tag', path: tagUrl('north-korea-news') },
  { name: 'section', path: sectionUrl('world') },
  { name: 'static-limit', path: STATIC_LIMIT },
] as const;
type PageName = (typeof PAGES)[number]['name'];

interface PageResult {
  name: PageName;
  path: string;
  runs: Result[];
  median: Result;
}

const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true };

/** What the largest contentful paint was, as Chromium reports it (unthrottled, Lighthouse's mobile viewport). */
async function observeLcp(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext(MOBILE);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const entries: PerformanceEntry[] = [];
      (window as unknown as { __lcp: PerformanceEntry[] }).__lcp = entries;
      new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({
        type: 'largest-contentful-paint',
        buffered: true,
      });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // On a busy machine the app may paint well after the network went quiet: wait for a first entry.
    await page
      .waitForFunction(() => (window as unknown as { __lcp: PerformanceEntry[] }).__lcp.length > 0, undefined, {
        timeout: 15_000,
      })
      .catch(() => undefined);
    await page.waitForTimeout(500);
    return await page.evaluate(() => {
      const entries = (window as unknown as { __lcp: PerformanceEntry[] }).__lcp;
      const last = entries[entries.length - 1] as
        (PerformanceEntry & { element: Element | null; url: string; size: number }) | undefined;
      if (!last) return '(no LCP entry)';
      const element = last.element;
      const name = element
        ? `<${element.tagName.toLowerCase()}${element.id ? ` id="${element.id}"` : ''}>` +
          (last.url ? ` ${new URL(last.url).pathname}` : ` "${(element.textContent ?? '').trim().slice(0, 60)}"`)
        : '(element removed)';
      return `${name}, ${Math.round(last.size)} px², at ${Math.round(last.startTime)} ms unthrottled`;
    });
  } finally {
    await context.close();
  }
}

/**
 * Renders the lead article in Chromium and saves its DOM without scripts as <dist>/static-limit.html, then
 * records each page's LCP element (Lighthouse 12.2.3's own LCP element audit fails on this Chromium).
 */
async function inspectInChromium(executablePath: string, base: string, dist: string): Promise<Map<PageName, string>> {
  const browser = await chromium.launch({ executablePath, args: CHROME_FLAGS });
  try {
    const context = await browser.newContext(MOBILE);
    const page = await context.newPage();
    await page.goto(base + LEAD, { waitUntil: 'networkidle' });
    await page.locator('article h1').first().waitFor();
    await page.waitForFunction(() => [...document.images].every((image) => image.loading === 'lazy' || image.complete));
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      // Executable scripts go; JSON-LD is data, not JavaScript, and stays as a prerendered page would keep it.
      copy.querySelectorAll('script:not([type="application/ld+json"]), link[rel="modulepreload"]').forEach((node) => {
        node.remove();
      });
      return `<!doctype html>\n${copy.outerHTML}\n`;
    });
    if (!html.includes('<h1')) throw new Error('the static limit page has no <h1>: the article did not render');
    writeFileSync(join(dist, STATIC_LIMIT), html);
    await context.close();

    const lcp = new Map<PageName, string>();
    for (const { name, path } of PAGES) lcp.set(name, await observeLcp(browser, base + path));
    return lcp;
  } finally {
    await browser.close();
  }
}

async function audit(chrome: LaunchedChrome, url: string): Promise<Result> {
  const flags: Flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    maxWaitForLoad: 45_000,
  };
  const result = await lighthouse(url, flags);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${url}: ${result.lhr.runtimeError.message}`);
  return result.lhr;
}

const score = (lhr: Result, category: string) => lhr.categories[category]?.score ?? null;
const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;
const fixed = (value: number | null, digits: number) =>
  value === null || Number.isNaN(value) ? '–' : value.toFixed(digits);

/** The run with the median performance score (ties broken by LCP). */
function medianRun(runs: Result[]): Result {
  const sorted = [...runs].sort(
    (a, b) =>
      (score(a, 'performance') ?? 0) - (score(b, 'performance') ?? 0) ||
      numeric(b, 'largest-contentful-paint') - numeric(a, 'largest-contentful-paint'),
  );
  return sorted[Math.floor(sorted.length / 2)] as Result;
}

/** The median of one figure over the runs (each figure on its own, so one noisy run cannot skew them all). */
function medianOf(runs: Result[], figure: (lhr: Result) => number | null): number | null {
  const values = runs.map(figure).filter((value): value is number => value !== null && !Number.isNaN(value));
  return values.length === 0 ? null : median(values);
}

/** Each cell is the median of that figure over the runs. */
function scoreTable(results: PageResult[]): string {
  const rows = results.map(({ name, runs }) =>
    [
      name,
      ...CATEGORIES.map((category) =>
        fixed(
          medianOf(runs, (lhr) => score(lhr, category)),
          2,
        ),
      ),
      fixed((medianOf(runs, (lhr) => numeric(lhr, 'largest-contentful-paint')) ?? NaN) / 1000, 2),
      fixed(
        medianOf(runs, (lhr) => numeric(lhr, 'cumulative-layout-shift')),
        3,
      ),
      fixed(
        medianOf(runs, (lhr) => numeric(lhr, 'total-blocking-time')),
        0,
      ),
      fixed((medianOf(runs, (lhr) => numeric(lhr, 'first-contentful-paint')) ?? NaN) / 1000, 2),
    ].join(' | '),
  );
  return [
    '| page | performance | accessibility | best practices | SEO | LCP (s) | CLS | TBT (ms) | FCP (s) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function spreadTable(results: PageResult[]): string {
  const count = results[0]?.runs.length ?? 0;
  return [
    `| page | performance (${count} runs) | LCP s (${count} runs) | TBT ms (${count} runs) | benchmarkIndex |`,
    '|---|---|---|---|---|',
    ...results.map(
      ({ name, runs }) =>
        `| ${name} | ${runs.map((lhr) => fixed(score(lhr, 'performance'), 2)).join(' / ')} | ${runs
          .map((lhr) => fixed(numeric(lhr, 'largest-contentful-paint') / 1000, 2))
          .join(' / ')} | ${runs.map((lhr) => fixed(numeric(lhr, 'total-blocking-time'), 0)).join(' / ')} | ${runs
          .map((lhr) => fixed(lhr.environment.benchmarkIndex, 0))
          .join(' / ')} |`,
    ),
  ].join('\n');
}

interface LooseItem {
  [key: string]: unknown;
}
interface LooseDetails {
  type?: string;
  items?: LooseItem[];
}

/** Lighthouse's LCP element and LCP phases, or, when that audit errored, the element Chromium reported. */
function lcpBreakdown(lhr: Result, observed: string | undefined): string {
  const element = lhr.audits['largest-contentful-paint-element'];
  const details = element?.details as LooseDetails | undefined;
  const tables = (details?.items ?? []) as LooseDetails[];
  const node = tables[0]?.items?.[0]?.node as { snippet?: string } | undefined;
  const phases = (tables[1]?.items ?? []).map((item) => `${String(item.phase)} ${fixed(Number(item.timing), 0)} ms`);
  if (node?.snippet) return `${node.snippet}${phases.length ? ` — ${phases.join(', ')}` : ''}`;
  return `${observed ?? '(unknown)'} (Chromium's report; Lighthouse's LCP element audit: ${element?.scoreDisplayMode ?? 'missing'})`;
}

/** The requests of a load in the order they started (Lighthouse's observed, unthrottled timings). */
function waterfall(lhr: Result): string {
  const origin = new URL(lhr.finalDisplayedUrl).origin;
  const items = ((lhr.audits['network-requests']?.details as LooseDetails | undefined)?.items ?? []) as {
    url: string;
    resourceType?: string;
    priority?: string;
    networkRequestTime?: number;
    networkEndTime?: number;
    transferSize?: number;
  }[];
  return [
    '| request | type | priority | start (ms) | end (ms) | transfer |',
    '|---|---|---|---:|---:|---:|',
    ...items.map(
      (item) =>
        `| ${item.url.replace(origin, '')} | ${item.resourceType ?? ''} | ${item.priority ?? ''} | ${fixed(item.networkRequestTime ?? NaN, 0)} | ${fixed(item.networkEndTime ?? NaN, 0)} | ${kib(item.transferSize ?? 0)} |`,
    ),
  ].join('\n');
}

/** Audits Lighthouse could not compute on this page (they count neither for nor against a score). */
function erroredAudits(lhr: Result): string[] {
  return Object.values(lhr.audits)
    .filter((result) => result.scoreDisplayMode === 'error')
    .map((result) => `\`${result.id}\`: ${(result.errorMessage ?? '').split('\n')[0]?.slice(0, 160)}`);
}

/** What an audit's first few items point at (a node, a URL, a source), to say where the problem is. */
function itemLabels(details: LooseDetails | undefined): string[] {
  const labels: string[] = [];
  for (const item of details?.items ?? []) {
    const node = item.node as { snippet?: string; selector?: string } | undefined;
    const source = item.source as { url?: string } | undefined;
    const label =
      node?.snippet ??
      node?.selector ??
      (typeof item.url === 'string' ? item.url : undefined) ??
      source?.url ??
      (typeof item.description === 'string' ? item.description : undefined);
    if (label) labels.push(label.length > 140 ? `${label.slice(0, 137)}...` : label);
    if (labels.length === 3) break;
  }
  return labels;
}

/** Every audit of the four categories that scores below 1, once, under the first category that weighs it. */
function failingAudits(lhr: Result): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (!result || seen.has(ref.id) || result.score === null || result.score >= 1) continue;
      seen.add(ref.id);
      const value = result.displayValue ? ` (${result.displayValue})` : '';
      const where = itemLabels(result.details);
      const origin = lhr.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl).origin : '';
      lines.push(
        `- ${category} · \`${ref.id}\` — ${result.title}${value} · score ${result.score.toFixed(2)}, weight ${ref.weight}` +
          where.map((label) => `\n    - ${origin ? label.replaceAll(origin, '') : label}`).join(''),
      );
    }
  }
  return lines;
}

/** Runs per page: `--runs`, else BENCH_RUNS, else the default. */
const runsSetting = (flag?: string) => wholeNumber(flagOrEnv('runs', flag, 'BENCH_RUNS'), DEFAULT_RUNS, 1);

export async function main(runs = runsSetting()): Promise<string> {
  const chromePath = findChrome();
  if (!chromePath) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH');
  const started = Date.now();

  console.error('bench: building the sample newsroom...');
  // Vite bakes NODE_ENV into the bundle: measure the production build whatever the caller's environment says.
  // Built as a newsroom deploys it: with its public address, so canonical URLs are absolute (Lighthouse's SEO
  // audit checks), even though the benchmark serves it from 127.0.0.1.
  const saved = { NODE_ENV: process.env.NODE_ENV, SITE_URL: process.env.SITE_URL };
  process.env.NODE_ENV = 'production';
  process.env.SITE_URL = BENCH_SITE_URL;
  let dist: string;
  try {
    dist = await buildSite(join(ROOT, 'content'), 'bench');
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  let server: RunningServer | undefined;
  let chrome: LaunchedChrome | undefined;
  try {
    server = await serve(dist, 'bench');
    console.error(`bench: serving ${dist} at ${server.url} (nginx, deploy/nginx.conf)`);
    const observedLcp = await inspectInChromium(chromePath, server.url, dist);

    chrome = await launchChrome({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    const results: PageResult[] = [];
    for (const { name, path } of PAGES) {
      const pageRuns: Result[] = [];
      for (let run = 1; run <= runs; run++) {
        const lhr = await audit(chrome, server.url + path);
        writeFileSync(join(RESULTS, `${name}-${run}.json`), JSON.stringify(lhr));
        console.error(
          `bench: ${name} run ${run}: performance ${fixed(score(lhr, 'performance'), 2)}, LCP ${fixed(numeric(lhr, 'largest-contentful-paint') / 1000, 2)} s`,
        );
        pageRuns.push(lhr);
      }
      results.push({ name, path, runs: pageRuns, median: medianRun(pageRuns) });
    }

    const byName = (name: PageName) => results.find((result) => result.name === name) as PageResult;
    const medianLcp = (name: PageName) =>
      medianOf(byName(name).runs, (lhr) => numeric(lhr, 'largest-contentful-paint')) ?? NaN;
    const appLcp = medianLcp('article');
    const staticLcp = medianLcp('static-limit');
    const first = byName('article').median;
    const errored = [...new Set(results.flatMap(({ median }) => erroredAudits(median)))];
    const warnings = [...new Set(results.flatMap(({ median }) => median.runWarnings))];
    const summary = [
      `# Lighthouse ${first.lighthouseVersion}, ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}`,
      '',
      `Mobile defaults: ${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling ` +
        `(RTT ${first.configSettings.throttling.rttMs} ms, ${fixed(first.configSettings.throttling.throughputKbps / 1024, 1)} Mbps, ` +
        `CPU ×${first.configSettings.throttling.cpuSlowdownMultiplier}); each figure the median of ${runs} runs; ` +
        `served by nginx with deploy/nginx.conf; benchmarkIndex ${fixed(first.environment.benchmarkIndex, 0)}.`,
      '',
      scoreTable(results),
      '',
      `LCP(app article) / LCP(static limit) = ${fixed(appLcp / 1000, 2)} s / ${fixed(staticLcp / 1000, 2)} s = **${fixed(appLcp / staticLcp, 2)}**`,
      '',
      '## Run to run',
      '',
      'CPU-bound numbers (TBT, and through it the score) move with the load on this machine: a benchmarkIndex well',
      'below ~1000 or a static-limit TBT above 0 means other work was competing for the CPU.',
      '',
      spreadTable(results),
      '',
      '## Route bundles (first render)',
      '',
      formatBundleTable(routeSizes(dist)),
      '',
      '## LCP element (the run with the median score)',
      '',
      ...results.map(({ name, median }) => `- ${name}: ${lcpBreakdown(median, observedLcp.get(name))}`),
      '',
      '## Requests of the article and of its static limit (the run with the median score, observed unthrottled)',
      '',
      waterfall(byName('article').median),
      '',
      waterfall(byName('static-limit').median),
      '',
      '## Audits scoring below 1 (the run with the median score)',
      '',
      ...results.flatMap(({ name, path, median }) => {
        const failing = failingAudits(median);
        return [`### ${name} (\`${path}\`)`, '', ...(failing.length ? failing : ['(none)']), ''];
      }),
      ...(errored.length ? ['## Audits Lighthouse could not run', '', ...errored.map((line) => `- ${line}`), ''] : []),
      ...(warnings.length ? ['## Lighthouse warnings', '', ...warnings.map((warning) => `- ${warning}`), ''] : []),
      `Reports: ${RESULTS}/<page>-<run>.json. Took ${fixed((Date.now() - started) / 1000, 0)} s.`,
    ].join('\n');
    writeFileSync(join(RESULTS, 'summary.md'), `${summary}\n`);
    console.log(summary);
    return summary;
  } finally {
    if (chrome) chrome.kill();
    if (server) await server.stop();
  }
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { values } = parseArgs({
      options: { runs: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) console.log(USAGE);
    else await main(runsSetting(values.runs));
  }, USAGE);
}
