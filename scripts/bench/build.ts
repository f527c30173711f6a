/**
 * `npm run bench -- build`, or `npx tsx scripts/bench/build.ts [--articles=10000] [--tags=2000] [--seed=1]`:
 * the site build over a generated newsroom, each build a process of its own (scripts/bench/buildChild.ts):
 * a cold build, then the changes a newsroom makes all day, each followed by an incremental build (edit one
 * article's text, add one article with the most used tags, delete one article), and last a cold build of the final
 * content into another folder, compared file by file with the incremental one. Figures, not assertions; the
 * comparison's failure sets the exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashTree } from '../../tests/e2e/hashTree.ts';
import { CORPUS_FLAGS, flagOrEnv, isMain, runCli, wholeNumber } from './cli.ts';
import { generateCorpus } from './corpus.ts';

const USAGE = `Usage: npx tsx scripts/bench/build.ts [--articles=10000] [--tags=2000] [--seed=1] [--skip-compare]
The environment sets the same: BENCH_ARTICLES, BENCH_TAGS, BENCH_SEED (flags win).`;
const ROOT = resolve(import.meta.dirname, '../..');

interface ChildResult {
  ms: number;
  maxRssBytes: number;
  pages: { rendered: number; reused: number };
  files: { written: number; reused: number };
  changes: { added: number; changed: number; removed: number };
}

function runBuild(content: string, outDir: string, full: boolean): ChildResult {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/buildChild.ts'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, BUILD_FULL: full ? '1' : '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the build failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '{}';
  const result = JSON.parse(line) as ChildResult;
  // The process's own wall time, Node's start-up and module loading included.
  return { ...result, ms: performance.now() - started };
}

type Json = Record<string, unknown>;
const readArticle = (content: string, file: string) =>
  JSON.parse(readFileSync(join(content, 'articles', file), 'utf8')) as Json;

/** The changes measured, each applied to the content folder in turn. */
function changes(content: string) {
  const files = readdirSync(join(content, 'articles')).sort();
  const picked = new Set<string>();
  const tagCounts = new Map<string, number>();
  for (const file of files) {
    const article = readArticle(content, file);
    for (const id of (article.related as string[] | undefined) ?? []) picked.add(id);
    for (const tag of (article.tags as string[] | undefined) ?? []) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  const common = [...tagCounts].sort((a, b) => b[1] - a[1]).map(([tag]) => tag);
  const middle = files[Math.floor(files.length / 2)] ?? '';
  // One no editor picked as related, so deleting it is valid content.
  const unpicked = files.find((file) => !picked.has(String(readArticle(content, file).id)) && file !== middle) ?? '';
  return [
    // First, as an operator might: after a cold build, which keeps no spare, this one stages by linking every file
    // and keeps the replaced site as the spare that the builds after it bring up to date in place.
    { name: 'change nothing', apply: () => undefined },
    {
      name: "edit one article's text",
      apply: () => {
        const article = readArticle(content, middle);
        writeFileSync(join(content, 'articles', middle), JSON.stringify({ ...article, standfirst: 'Corrected.' }));
      },
    },
    {
      name: 'add one article with the most used tags',
      apply: () => {
        const article = readArticle(content, middle);
        // Published now, so without the copied article's update time (which would be earlier, and refused).
        const { aliases: _aliases, related: _related, updatedAt: _updatedAt, ...rest } = article;
        const added = {
          ...rest,
          id: 'bench-added-article',
          publishedAt: new Date().toISOString(),
          tags: common.slice(0, 3),
        };
        writeFileSync(join(content, 'articles', 'bench-added-article.json'), JSON.stringify(added));
      },
    },
    { name: 'delete one article', apply: () => rmSync(join(content, 'articles', unpicked)) },
  ];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
const thousands = (n: number) => n.toLocaleString('en-GB');

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    // --skip-compare: no second cold build to compare with (at 100,000 articles it doubles the run).
    options: { ...CORPUS_FLAGS, 'skip-compare': { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return Promise.resolve();
  }
  const articles = wholeNumber(flagOrEnv('articles', values.articles, 'BENCH_ARTICLES'), 10_000, 1);
  const tags = wholeNumber(flagOrEnv('tags', values.tags, 'BENCH_TAGS'), 2_000, 1);
  const seed = wholeNumber(flagOrEnv('seed', values.seed, 'BENCH_SEED'), 1, 0);

  const work = join(tmpdir(), `broadsheet-bench-build-${process.pid}`);
  const content = join(work, 'content');
  const site = join(work, 'site');
  const cold = join(work, 'cold');
  mkdirSync(work, { recursive: true });
  try {
    console.error(`Generating ${thousands(articles)} articles ...`);
    generateCorpus({ dir: content, articles, tags, seed });
    const rows: string[][] = [];
    const row = (name: string, result: ChildResult) =>
      rows.push([
        name,
        seconds(result.ms),
        gib(result.maxRssBytes),
        `${thousands(result.pages.rendered)} of ${thousands(result.pages.rendered + result.pages.reused)}`,
        `${thousands(result.files.written)} of ${thousands(result.files.written + result.files.reused)}`,
        `${thousands(result.changes.added)} / ${thousands(result.changes.changed)} / ${thousands(result.changes.removed)}`,
      ]);
    console.error('Cold build ...');
    const first = runBuild(content, site, true);
    row('cold build (`--full`)', first);
    for (const change of changes(content)) {
      change.apply();
      console.error(`${change.name}, then build ...`);
      row(`${change.name}, then build`, runBuild(content, site, false));
    }
    let verdict = 'Not compared with a cold build (`--skip-compare`).';
    let differing: string[] = [];
    if (!values['skip-compare']) {
      console.error('Cold build of the final content, to compare ...');
      row('cold build of the final content (compared)', runBuild(content, cold, true));
      const incremental = hashTree(site);
      const reference = hashTree(cold);
      differing = [...new Set([...Object.keys(incremental), ...Object.keys(reference)])].filter(
        (file) => incremental[file] !== reference[file],
      );
      verdict =
        differing.length === 0
          ? `The incremental output is identical to the cold build's: ${thousands(Object.keys(reference).length)} files, byte for byte.`
          : `**The incremental output differs from the cold build's** in ${differing.length} files, e.g. ${differing.slice(0, 5).join(', ')}`;
    }

    console.log(
      [
        `## Site build: ${thousands(articles)} generated articles, ${thousands(tags)} tags (seed ${seed})`,
        '',
        `Node ${process.version}; each build a process of its own, timed from outside (start-up included).`,
        '',
        '| build | wall | peak memory | pages rendered | files written | added / changed / removed |',
        '|---|---|---|---|---|---|',
        ...rows.map((cells) => `| ${cells.join(' | ')} |`),
        '',
        verdict,
      ].join('\n'),
    );
    if (differing.length > 0) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return Promise.resolve();
}

if (isMain(import.meta.url)) runCli(() => main(), USAGE);
