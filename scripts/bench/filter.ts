/**
 * Benchmark of the compile and of the multi-tag filter on a generated newsroom.
 *
 *   npx tsx scripts/bench/filter.ts [--articles=100000] [--tags=5000] [--seed=1]
 *                                   [--timeout=300] [--profile] [--keep] [--max-old-space-size=MB]
 *
 * The same from the environment: BENCH_ARTICLES, BENCH_TAGS, BENCH_SEED, BENCH_TIMEOUT (flags win).
 * --timeout: seconds the compile child (compile + writing) may run, 0 for no limit; past it the
 * child is killed and the figures known so far are printed. --profile: a CPU profile of the compile.
 * --keep: keep the written documents (the output folder is removed at the end otherwise).
 *
 * 1. Generates the corpus (scripts/bench/corpus.ts) into os.tmpdir(), or reuses the one already
 *    generated with the same parameters.
 * 2. In a child process, so that its peak memory is the compile's alone: `loadContent(dir, 'strict')`,
 *    wall and CPU time, peak RSS (`process.resourceUsage().maxRSS`, and VmHWM polled from /proc by
 *    the parent, which also survives a crash or a timeout); then writes the documents under a temp
 *    folder as the build would under dist/. `--profile` adds a CPU profile of the compile, mapped to
 *    source lines, to show where the time goes.
 * 3. For a rare and a common pair of tags (and, to compare, the most used tag alone), runs the app's
 *    own route loaders for `/?tag=a&tag=b` (src/pages/loaders.ts, with the query client of
 *    src/api/queries.ts) over a stub of `fetch` that serves the written documents, and reports every
 *    request they make with raw and gzip bytes; checks the result against the tag pages on disk; and
 *    times the loaders with the documents in memory (median of 20 runs).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { loadContent } from '../../build/load.ts';
import {
  createQueryClient,
  indexPageQuery,
  sectionPageQuery,
  tagPageQuery,
  tagsAndPageQuery,
} from '../../src/api/queries.ts';
import { filterByTags } from '../../src/filter/tagFilter.ts';
import {
  type AllTags,
  type Card,
  type SectionPage,
  type SiteDocument,
  type TagCount,
  type TagFacet,
  type TagPage,
} from '../../src/model/compiled.ts';
import { frontUrl, sectionUrl } from '../../src/model/pageUrls.ts';
import { dataPath } from '../../src/model/paths.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { slugify } from '../../src/model/slug.ts';
import { frontLoader, rootLoader, sectionLoader } from '../../src/pages/loaders.ts';
import { CORPUS_FLAGS, flagOrEnv, isMain, runCli, wholeNumber } from './cli.ts';
import { sharedCorpus, type SharedCorpus } from './corpus.ts';
import { median } from './stats.ts';
import type { QueryClient } from '@tanstack/react-query';

const RUNS = 20;
const RARE_BELOW = 50;
const GZIP_LEVEL = 6;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Options {
  articles: number;
  tags: number;
  seed: number;
  /** Seconds the compile child may run; 0 for no limit. */
  timeout: number;
  profile: boolean;
  /** Keep the written documents (removed at the end otherwise: over 1 GiB at 100k articles). */
  keep: boolean;
  maxOldSpaceSize?: number;
}

interface ProfileLine {
  name: string;
  ms: number;
}

interface WriteStats {
  ms: number;
  documents: number;
  bytes: number;
  byKind: Record<string, { count: number; bytes: number }>;
  largest: { path: string; bytes: number; gzip: number };
  allTags: { bytes: number; gzip: number };
}

interface ChildResult {
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
  /** RSS with the modules loaded, just before the compile. */
  baselineRssBytes: number;
  heapUsedAfterBytes: number;
  heapLimitBytes: number;
  problems: string[];
  problemCount: number;
  stats: { articles: number; tags: number; authors: number; sections: number; documents: number };
  profile?: { self: ProfileLine[]; inclusive: ProfileLine[] };
}

type ChildMessage = { compile: ChildResult } | { write: WriteStats };

// ---------------------------------------------------------------------------------------------
// Formatting

const thousands = (n: number) => Math.round(n).toLocaleString('en-GB');
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
const bytesCell = (bytes: number) => `${thousands(bytes)} B (${size(bytes)})`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
const gzipSize = (text: string | Buffer, level = GZIP_LEVEL) => gzipSync(text, { level }).length;

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `Usage: npx tsx scripts/bench/filter.ts [--articles=100000] [--tags=5000] [--seed=1]
                                       [--timeout=300] [--profile] [--keep] [--max-old-space-size=MB]
The environment sets the same: BENCH_ARTICLES, BENCH_TAGS, BENCH_SEED, BENCH_TIMEOUT (flags win).`;

function parseOptions(argv: readonly string[]): Options & { help: boolean } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...CORPUS_FLAGS,
      timeout: { type: 'string' },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'max-old-space-size': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const setting = (name: 'articles' | 'tags' | 'seed' | 'timeout', fallback: number, min: number) =>
    wholeNumber(flagOrEnv(name, values[name], `BENCH_${name.toUpperCase()}`), fallback, min);
  const maxOldSpaceSize = wholeNumber({ label: '--max-old-space-size', value: values['max-old-space-size'] }, 0, 1);
  return {
    articles: setting('articles', 100_000, 1),
    tags: setting('tags', 5_000, 1),
    seed: setting('seed', 1, 0),
    timeout: setting('timeout', 300, 0),
    profile: values.profile,
    keep: values.keep,
    ...(maxOldSpaceSize > 0 ? { maxOldSpaceSize } : {}),
    help: values.help,
  };
}

// ---------------------------------------------------------------------------------------------
// The corpus, generated once per set of parameters

const ensureCorpus = ({ articles, tags, seed }: Options): SharedCorpus => sharedCorpus(articles, tags, seed);

// ---------------------------------------------------------------------------------------------
// The child: compile, measure, write

function summariseProfile(profile: {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}): { self: ProfileLine[]; inclusive: ProfileLine[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const names = new Map<number, string>();
  const nameOf = (id: number): string => {
    const known = names.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    let name = frame ? frame.functionName || '(anonymous)' : '?';
    if (frame?.url) {
      let where = `${frame.url}:${frame.lineNumber + 1}`;
      try {
        const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
        if (entry && 'originalSource' in entry) where = `${entry.originalSource}:${entry.originalLine + 1}`;
      } catch {
        // No source map: keep the generated position.
      }
      const file = where.startsWith('file://') ? fileURLToPath(where.replace(/:\d+$/, '')) : where;
      const line = where.match(/:(\d+)$/)?.[1] ?? '';
      name += ` ${relative(REPO_ROOT, file.replace(/:\d+$/, ''))}:${line}`;
    }
    names.set(id, name);
    return name;
  };
  const selfTime = new Map<string, number>();
  const inclusiveTime = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const us = deltas[i] ?? 0;
    const self = nameOf(id);
    selfTime.set(self, (selfTime.get(self) ?? 0) + us);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node)) {
      const name = nameOf(node);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusiveTime.set(name, (inclusiveTime.get(name) ?? 0) + us);
    }
  });
  const top = (times: Map<string, number>, keep: (name: string) => boolean, n: number) =>
    [...times]
      .filter(([name]) => keep(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000 }));
  return {
    self: top(selfTime, () => true, 20),
    inclusive: top(inclusiveTime, (name) => / src\//.test(name), 20),
  };
}

function writeDocuments(documents: Map<string, string>, outDir: string): WriteStats {
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  const made = new Set<string>();
  const byKind: WriteStats['byKind'] = {};
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  for (const [path, text] of documents) {
    const file = join(outDir, path.slice(1));
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, text);
    const length = Buffer.byteLength(text);
    bytes += length;
    if (length > largest.bytes) largest = { path, bytes: length };
    const kind = path.startsWith('/data/articles/')
      ? text.startsWith('{"kind":"redirect"')
        ? 'alias redirects'
        : 'articles'
      : (path.split('/')[2] ?? path).replace(/\.json$/, '');
    const entry = (byKind[kind] ??= { count: 0, bytes: 0 });
    entry.count++;
    entry.bytes += length;
  }
  const allTagsText = documents.get(dataPath.allTags()) ?? '';
  return {
    ms: performance.now() - started,
    documents: documents.size,
    bytes,
    byKind,
    largest: { ...largest, gzip: gzipSize(documents.get(largest.path) ?? '') },
    allTags: { bytes: Buffer.byteLength(allTagsText), gzip: gzipSize(allTagsText) },
  };
}

async function child(contentDir: string, outDir: string, profile: boolean) {
  const send = (message: ChildMessage) =>
    new Promise<void>((done) => (process.send ? process.send(message, () => done()) : done()));
  let session: Session | undefined;
  if (profile) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  }
  const baselineRssBytes = process.memoryUsage().rss;
  if (session) await session.post('Profiler.start');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const output = await loadContent(contentDir, 'strict');
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  // Node reports maxRSS in kibibytes.
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  const result: ChildResult = {
    wallMs,
    cpuMs: (user + system) / 1000,
    maxRssBytes,
    baselineRssBytes,
    heapUsedAfterBytes: process.memoryUsage().heapUsed,
    heapLimitBytes: getHeapStatistics().heap_size_limit,
    problems: output.problems.slice(0, 20).map(formatProblem),
    problemCount: output.problems.length,
    stats: output.stats,
  };
  if (session) {
    const { profile: cpuProfile } = await session.post('Profiler.stop');
    result.profile = summariseProfile(cpuProfile);
    session.disconnect();
  }
  // Sent before writing, so that a time limit hit while writing keeps the compile's figures.
  await send({ compile: result });
  if (output.problems.length === 0) await send({ write: writeDocuments(output.documents, outDir) });
}

interface ChildOutcome {
  result?: ChildResult;
  write?: WriteStats;
  /** Peak RSS polled from /proc (VmHWM), known even when the child crashed or was killed. */
  peakRssBytes?: number;
  exit: string;
  ms: number;
}

function runChild(options: Options, contentDir: string, outDir: string): Promise<ChildOutcome> {
  const execArgv = [...process.execArgv];
  if (options.maxOldSpaceSize) execArgv.push(`--max-old-space-size=${options.maxOldSpaceSize}`);
  const args = ['--compile-child', contentDir, outDir, ...(options.profile ? ['--profile'] : [])];
  const started = performance.now();
  const worker = fork(fileURLToPath(import.meta.url), args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let result: ChildResult | undefined;
  let write: WriteStats | undefined;
  let peakRssBytes: number | undefined;
  let timedOut = false;
  worker.on('message', (message: ChildMessage) => {
    if ('compile' in message) result = message.compile;
    else write = message.write;
  });
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
      const hwm = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1]);
      if (hwm) peakRssBytes = Math.max(peakRssBytes ?? 0, hwm * 1024);
    } catch {
      // Not Linux, or the child has exited.
    }
  }, 250);
  const timer =
    options.timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          worker.kill('SIGKILL');
        }, options.timeout * 1000)
      : undefined;
  return new Promise((done) => {
    worker.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const exit = timedOut
        ? `killed at the ${options.timeout} s time limit (--timeout)`
        : signal
          ? `killed by ${signal}`
          : `exit code ${code}`;
      done({ result, write, peakRssBytes, exit, ms: performance.now() - started });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// What the app fetches for /?tag=a&tag=b: its own loaders and query client, over a stubbed fetch

const BENCH_ORIGIN = 'http://bench.invalid';

/** What the benchmark needs of the front page's route data. */
interface FrontResult {
  items: Card[];
  total: number;
}

/**
 * The one place that knows the loaders' signature: what the router runs for `/?…` (the root route's loader
 * and the index route's, at once), with the app's own query client. Anything but a filtered view is a failure.
 */
async function loadFrontRoute(queryClient: QueryClient, href: string): Promise<FrontResult> {
  const request = new Request(new URL(href, BENCH_ORIGIN));
  const args = { request, url: new URL(request.url), pattern: '/', params: {}, context: undefined };
  const [, view] = await Promise.all([rootLoader(queryClient)(), frontLoader(queryClient)(args)]);
  if (view instanceof Response)
    throw new Error(`${href} redirected (${view.status}) to ${view.headers.get('Location')}`);
  // The loader fills the cache; the page then reads the same query options it ensured (src/pages/FrontPage.tsx).
  const { tags, page } = view.state;
  const data =
    view.kind === 'single'
      ? queryClient.getQueryData(tagPageQuery(view.tag, page).queryKey)
      : view.kind === 'and'
        ? queryClient.getQueryData(tagsAndPageQuery(tags, page).queryKey)
        : undefined;
  if (!data) throw new Error(`${href} gave a "${view.kind}" view, not a filtered one`);
  return { items: data.items, total: data.total };
}

interface Fetched {
  url: string;
  status: number;
  raw: number;
  gzip: number;
  /** gzip level 1: nginx's default `gzip_comp_level`, for a host that does not set it. */
  gzip1: number;
}

/** A request as counted: its status and its size raw and compressed (a missing document is a 404 of no bytes). */
const fetched = (url: string, body: string | undefined): Fetched => ({
  url,
  status: body === undefined ? 404 : 200,
  raw: body === undefined ? 0 : Buffer.byteLength(body),
  gzip: body === undefined ? 0 : gzipSize(body),
  gzip1: body === undefined ? 0 : gzipSize(body, 1),
});

/**
 * Swaps `globalThis.fetch` (the browser's contract, which the app's data layer calls) for one that answers
 * from `read` (a document's text, or undefined for a 404) and reports each request, for as long as `run` runs.
 */
async function withStubbedFetch<T>(
  read: (path: string) => string | undefined,
  onRequest: (path: string, body: string | undefined) => void,
  run: () => Promise<T>,
): Promise<T> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL) => {
    const href = input instanceof Request ? input.url : String(input);
    const path = decodeURIComponent(new URL(href, BENCH_ORIGIN).pathname);
    const body = read(path);
    onRequest(path, body);
    return Promise.resolve(
      body === undefined
        ? new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
        : new Response(body, { headers: { 'Content-Type': 'application/json' } }),
    );
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = realFetch;
  }
}

interface PairReport {
  label: string;
  href: string;
  tags: TagCount[];
  /** The tag whose facet was fetched, if one was. */
  facet?: string;
  matching: number;
  requests: Fetched[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  checks: string[];
}

function readDocument(outDir: string, url: string): string | undefined {
  const file = join(outDir, decodeURIComponent(url).slice(1));
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Every page of a tag's list, read from disk. */
function* tagPages(outDir: string, slug: string): Generator<TagPage> {
  for (let n = 1; ; n++) {
    const text = readDocument(outDir, dataPath.tagPage(slug, n));
    if (text === undefined) return;
    yield JSON.parse(text) as TagPage;
  }
}

const FACET_PREFIX = dataPath.tagFacet('').replace(/\.json$/, '');

async function measureFrontPage(outDir: string, label: string, tags: readonly TagCount[]): Promise<PairReport> {
  const slugs = tags.map((tag) => tag.slug);
  const href = frontUrl({ tags: slugs, page: 1 });
  const site = JSON.parse(readDocument(outDir, dataPath.site()) ?? '{}') as SiteDocument;

  // Once from disk, counting what is fetched, as a reader's first visit to this view would.
  const requests: Fetched[] = [];
  const served = new Map<string, string>();
  const counted = await withStubbedFetch(
    (path) => readDocument(outDir, path),
    (url, body) => {
      if (body !== undefined) served.set(url, body);
      requests.push(fetched(url, body));
    },
    () => withQueryClient((queryClient) => loadFrontRoute(queryClient, href)),
  );

  // Then timed, the same documents served from memory: the JS the loaders run (JSON parsing, validation
  // with zod, the filter), without the network.
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await withStubbedFetch(
      (path) => served.get(path),
      () => undefined,
      () =>
        withQueryClient(async (queryClient) => {
          const started = performance.now();
          await loadFrontRoute(queryClient, href);
          runs.push(performance.now() - started);
        }),
    );
  }

  // Checks against the documents on disk: every card shown carries every chosen tag, the page is full
  // unless the result is short, and the total is the count of such articles over every page of the
  // rarest chosen tag (read from disk, not counted as fetched).
  const checks: string[] = [];
  const carriesAll = (card: Card | undefined) =>
    !!card && slugs.every((slug) => (card.tags ?? []).map(slugify).includes(slug));
  const missing = counted.items.filter((card) => !carriesAll(card));
  if (missing.length > 0) checks.push(`${missing.length} card(s) on page 1 do not carry every chosen tag`);
  if (counted.items.length !== Math.min(site.pageSize, counted.total)) checks.push('page 1 is not full');
  const rarest = [...tags].sort((a, b) => a.count - b.count)[0];
  let truth = 0;
  if (rarest) for (const page of tagPages(outDir, rarest.slug)) truth += page.items.filter(carriesAll).length;
  if (truth !== counted.total) checks.push(`${truth} articles carry every chosen tag, not ${counted.total}`);
  const failed = requests.filter((request) => request.status !== 200);
  if (failed.length > 0) checks.push(`not found: ${failed.map((request) => request.url).join(', ')}`);

  return {
    label,
    href,
    tags: [...tags],
    facet: requests.find((request) => request.url.startsWith(FACET_PREFIX))?.url,
    matching: counted.total,
    requests,
    medianMs: median(runs),
    minMs: Math.min(...runs),
    maxMs: Math.max(...runs),
    checks,
  };
}

interface ListReport {
  label: string;
  href: string;
  items: number;
  total: number;
  requests: Fetched[];
  checks: string[];
}

/**
 * The unfiltered front page and a section front, page 1: what the app's loaders fetch for them. Neither should
 * grow with the newsroom: each is the site document and one page of a list.
 */
async function measureListPage(
  outDir: string,
  label: string,
  href: string,
  expected: number,
  section?: string,
): Promise<ListReport> {
  const requests: Fetched[] = [];
  const loaded = await withStubbedFetch(
    (path) => readDocument(outDir, path),
    (url, body) => requests.push(fetched(url, body)),
    () =>
      withQueryClient(async (queryClient) => {
        const request = new Request(new URL(href, BENCH_ORIGIN));
        const params = section === undefined ? {} : { slug: section };
        const args = { request, url: new URL(request.url), pattern: '/', params, context: undefined };
        const route = section === undefined ? frontLoader(queryClient)(args) : sectionLoader(queryClient)(args);
        await Promise.all([rootLoader(queryClient)(), route]);
        return queryClient.getQueryData(
          section === undefined ? indexPageQuery(1).queryKey : sectionPageQuery(section, 1).queryKey,
        );
      }),
  );
  const checks: string[] = [];
  if (!loaded) checks.push('the page did not load');
  const site = JSON.parse(readDocument(outDir, dataPath.site()) ?? '{}') as SiteDocument;
  if (loaded && loaded.total !== expected) checks.push(`total ${loaded.total}, not ${expected}`);
  if (loaded && loaded.items.length !== Math.min(site.pageSize, loaded.total)) checks.push('page 1 is not full');
  if (section !== undefined && loaded?.items.some((card) => slugify(card.section ?? '') !== section))
    checks.push(`a card on page 1 is not in section ${section}`);
  return { label, href, items: loaded?.items.length ?? 0, total: loaded?.total ?? 0, requests, checks };
}

/** A fresh query client per visit, as a reader's first load of the view has; emptied afterwards. */
async function withQueryClient<T>(run: (queryClient: QueryClient) => Promise<T>): Promise<T> {
  const queryClient = createQueryClient();
  try {
    return await run(queryClient);
  } finally {
    queryClient.clear();
  }
}

/** Two tags both on fewer than RARE_BELOW articles that share at least one: the most used such tag, and its most frequent rare partner. */
function pickRarePair(outDir: string, tags: TagCount[]): [string, string] | undefined {
  const countOf = new Map(tags.map((tag) => [tag.slug, tag.count]));
  for (const tag of tags) {
    if (tag.count >= RARE_BELOW) continue;
    const facet = JSON.parse(readDocument(outDir, dataPath.tagFacet(tag.slug)) ?? '{"tags":[],"rows":[]}') as TagFacet;
    const shared = new Map<number, number>();
    for (const row of facet.rows) for (const index of row) shared.set(index, (shared.get(index) ?? 0) + 1);
    const partners = [...shared]
      .map(([index, count]) => ({ slug: facet.tags[index]?.slug ?? '', shared: count }))
      .filter(({ slug }) => (countOf.get(slug) ?? Infinity) < RARE_BELOW)
      .sort((a, b) => b.shared - a.shared || (countOf.get(b.slug) ?? 0) - (countOf.get(a.slug) ?? 0));
    const partner = partners[0];
    if (partner) return [tag.slug, partner.slug];
  }
  return undefined;
}

/** The two most used tags; if they never meet, the most used and the tag that occurs most with it. */
function pickCommonPair(outDir: string, tags: TagCount[]): [string, string] | undefined {
  const [first, second] = tags;
  if (!first || !second) return undefined;
  const facet = JSON.parse(readDocument(outDir, dataPath.tagFacet(second.slug)) ?? '{}') as TagFacet;
  if (filterByTags(facet, [first.slug, second.slug]).positions.length > 0) return [first.slug, second.slug];
  const head = JSON.parse(readDocument(outDir, dataPath.tagPage(first.slug, 1)) ?? '{}') as TagPage;
  const partner = head.coTags?.[0];
  return partner ? [first.slug, partner.slug] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Main

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const benchStarted = performance.now();
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  let failedChecks = false;
  const corpus = ensureCorpus(options);
  const key = `a${options.articles}-t${options.tags}-s${options.seed}`;
  // One per run, so that two runs at once do not write over each other.
  const outDir = join(tmpdir(), `broadsheet-bench-out-${key}-${process.pid}`);

  console.error(`Compiling in a child process (time limit ${options.timeout ? `${options.timeout} s` : 'none'}) ...`);
  const outcome = await runChild(options, corpus.dir, outDir);
  const compiled = outcome.result;
  const peakRss = Math.max(compiled?.maxRssBytes ?? 0, outcome.peakRssBytes ?? 0);

  const out: string[] = [];
  out.push(
    `## Broadsheet benchmark: ${thousands(options.articles)} articles, ${thousands(options.tags)} tags (seed ${options.seed})`,
    '',
    `Node ${process.version}, ${process.platform}/${process.arch}. Corpus: \`${corpus.dir}\`.`,
    '',
    '### Corpus and compile',
    '',
  );
  const rows: string[][] = [
    [
      'corpus',
      `${thousands(options.articles)} article files + site.json, ${bytesCell(corpus.bytes)} of JSON, ` +
        `${thousands(corpus.authors)} authors; ${corpus.reused ? 'reused' : `generated in ${seconds(corpus.ms)}`}`,
    ],
  ];
  if (compiled) {
    const { stats } = compiled;
    rows.push(
      ["compile: `loadContent(dir, 'strict')`, wall", seconds(compiled.wallMs)],
      ['compile: CPU (user + system)', seconds(compiled.cpuMs)],
      [
        'compile: peak RSS of the child',
        `${bytesCell(peakRss)}; ${size(compiled.baselineRssBytes)} of it before the compile (Node, tsx, modules)`,
      ],
      [
        'V8 heap: used after the compile / limit',
        `${size(compiled.heapUsedAfterBytes)} / ${size(compiled.heapLimitBytes)}`,
      ],
      [
        'compiled',
        `${thousands(stats.articles)} articles, ${thousands(stats.tags)} tags, ${thousands(stats.authors)} authors, ` +
          `${stats.sections} sections`,
      ],
      ['problems', String(compiled.problemCount)],
    );
    const write = outcome.write;
    if (!write && compiled.problemCount === 0) {
      rows.push(['writing the documents', `**did not finish**: ${outcome.exit}, after ${seconds(outcome.ms)}`]);
    }
    if (write) {
      const kinds = Object.entries(write.byKind)
        .sort((a, b) => b[1].count - a[1].count)
        .map(([kind, { count, bytes }]) => `${kind} ${thousands(count)} (${size(bytes)})`)
        .join(', ');
      rows.push(
        ['documents written', `${thousands(write.documents)}: ${kinds}`],
        ['total output', bytesCell(write.bytes)],
        ['writing them', seconds(write.ms)],
        [
          'largest document',
          `\`${write.largest.path}\`: ${bytesCell(write.largest.bytes)}, gzip ${bytesCell(write.largest.gzip)}`,
        ],
        ['`/data/tags/all.json`', `${bytesCell(write.allTags.bytes)}, gzip ${bytesCell(write.allTags.gzip)}`],
      );
    }
  } else {
    rows.push(
      ['compile', `**did not finish**: ${outcome.exit}, after ${seconds(outcome.ms)}`],
      ['compile: peak RSS of the child', outcome.peakRssBytes ? bytesCell(outcome.peakRssBytes) : 'unknown'],
    );
  }
  out.push(table(['measure', 'value'], rows), '');

  if (compiled?.profile) {
    out.push(
      '### Where the compile spends its time (CPU profile, 1 ms sampling)',
      '',
      table(
        ['self time', 'function'],
        compiled.profile.self.map((line) => [seconds(line.ms), `\`${line.name}\``]),
      ),
      '',
      table(
        ['inclusive time', 'function in src/'],
        compiled.profile.inclusive.map((line) => [seconds(line.ms), `\`${line.name}\``]),
      ),
      '',
    );
  }

  if (compiled && compiled.problemCount > 0) {
    out.push(
      `**${compiled.problemCount} content problem(s)**, first ones:`,
      '',
      ...compiled.problems.map((p) => `- ${p}`),
      '',
    );
  }

  if (!compiled || !outcome.write) {
    out.push(
      'The filter measurements need the compiled documents, so they were skipped. ' +
        '`--timeout=0` lifts the time limit; `--max-old-space-size=MB` raises the V8 heap limit ' +
        '(a crash with SIGABRT is usually "JavaScript heap out of memory"); `--articles=N` runs a smaller corpus.',
      '',
    );
  }
  if (compiled && outcome.write) {
    const allTags = (JSON.parse(readDocument(outDir, dataPath.allTags()) ?? '{"tags":[]}') as AllTags).tags;
    const bySlug = new Map(allTags.map((tag) => [tag.slug, tag]));
    const counts = (slugs: readonly string[] | undefined) => slugs?.flatMap((slug) => bySlug.get(slug) ?? []);
    const pairs: [string, TagCount[] | undefined][] = [
      [`rare pair (both on < ${RARE_BELOW} articles)`, counts(pickRarePair(outDir, allTags))],
      ['common pair (the two most used tags)', counts(pickCommonPair(outDir, allTags))],
      // For comparison: one tag alone is answered from its own pages.
      ['single tag, for comparison (the most used)', allTags[0] ? [allTags[0]] : undefined],
    ];
    const reports: PairReport[] = [];
    for (const [label, tags] of pairs) {
      if (tags) reports.push(await measureFrontPage(outDir, label, tags));
      else out.push(`No ${label} found in this corpus.`, '');
    }
    failedChecks = reports.some((report) => report.checks.length > 0);

    const site = JSON.parse(readDocument(outDir, dataPath.site()) ?? '{}') as SiteDocument;
    const sizes = site.sections.map((section) => {
      const first = JSON.parse(readDocument(outDir, dataPath.sectionPage(section.slug, 1)) ?? '{}') as SectionPage;
      return { ...section, count: first.total };
    });
    const largest = sizes.sort((a, b) => b.count - a.count)[0];
    const lists = [await measureListPage(outDir, 'front page', frontUrl(), compiled.stats.articles)];
    if (largest) {
      const label = `section front (the largest, ${largest.name})`;
      lists.push(await measureListPage(outDir, label, sectionUrl(largest.slug), largest.count, largest.slug));
    }
    failedChecks ||= lists.some((report) => report.checks.length > 0);
    out.push(
      '### `/` and a section front, page 1: what the app fetches',
      '',
      table(
        ['page', 'articles listed (of)', 'requests', 'documents', 'raw bytes', 'gzip -6 bytes'],
        lists.map((report) => [
          `${report.label}: \`${report.href}\``,
          `${report.items} (${thousands(report.total)})`,
          String(report.requests.length),
          report.requests.map((request) => `\`${request.url}\``).join(', '),
          bytesCell(report.requests.reduce((sum, request) => sum + request.raw, 0)),
          bytesCell(report.requests.reduce((sum, request) => sum + request.gzip, 0)),
        ]),
      ),
      '',
      ...lists.flatMap((report) =>
        report.checks.length > 0 ? [`**Check failed** for ${report.label}: ${report.checks.join('; ')}`, ''] : [],
      ),
    );

    out.push(
      '### `/?tag=a&tag=b`, page 1: what the app fetches and computes',
      '',
      table(
        [
          'case',
          'tags (articles each)',
          'matching',
          'facet fetched',
          'requests',
          'raw bytes',
          'gzip -6 bytes',
          'gzip -1 bytes',
          `JS in the loaders, documents in memory (median of ${RUNS}; min–max)`,
        ],
        reports.map((report) => [
          report.label,
          report.tags.map((tag) => `\`${tag.slug}\` (${thousands(tag.count)})`).join(' + '),
          thousands(report.matching),
          report.facet ? `\`${report.facet}\`` : 'none',
          String(report.requests.length),
          bytesCell(report.requests.reduce((sum, request) => sum + request.raw, 0)),
          bytesCell(report.requests.reduce((sum, request) => sum + request.gzip, 0)),
          bytesCell(report.requests.reduce((sum, request) => sum + request.gzip1, 0)),
          `${millis(report.medianMs)} (${millis(report.minMs)}–${millis(report.maxMs)})`,
        ]),
      ),
      '',
    );
    for (const report of reports) {
      out.push(
        `Requests for ${report.label} (\`${report.href}\`), in the order the app made them:`,
        '',
        table(
          ['#', 'document', 'status', 'raw', 'gzip -6', 'gzip -1'],
          report.requests.map((request, i) => [
            String(i + 1),
            `\`${request.url}\``,
            String(request.status),
            bytesCell(request.raw),
            bytesCell(request.gzip),
            bytesCell(request.gzip1),
          ]),
        ),
        '',
      );
      if (report.checks.length > 0) out.push(`**Check failed** for ${report.label}: ${report.checks.join('; ')}`, '');
    }
    out.push(
      "Counted: every request the app's own route loaders make for the view (`rootLoader` and `frontLoader` of " +
        'src/pages/loaders.ts, run at once as the router runs them, with the query client of src/api/queries.ts), ' +
        'through a stub of `fetch` that serves the documents written above; a document is fetched once, as ' +
        'react-query caches it by key. Not counted: `app-shell.html`, the JS and CSS bundles, fonts and images (the ' +
        'same for every view, cached after the first), and what the page fetches only when the reader asks (all ' +
        "tags). gzip -6 is `zlib.gzipSync` at level 6 (deploy/nginx.conf's `gzip_comp_level`); gzip -1 is level 1, " +
        "nginx's default, for a host that does not set it. The JS time is the loaders' own work with every document " +
        `already in memory, each run with a new query client, in Node ${process.version} on this machine: building ` +
        'the responses, `JSON.parse`, validation with zod in jitless mode as in the browser (src/zodConfig.ts), and ' +
        'for two or more tags the filter over the facet. Fetch latency is not included.',
      '',
    );
  }

  if (!options.keep) rmSync(outDir, { recursive: true, force: true });
  out.push(
    `Benchmark wall time: ${seconds(performance.now() - benchStarted)}. ` +
      (options.keep ? `The output was kept in \`${outDir}\`.` : 'The output folder was removed (`--keep` keeps it).'),
  );
  console.log(out.join('\n'));
  if (!compiled || compiled.problemCount > 0 || failedChecks) process.exitCode = 1;
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--compile-child') {
    const [, contentDir = '', outDir = '', flag] = argv;
    void child(contentDir, outDir, flag === '--profile');
  } else {
    runCli(() => main(argv), USAGE);
  }
}
