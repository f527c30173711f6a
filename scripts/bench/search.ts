/**
 * Benchmark of search (issue 16) on generated newsrooms: figures, not assertions.
 *
 *   npx tsx scripts/bench/search.ts [--sizes=10000,100000] [--tags=5000] [--seed=1] [--queries=12] [--cpu=4]
 *                                   [--reuse-compile] [--reuse-index] [--trace=DIR]
 *
 * For each size:
 * 1. Generates the corpus (scripts/bench/corpus.ts) into os.tmpdir(), or reuses the one already there. With
 *    `--reuse-index`, an index an earlier run wrote there (of the current SEARCH_INDEX_VERSION) is served as it is
 *    and steps 1–2 are skipped: only the queries are measured.
 * 2. In a child process: compiles it (`loadContent`, strict), then builds the search index from the compiled
 *    articles exactly as the build does (build/search/buildSearchIndex.ts), timing that step and reading its
 *    peak memory (VmHWM, reset after the compile through /proc/self/clear_refs, so it is the peak while the
 *    index is built, with the compile's documents still held as in the build), and writes the index files.
 * 3. Serves the sample newsroom's built app with nginx and deploy/nginx.conf, its /data/search replaced by the
 *    generated newsroom's index, and drives Chromium (CPU slowed `--cpu` times through CDP): from the front page
 *    with the app started, a reader types a query into the header's box and presses Enter (the first query), then
 *    types further queries on the search page, whose results follow the typing. It records every byte the browser
 *    receives for each query (CDP encodedDataLength: gzip bodies and headers) and the time from the last keystroke
 *    to the results painted (the heading naming the query, then a frame), and to the whole first page of results
 *    painted (a search shows its first screenful, then the rest of the page). Queries are words of headlines of
 *    articles spread through the newsroom, one or two words each. Not counted: the cards in view warming their
 *    articles (/data/articles/, as every list page does). BENCH_SEARCH_VERBOSE=1 lists every response.
 *    `--trace=DIR` writes a Chromium trace of each further query to DIR/{size}/ (script, style, layout and paint
 *    of the main thread, JS samples, and the marks bench:key, bench:committed, bench:painted); tracing slows
 *    the page, so the times of a traced run are not the benchmark's figures.
 */
import { fork } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { loadContent } from '../../build/load.ts';
import { buildSearchIndex, compiledArticles } from '../../build/search/buildSearchIndex.ts';
import { SEARCH_INDEX_VERSION, SearchMeta } from '../../src/search/documents.ts';
import { recordPath, searchPath } from '../../src/search/paths.ts';
import { buildSite, serve } from '../../tests/e2e/server.ts';
import { findChrome, CHROME_FLAGS } from '../find-chrome.mjs';
import { flagOrEnv, isMain, runCli, UsageError, wholeNumber } from './cli.ts';
import { sharedCorpus } from './corpus.ts';
import { median } from './stats.ts';

const DEFAULT_SIZES = [10_000, 100_000];
const PAINT_TIMEOUT_MS = 30_000;
const FUNCTION_WORDS = new Set(
  'the of and to in a for on with said by that was is as at from it has have but not'.split(' '),
);

interface Options {
  sizes: number[];
  tags: number;
  seed: number;
  queries: number;
  cpu: number;
  /** Reuse the compiled articles an earlier run kept (see compiledDocuments). */
  reuseCompile: boolean;
  /** Reuse the index an earlier run wrote, when it is of the current version: only the queries are measured. */
  reuseIndex: boolean;
  /** A folder to write a Chromium trace of each further query to (see traceQuery). */
  traceDir?: string;
}

interface IndexFigures {
  articles: number;
  /** -1 when an earlier run's compile was reused. */
  compileMs: number;
  indexMs: number;
  /** RSS when the index step began (the compile's documents held), and the peak while it ran. */
  rssBeforeMiB: number;
  peakMiB: number;
  writeMs: number;
  files: number;
  megabytes: number;
}

interface QueryFigures {
  query: string;
  bytes: number;
  requests: number;
  /** Last keystroke to the whole first page of results painted (the page shows its first screenful first), ms. */
  wholeMs: number;
  /** Last keystroke to results painted, ms. */
  ms: number;
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

// ---------------------------------------------------------------------------------------------
// The child: compile, then build and write the index

const vmHwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

/**
 * The compile's documents: compiled now (minutes at 100,000 articles), or, with `--reuse-compile`, the article
 * documents an earlier run kept beside the index (one JSON document a line), to measure the index step again.
 */
async function compiledDocuments(corpusDir: string, outDir: string, reuse: boolean) {
  const kept = join(outDir, 'articles.jsonl');
  if (reuse && existsSync(kept)) {
    const documents = new Map<string, string>();
    // Read a slice at a time, for the same reason.
    const text = readFileSync(kept);
    let start = 0;
    for (let end = text.indexOf(10); end >= 0; start = end + 1, end = text.indexOf(10, start)) {
      documents.set(`/data/articles/${documents.size}.json`, text.toString('utf8', start, end));
    }
    return { documents, compileMs: -1 };
  }
  const started = performance.now();
  const output = await loadContent(corpusDir, 'strict');
  if (output.problems.length > 0) throw new Error(`${output.problems.length} content problems in ${corpusDir}`);
  const compileMs = performance.now() - started;
  mkdirSync(outDir, { recursive: true });
  // One write a document: all of them joined would pass V8's longest string at 100,000 articles.
  const file = openSync(kept, 'w');
  for (const [path, text] of output.documents) if (path.startsWith('/data/articles/')) writeSync(file, `${text}\n`);
  closeSync(file);
  return { documents: output.documents, compileMs };
}

async function indexChild(corpusDir: string, outDir: string, reuse: boolean): Promise<IndexFigures> {
  const { documents, compileMs } = await compiledDocuments(corpusDir, outDir, reuse);
  const rssBefore = process.memoryUsage().rss;
  // Linux: writing 5 resets the peak RSS, so VmHWM from here on is the index step's peak.
  writeFileSync('/proc/self/clear_refs', '5');
  let started = performance.now();
  const files = buildSearchIndex(compiledArticles(documents));
  const indexMs = performance.now() - started;
  const peak = Math.max(vmHwm(), process.memoryUsage().rss);
  started = performance.now();
  rmSync(join(outDir, 'data'), { recursive: true, force: true });
  let bytes = 0;
  const made = new Set<string>();
  for (const [path, text] of files) {
    const file = join(outDir, path);
    if (!made.has(dirname(file))) {
      mkdirSync(dirname(file), { recursive: true });
      made.add(dirname(file));
    }
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return {
    articles: [...files.keys()].filter((path) => path.startsWith('/data/search/docs/')).length,
    compileMs,
    indexMs,
    rssBeforeMiB: mib(rssBefore),
    peakMiB: mib(peak),
    writeMs: performance.now() - started,
    files: files.size,
    megabytes: bytes / 1e6,
  };
}

/** The figures of an index an earlier run wrote, if it is there and of the current version (times unknown: -1). */
function keptIndex(indexDir: string): IndexFigures | undefined {
  const metaFile = join(indexDir, searchPath.meta());
  if (!existsSync(metaFile)) return undefined;
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { version?: unknown; documents?: unknown };
  if (meta.version !== SEARCH_INDEX_VERSION || typeof meta.documents !== 'number') return undefined;
  console.error(`Reusing the search index in ${indexDir} (${meta.documents} articles)`);
  return {
    articles: meta.documents,
    compileMs: -1,
    indexMs: -1,
    rssBeforeMiB: -1,
    peakMiB: -1,
    writeMs: -1,
    files: -1,
    megabytes: -1,
  };
}

function runIndexChild(corpusDir: string, outDir: string, reuse: boolean): Promise<IndexFigures> {
  return new Promise((done, fail) => {
    const args = ['--index-child', corpusDir, outDir, ...(reuse ? ['--reuse-compile'] : [])];
    const child = fork(fileURLToPath(import.meta.url), args, {
      execArgv: [...process.execArgv, '--max-old-space-size=12288'],
    });
    let figures: IndexFigures | undefined;
    child.on('message', (message: IndexFigures) => (figures = message));
    child.on('exit', (code) => (figures ? done(figures) : fail(new Error(`the index child exited with ${code}`))));
  });
}

// ---------------------------------------------------------------------------------------------
// The browser: first query from the front page, then queries typed on the search page

function pickQueries(indexDir: string, documents: number, count: number): string[] {
  const meta = SearchMeta.parse(JSON.parse(readFileSync(join(indexDir, searchPath.meta()), 'utf8')));
  const queries: string[] = [];
  for (let i = 0; queries.length < count && i < count * 4; i++) {
    const n = Math.floor(((i + 0.5) * documents) / (count * 4));
    const record = JSON.parse(readFileSync(join(indexDir, recordPath(meta, n) ?? ''), 'utf8')) as {
      card: { headline: string };
    };
    const words = record.card.headline
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 4 && !FUNCTION_WORDS.has(word));
    const query = queries.length % 2 === 0 ? words.slice(0, 1) : words.slice(1, 3);
    if (query.length > 0 && !queries.includes(query.join(' '))) queries.push(query.join(' '));
  }
  return queries;
}

interface BenchWindow {
  __searchBench: { lastKey: number };
}

/** What a trace records: the main thread's tasks (script, style, layout, paint), JS samples, the bench's marks. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  'loading',
];

/**
 * Records a Chromium trace while `run` runs and writes it to `file` (open it in DevTools' Performance panel, or
 * read it with a script: the marks `bench:key`, `bench:committed` and `bench:painted` bound a query).
 */
async function traceQuery(cdp: CDPSession, file: string, run: () => Promise<void>) {
  const events: unknown[] = [];
  const collect = ({ value }: { value: unknown[] }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  try {
    await run();
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
  }
}

/** What the React hook below has counted since the last key: commits, and components that rendered in them. */
interface RenderCounts {
  commits: number;
  components: number;
}

/**
 * Counts React's commits and the function and class components each one rendered, through the hook React DOM calls
 * for its developer tools (present in production builds). A component rendered in a commit if its fiber is new to
 * that commit's tree (a subtree React skipped keeps the previous commit's fibers) and carries PerformedWork.
 * Walking the tree costs time of its own, so only BENCH_SEARCH_VERBOSE runs install it.
 */
function countReactRenders() {
  interface Fiber {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
  }
  const counts: RenderCounts = { commits: 0, components: 0 };
  (window as unknown as { __searchRenders: RenderCounts }).__searchRenders = counts;
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  let previous = new WeakSet<Fiber>();
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    // Methods, not arrow functions: tsx names arrow functions with a helper the page does not have.
    inject() {
      return 1;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      counts.commits++;
      const tree = new WeakSet<Fiber>();
      // A fiber kept from the previous tree did not render, and nor did anything under it.
      const stack: [Fiber, boolean][] = [[root.current, false]];
      for (let next = stack.pop(); next; next = stack.pop()) {
        const [fiber, keptAbove] = next;
        tree.add(fiber);
        const kept = keptAbove || previous.has(fiber);
        if (!kept && COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0) counts.components++;
        for (let child = fiber.child; child; child = child.sibling) stack.push([child, kept]);
      }
      previous = tree;
    },
  };
}

async function measureQueries(browser: Browser, base: string, queries: string[], cpu: number, traceDir?: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (process.env.BENCH_SEARCH_VERBOSE) await context.addInitScript(countReactRenders);
  await context.addInitScript(() => {
    const bench = { lastKey: 0 };
    (window as unknown as BenchWindow).__searchBench = bench;
    addEventListener(
      'keydown',
      () => {
        bench.lastKey = performance.now();
        performance.mark('bench:key');
        const renders = (window as unknown as { __searchRenders?: RenderCounts }).__searchRenders;
        if (renders) Object.assign(renders, { commits: 0, components: 0 });
      },
      { capture: true },
    );
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) =>
    urls.set(event.requestId, event.request.url),
  );
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    const url = urls.get(event.requestId) ?? '';
    if (process.env.BENCH_SEARCH_VERBOSE) console.error(event.encodedDataLength, url);
    // Cards in view warm their article, as on every list page: that is reading ahead, not searching (and this
    // bench's site has no generated articles to warm).
    if (new URL(url).pathname.startsWith('/data/articles/')) return;
    bytes += event.encodedDataLength;
    requests++;
  });
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await page.mouse.move(4, 4);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });

  const painted = (query: string) =>
    page.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          const wanted = [`Results for “${q}”`, `No results for “${q}”`];
          const bench = (window as unknown as BenchWindow).__searchBench;
          const observer = new MutationObserver(() => {
            if (!wanted.includes(document.querySelector('main h1')?.textContent ?? '')) return;
            observer.disconnect();
            (bench as { committed?: number }).committed = performance.now() - bench.lastKey;
            performance.mark('bench:committed');
            requestAnimationFrame(() =>
              setTimeout(() => {
                performance.mark('bench:painted');
                const renders = (window as unknown as { __searchRenders?: RenderCounts }).__searchRenders;
                if (renders) (bench as { renders?: RenderCounts }).renders = { ...renders };
                resolve(performance.now() - bench.lastKey);
              }, 0),
            );
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      query,
    );

  // The results after the first screenful follow it (runSearch.ts's RESULTS_FIRST): when every result of the page is in.
  const wholePagePainted = (query: string) =>
    page.evaluate(
      (q) =>
        new Promise<number>((resolve) => {
          const bench = (window as unknown as BenchWindow).__searchBench;
          // No named function in here: tsx would wrap it in a helper the page does not have.
          const observer = new MutationObserver(() => {
            const heading = document.querySelector('main h1')?.textContent ?? '';
            if (heading !== `No results for “${q}”`) {
              if (heading !== `Results for “${q}”`) return;
              const total = Number(
                /^(\d+) article/.exec(document.querySelector('main p[role="status"]')?.textContent ?? '')?.[1],
              );
              const shown = document.querySelectorAll('main ul[aria-label="Search results"] > li').length;
              if (shown < Math.min(10, total)) return;
            }
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - bench.lastKey), 0));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      query,
    );

  const figures: QueryFigures[] = [];
  for (const [i, query] of queries.entries()) {
    await page.waitForLoadState('networkidle');
    bytes = 0;
    requests = 0;
    const done = painted(query);
    const whole = wholePagePainted(query);
    // Awaited below; until then a failure must not end the process as an unhandled rejection, which skipped the
    // clean-up (an nginx was left running).
    for (const waiting of [done, whole]) waiting.catch(() => undefined);
    let ms = Number.NaN;
    let wholeMs = Number.NaN;
    const typeAndWait = async () => {
      await page.locator('#site-search').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(query, { delay: 60 });
      // The first query is submitted from the front page; on the search page the results follow the typing.
      if (i === 0) await page.keyboard.press('Enter');
      // A query whose results never show is reported, not waited for forever.
      ms = await Promise.race([done, page.waitForTimeout(PAINT_TIMEOUT_MS).then(() => Number.NaN)]);
      wholeMs = await Promise.race([whole, page.waitForTimeout(PAINT_TIMEOUT_MS).then(() => Number.NaN)]);
    };
    if (traceDir && i > 0) {
      mkdirSync(traceDir, { recursive: true });
      const name = `${String(i).padStart(2, '0')}-${query.replace(/[^\p{L}\p{N}]+/gu, '-')}.json`;
      await traceQuery(cdp, join(traceDir, name), typeAndWait);
    } else await typeAndWait();
    if (process.env.BENCH_SEARCH_VERBOSE) {
      const timeline = await page.evaluate(() => {
        const bench = (window as unknown as BenchWindow).__searchBench;
        return performance
          .getEntriesByType('resource')
          .filter((entry): entry is PerformanceResourceTiming => 'responseEnd' in entry)
          .filter((entry) => entry.startTime > bench.lastKey)
          .map(
            (entry) =>
              `${(entry.startTime - bench.lastKey).toFixed(0)}–${(entry.responseEnd - bench.lastKey).toFixed(0)} ms ${entry.name}`,
          );
      });
      const committed = await page.evaluate(
        () => (window as unknown as { __searchBench: { committed?: number } }).__searchBench.committed ?? 0,
      );
      const renders = await page.evaluate(
        () =>
          (window as unknown as { __searchBench: { renders?: RenderCounts } }).__searchBench.renders ?? {
            commits: 0,
            components: 0,
          },
      );
      console.error(
        `${query}: committed at ${committed.toFixed(0)}, painted at ${ms.toFixed(0)} ms; since the last key ${renders.commits} React commits rendered ${renders.components} components\n  ${timeline.join('\n  ')}`,
      );
    }
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    figures.push({ query, bytes, requests, ms, wholeMs });
  }
  await context.close();
  return figures;
}

// ---------------------------------------------------------------------------------------------

export async function main(options: Options) {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found (apt-get install -y chromium, or set CHROME_PATH)');
  const dist = await buildSite(resolve('content'), 'bench-search');
  const sampleIndex = join(dist, 'data/search');
  rmSync(sampleIndex, { recursive: true, force: true });
  // Generated cards name https images on hosts that do not exist here: every name but 127.0.0.1 fails to resolve, so
  // nothing leaves the machine. (Not a Playwright route: routing any request holds every request of the page until
  // this process answers, which added its own delay to each of a search's fetches.)
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROME_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const server = await serve(dist, 'bench-search');
  const rows: { size: number; index: IndexFigures; queries: QueryFigures[] }[] = [];
  try {
    for (const size of options.sizes) {
      const corpus = sharedCorpus(size, options.tags, options.seed).dir;
      // Beside the corpus, named by the same key: the index and the compiled articles kept for --reuse-compile.
      const indexDir = join(tmpdir(), basename(corpus).replace('broadsheet-bench-corpus-', 'broadsheet-bench-search-'));
      const index =
        (options.reuseIndex ? keptIndex(indexDir) : undefined) ??
        (console.error(`Compiling ${size} articles and building their search index ...`),
        await runIndexChild(corpus, indexDir, options.reuseCompile));
      rmSync(sampleIndex, { recursive: true, force: true });
      symlinkSync(join(indexDir, 'data/search'), sampleIndex);
      const queries = pickQueries(indexDir, index.articles, options.queries);
      console.error(`Searching ${queries.map((q) => `"${q}"`).join(', ')} ...`);
      rows.push({
        size,
        index,
        queries: await measureQueries(
          browser,
          server.url,
          queries,
          options.cpu,
          options.traceDir && join(options.traceDir, String(size)),
        ),
      });
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(sampleIndex, { recursive: true, force: true });
  }

  console.log('\nIndex build (compiled articles to /data/search files), in a child process\n');
  console.log(
    '| articles | index build (s) | RSS before (MiB) | peak during (MiB) | write (s) | files | MB | compile (s) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { index } of rows) {
    if (index.indexMs < 0) {
      console.log(`| ${index.articles} | reused (--reuse-index) | | | | | | |`);
      continue;
    }
    console.log(
      `| ${index.articles} | ${(index.indexMs / 1000).toFixed(1)} | ${index.rssBeforeMiB} | ${index.peakMiB} | ${(index.writeMs / 1000).toFixed(1)} | ${index.files} | ${index.megabytes.toFixed(0)} | ${index.compileMs < 0 ? 'reused' : (index.compileMs / 1000).toFixed(0)} |`,
    );
  }
  console.log(
    `\nQueries in Chromium, ${options.cpu}× CPU slowdown, nginx on 127.0.0.1 (bytes: gzip bodies + headers)\n`,
  );
  console.log(
    '| articles | first query KB | its requests | further queries: median KB | max KB | keystroke → painted: median ms | min | max | → whole page painted: median ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const { size, queries } of rows) {
    const [first, ...further] = queries;
    const furtherBytes = further.map((q) => q.bytes);
    const times = further.map((q) => q.ms);
    console.log(
      `| ${size} | ${kb(first?.bytes ?? 0)} | ${first?.requests ?? 0} | ${kb(median(furtherBytes))} | ${kb(Math.max(...furtherBytes))} | ${median(times).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${median(further.map((q) => q.wholeMs)).toFixed(0)} |`,
    );
  }
  for (const { size, queries } of rows) {
    console.log(`\n${size} articles, each query:\n`);
    console.log('| query | KB | requests | ms | whole page ms |');
    console.log('|---|---|---|---|---|');
    for (const q of queries) {
      console.log(`| ${q.query} | ${kb(q.bytes)} | ${q.requests} | ${q.ms.toFixed(0)} | ${q.wholeMs.toFixed(0)} |`);
    }
  }
  return rows;
}

const USAGE =
  'Usage: npx tsx scripts/bench/search.ts [--sizes=10000,100000] [--tags=5000] [--seed=1] [--queries=12] [--cpu=4] [--reuse-compile] [--reuse-index] [--trace=DIR]';

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      tags: { type: 'string' },
      seed: { type: 'string' },
      queries: { type: 'string' },
      cpu: { type: 'string' },
      'reuse-compile': { type: 'boolean', default: false },
      'reuse-index': { type: 'boolean', default: false },
      trace: { type: 'string' },
    },
    strict: true,
  });
  const sizes = (values.sizes ?? process.env.BENCH_SEARCH_SIZES)
    ?.split(',')
    .map((value) => wholeNumber({ label: '--sizes', value }, 0, 1));
  if (sizes?.length === 0) throw new UsageError('--sizes needs at least one size.');
  return {
    sizes: sizes ?? DEFAULT_SIZES,
    tags: wholeNumber(flagOrEnv('tags', values.tags, 'BENCH_TAGS'), 5_000, 1),
    seed: wholeNumber(flagOrEnv('seed', values.seed, 'BENCH_SEED'), 1),
    queries: wholeNumber({ label: '--queries', value: values.queries }, 12, 2),
    cpu: wholeNumber({ label: '--cpu', value: values.cpu }, 4, 1),
    reuseCompile: values['reuse-compile'],
    reuseIndex: values['reuse-index'],
    traceDir: values.trace && resolve(values.trace),
  };
}

if (isMain(import.meta.url)) {
  const [flag, corpusDir, outDir, reuse] = process.argv.slice(2);
  if (flag === '--index-child' && corpusDir && outDir) {
    void indexChild(corpusDir, outDir, reuse === '--reuse-compile').then(
      (figures) => process.send?.(figures, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else {
    runCli(async () => {
      if (process.argv.includes('--help') || process.argv.includes('-h')) return console.log(USAGE);
      await main(parseOptions(process.argv.slice(2)));
    }, USAGE);
  }
}
