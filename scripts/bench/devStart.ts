/**
 * `npm run bench -- dev`, or `npx tsx scripts/bench/devStart.ts [--articles=100000] [--tags=5000] [--seed=1]`:
 * `npm run dev` over a generated newsroom, timed from starting Vite until the front page's first list page is
 * served: with the compile caches removed (cold), then three times with the caches the first start left (warm; the
 * median, with the range). Figures, not assertions. Uses the project's own node_modules/.cache, which is safe to delete at any time.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../tests/e2e/server.ts';
import { CORPUS_FLAGS, flagOrEnv, isMain, runCli, wholeNumber } from './cli.ts';
import { sharedCorpus } from './corpus.ts';

const USAGE = `Usage: npx tsx scripts/bench/devStart.ts [--articles=100000] [--tags=5000] [--seed=1]
The environment sets the same: BENCH_ARTICLES, BENCH_TAGS, BENCH_SEED (flags win).`;
const ROOT = resolve(import.meta.dirname, '../..');
const CACHES = ['broadsheet-articles', 'broadsheet-related', 'broadsheet-search'];
const WARM_RUNS = 3;

interface Start {
  ms: number;
  peakBytes: number;
}

/** Starts Vite over `content`, waits for `/data/index/1.json` and `/`, and stops it. */
async function startOnce(content: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const vite = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, env: { ...process.env, CONTENT_DIR: content, NODE_ENV: 'development' }, stdio: 'ignore' },
  );
  const served = async (path: string) => {
    try {
      return (await fetch(`http://127.0.0.1:${port}${path}`)).ok;
    } catch {
      return false;
    }
  };
  try {
    while (!(await served('/data/index/1.json')) || !(await served('/'))) {
      if (vite.exitCode !== null) throw new Error(`the dev server exited (code ${vite.exitCode})`);
      if (performance.now() - started > 600_000) throw new Error('the dev server served nothing in 10 minutes');
      await new Promise((done) => setTimeout(done, 100));
    }
    const ms = performance.now() - started;
    const status = readFileSync(`/proc/${vite.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, peakBytes: peakKb * 1024 };
  } finally {
    const exited = new Promise((done) => vite.once('exit', done));
    vite.kill('SIGTERM');
    await exited;
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: CORPUS_FLAGS, strict: true });
  if (values.help) return console.log(USAGE);
  const articles = wholeNumber(flagOrEnv('articles', values.articles, 'BENCH_ARTICLES'), 100_000, 1);
  const tags = wholeNumber(flagOrEnv('tags', values.tags, 'BENCH_TAGS'), 5_000, 1);
  const seed = wholeNumber(flagOrEnv('seed', values.seed, 'BENCH_SEED'), 1, 0);
  const { dir } = sharedCorpus(articles, tags, seed);

  for (const name of CACHES) rmSync(join(ROOT, 'node_modules/.cache', name), { recursive: true, force: true });
  console.error('Starting the dev server with no compile caches ...');
  const cold = await startOnce(dir);
  const warm: Start[] = [];
  for (let run = 1; run <= WARM_RUNS; run++) {
    console.error(`Starting it again with the caches the first start left (${run} of ${WARM_RUNS}) ...`);
    warm.push(await startOnce(dir));
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const times = sorted(warm.map((start) => start.ms));
  const peaks = sorted(warm.map((start) => start.peakBytes));
  const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;
  console.log(
    [
      `## npm run dev: ${articles.toLocaleString('en-GB')} generated articles, ${tags.toLocaleString('en-GB')} tags`,
      '',
      `Node ${process.version}; from starting Vite until \`/data/index/1.json\` and \`/\` are served.`,
      '',
      '| start | until served | peak memory |',
      '|---|---|---|',
      `| no compile caches | ${seconds(cold.ms)} | ${gib(cold.peakBytes)} |`,
      `| caches warm, median of ${WARM_RUNS} (range) | ${seconds(median(times))} (${seconds(times[0] ?? 0)}–${seconds(times.at(-1) ?? 0)}) | ${gib(median(peaks))} |`,
    ].join('\n'),
  );
}

if (isMain(import.meta.url)) runCli(() => main(), USAGE);
