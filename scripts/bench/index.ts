/**
 * `npm run bench [-- filter|navigation|lighthouse ...]`: the benchmarks, figures not assertions.
 *   filter      100,000 generated articles and 5,000 tags: compile time and memory, then what the app's own
 *               loaders fetch for /?tag=a&tag=b (requests, raw and gzip bytes) and their time in JS
 *   build       10,000 generated articles: a cold build, then no change, an edited, an added and a deleted article, each
 *               built incrementally, and the result compared file by file with a cold build
 *   navigation  click to headline for a prefetched and a cold related article, in Chromium
 *   lighthouse  Lighthouse 12 (mobile) on an article, the front page, a tag page and a static limit page,
 *               plus first-render JavaScript per route
 *   syndication feeds and sitemaps over the compiled 100,000 articles: time, files, bytes, the sitemap split
 *   dev         `npm run dev` over 100,000 articles until the front page is served, without and with the caches
 *   search      10,000 and 100,000 generated articles: search index build time and memory, then in Chromium
 *               at 4× CPU the bytes of a first and of further queries and keystroke to results painted
 *               (BENCH_SEARCH_SIZES, e.g. 10000,100000, sets its sizes)
 * With no names, all of them run in that order (the 100,000-article ones take most of an hour on 2 cores). Settings come from the
 * environment here (BENCH_ARTICLES, BENCH_TAGS, BENCH_SEED, BENCH_TIMEOUT for filter, BENCH_RUNS for
 * lighthouse); each script also takes them as flags after its name when it is the only one named
 * (`npm run bench -- build --articles=100000 --skip-compare`; `npm run bench -- build --help` lists them).
 */
import { parseArgs } from 'node:util';
import { runCli, UsageError } from './cli.ts';

/** Each benchmark, given the flags that followed its name (only when it is the one named). */
const BENCHMARKS = {
  filter: async (argv: string[]) => (await import('./filter.ts')).main(argv),
  build: async (argv: string[]) => (await import('./build.ts')).main(argv),
  navigation: async (argv: string[]) => {
    noFlags('navigation', argv);
    await (await import('./navigation.ts')).main();
  },
  lighthouse: async (argv: string[]) => {
    noFlags('lighthouse', argv);
    await (await import('./lighthouse.ts')).main();
  },
  syndication: async (argv: string[]) => {
    await (await import('./syndication.ts')).main(argv);
  },
  dev: async (argv: string[]) => {
    await (await import('./devStart.ts')).main(argv);
  },
  search: async (argv: string[]) => {
    const search = await import('./search.ts');
    await search.main(search.parseOptions(argv));
  },
};

function noFlags(name: string, argv: string[]) {
  if (argv.length > 0) throw new UsageError(`The ${name} benchmark takes no flags (${argv.join(' ')}).`);
}

type Name = keyof typeof BENCHMARKS;
const isName = (arg: string): arg is Name => Object.hasOwn(BENCHMARKS, arg);
const USAGE = `Usage: npm run bench [-- ${Object.keys(BENCHMARKS).join('|')} ...], or npm run bench -- <one of them> [its flags]`;

runCli(async () => {
  const argv = process.argv.slice(2);
  // `npm run bench -- build --articles=100000`: flags after a single benchmark's name are that benchmark's own.
  const first = argv[0];
  if (first !== undefined && isName(first) && argv.slice(1).every((arg) => arg.startsWith('-'))) {
    console.log(`\n## ${first}\n`);
    return BENCHMARKS[first](argv.slice(1));
  }
  const { values, positionals } = parseArgs({
    options: { help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  const unknown = positionals.filter((arg) => !isName(arg));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`);
  }
  const asked = positionals.filter(isName);
  for (const name of asked.length > 0 ? asked : (Object.keys(BENCHMARKS) as Name[])) {
    console.log(`\n## ${name}\n`);
    await BENCHMARKS[name]([]);
  }
}, USAGE);
