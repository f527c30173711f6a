/**
 * Feeds and sitemaps at scale: a generated newsroom (100,000 articles and 5,000 tags by default) compiled as the
 * build compiles it, then the build's own feed and sitemap steps run over the compiled documents (held in memory,
 * where the build reads them from its staging folder), written to a scratch folder. Figures, not assertions: the
 * time of each step, files and bytes, how the sitemap splits, and peak memory.
 *
 *   npx tsx scripts/bench/syndication.ts [--articles N] [--tags N] [--seed N]
 *
 * "Now" is SOURCE_DATE_EPOCH when set, else an hour after the newest article, so the news sitemap is full.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildClock } from '../../build/buildClock.ts';
import { compiledDocuments } from '../../build/compiledDocuments.ts';
import { writeFeeds } from '../../build/feeds/writeFeeds.ts';
import { loadContent } from '../../build/load.ts';
import { pagesSitemap, writeSitemaps } from '../../build/sitemaps/writeSitemaps.ts';
import { siteFileWriter } from '../../build/syndication.ts';
import { isMain, runCli, flagOrEnv, wholeNumber } from './cli.ts';
import { sharedCorpus } from './corpus.ts';

const USAGE = 'Usage: npx tsx scripts/bench/syndication.ts [--articles N] [--tags N] [--seed N]';
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function main(argv: string[] = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: { articles: { type: 'string' }, tags: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  const articles = wholeNumber(flagOrEnv('articles', values.articles, 'BENCH_ARTICLES'), 100_000, 1);
  const tags = wholeNumber(flagOrEnv('tags', values.tags, 'BENCH_TAGS'), 5_000, 1);
  const seed = wholeNumber(flagOrEnv('seed', values.seed, 'BENCH_SEED'), 1);

  // The same folder the filter benchmark generates and reuses.
  const { dir } = sharedCorpus(articles, tags, seed);

  let started = performance.now();
  const output = await loadContent(dir, 'strict');
  if (output.problems.length > 0) throw new Error(`the generated corpus has ${output.problems.length} problems`);
  const compileMs = performance.now() - started;
  const documents = compiledDocuments((path) => Promise.resolve(output.documents.get(path)));

  let newest = 0;
  for await (const card of documents.allCards()) newest = Math.max(newest, Date.parse(card.publishedAt));
  const now = process.env.SOURCE_DATE_EPOCH ? buildClock() : new Date(newest + 3_600_000);
  const origin = 'https://bench.example';
  const site = mkdtempSync(join(tmpdir(), 'broadsheet-bench-syndication-'));
  try {
    const write = siteFileWriter(site);
    started = performance.now();
    const feeds = await writeFeeds({ pages: output.pages, documents, origin, now, write });
    const feedsMs = performance.now() - started;
    started = performance.now();
    const sitemaps = await writeSitemaps({ pages: output.pages, documents, origin, now, write });
    const sitemapsMs = performance.now() - started;
    const childSizes = Array.from(
      { length: sitemaps.children },
      (_, i) => statSync(join(site, pagesSitemap(i + 1))).size,
    );

    console.log(
      `${articles} articles, ${tags} tags (seed ${seed}); compile ${seconds(compileMs)}; now ${now.toISOString()}`,
    );
    console.log('| step | time | files | bytes | notes |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| feeds | ${seconds(feedsMs)} | ${feeds.files} | ${mb(feeds.bytes)} | RSS + Atom for ${feeds.lists} list pages (front, tags, authors), up to 50 items each |`,
    );
    console.log(
      `| sitemaps | ${seconds(sitemapsMs)} | ${sitemaps.children + 1 + (sitemaps.news > 0 ? 1 : 0)} | ${mb(sitemaps.bytes)} | ` +
        `${sitemaps.urls} URLs in ${sitemaps.children} child sitemaps (largest ${mb(Math.max(...childSizes))}), ` +
        `${sitemaps.news} articles in the news sitemap, plus the index |`,
    );
    console.log(`Peak memory (max RSS, compile included): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) runCli(() => main(), USAGE);
