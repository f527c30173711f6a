/**
 * A generated newsroom for benchmarks: a valid content folder (site.json, articles/*.json) of any
 * size, the same bytes for the same parameters and seed.
 *
 *   npx tsx scripts/bench/corpus.ts <dir> [articles=100000] [tags=5000] [seed=1]
 *
 * Shape, roughly that of a large news site:
 * - tag popularity is Zipf-like (Zipf–Mandelbrot, s = 1.05, q = 3): a few tags on thousands of
 *   articles, most on a few dozen; every tag is used at least once; 2–6 tags an article, and a
 *   third of articles also carry a tag of a recent article (running stories), so tags co-occur;
 * - a few hundred authors (also Zipf-like), 1–2 to a byline; 8 sections of unequal size;
 * - publishedAt spread evenly over 3 years in article order, written with one of several offsets;
 * - 2–4 body sections of paragraphs of generated words, with emphasis, strong, links (external and
 *   to earlier articles), the odd quote, list and https image; 30% have an https lead image;
 * - ~8% have editor's related picks (earlier articles, sometimes by alias); ~3% have aliases;
 * - a few tags are non-Latin or accented, and ~2% of tag uses are spelled in lower case (same slug).
 * No image files: every image is an https:// URL, so the folder holds JSON only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleUrl } from '../../src/model/pageUrls.ts';
import { slugify } from '../../src/model/slug.ts';
import { isMain, runCli, UsageError, wholeNumber } from './cli.ts';

/** Bump when the generator's output changes, so cached corpora are not reused. */
const GENERATOR_VERSION = 1;

/**
 * Written at the root of a generated folder (the compiler reads only site.json and articles/):
 * it names the parameters, and marks the folder as one this script may replace.
 */
const CORPUS_MARKER = '.bench-corpus.json';

const corpusKey = (articles: number, tags: number, seed: number) =>
  `a${articles}-t${tags}-s${seed}-g${GENERATOR_VERSION}`;

/** A generated corpus kept in the system's temporary folder, one per set of parameters, shared by the benchmarks. */
export interface SharedCorpus {
  dir: string;
  /** Whether it was there already (else it was generated now, in `ms`). */
  reused: boolean;
  ms: number;
  bytes: number;
  authors: number;
}

export function sharedCorpus(articles: number, tags: number, seed: number): SharedCorpus {
  const key = corpusKey(articles, tags, seed);
  const dir = join(tmpdir(), `broadsheet-bench-corpus-${key}`);
  const marker = join(dir, CORPUS_MARKER);
  if (existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, 'utf8')) as { key: string; bytes: number; authors: number };
    if (info.key === key) return { dir, reused: true, ms: 0, bytes: info.bytes, authors: info.authors };
  }
  console.error(`Generating ${articles} articles, ${tags} tags (seed ${seed}) into ${dir} ...`);
  const summary = generateCorpus({ dir, articles, tags, seed });
  return { dir, reused: false, ms: summary.ms, bytes: summary.bytes, authors: summary.authors };
}

export interface CorpusOptions {
  dir: string;
  articles?: number;
  tags?: number;
  seed?: number;
}

export interface CorpusSummary {
  dir: string;
  articles: number;
  tags: number;
  authors: number;
  seed: number;
  /** Bytes of JSON written (site.json and every article). */
  bytes: number;
  ms: number;
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const int = (rng: Random, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Random, p: number) => rng() < p;
function pick<T>(rng: Random, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Samples ranks 0..n-1 with weight 1 / (rank + q)^s. */
function zipf(n: number, s: number, q: number): (rng: Random) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + q, s);
    cumulative[i] = total;
  }
  return (rng) => {
    const target = rng() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const SYLLABLES = (
  'ka lo ri ten mar vel do sa ni por tal ge ba run shi ko dra mi len tor ha vi os ran bel fen gar ' +
  'hol ist jun kel lum mon nor pra quin ros sel tam ul var wen yar zor ad bri cal den el fra gil ' +
  'ham ir jas kor lin mer nad ol pel rud sim tov ur vos wyn bar cor dun est fal gor'
).split(' ');

const FUNCTION_WORDS = (
  'the of and to in a for on with said by that was is as at from it has have but not its this are ' +
  'after over will would which their were more than about into also who been one two new'
).split(' ');

const TOPICS = [
  'Politics',
  'Economy',
  'Climate',
  'Elections',
  'Health',
  'Education',
  'Energy',
  'Transport',
  'Housing',
  'Courts',
  'Defence',
  'Diplomacy',
  'Trade',
  'Technology',
  'Artificial intelligence',
  'Football',
  'Cricket',
  'Tennis',
  'Film',
  'Music',
  'Books',
  'Weather',
  'Public health',
  'Inflation',
  'Interest rates',
  'Labour market',
  'Migration',
  'Space',
  'Oceans',
  'Wildlife',
  'Farming',
  'Food',
  'Travel',
  'Crime',
  'Police',
  'Local government',
  'Water',
  'Universities',
  'Startups',
  'Banking',
];

/** Non-Latin and accented labels, placed among the generated tags to exercise slugs and URLs. */
const WORLD_TAGS = [
  'Séoul',
  '평양',
  'Москва',
  'São Paulo',
  'Zürich',
  'Kraków',
  '東京',
  'Île-de-France',
  'Αθήνα',
  'Malmö',
];

const SECTIONS: readonly { name: string; weight: number }[] = [
  { name: 'World', weight: 22 },
  { name: 'Politics', weight: 18 },
  { name: 'Business', weight: 16 },
  { name: 'Science', weight: 8 },
  { name: 'Technology', weight: 9 },
  { name: 'Sport', weight: 14 },
  { name: 'Culture', weight: 8 },
  { name: 'Opinion', weight: 5 },
];

const ROLES = ['Correspondent', 'Staff writer', 'Political editor', 'Science writer', 'Sports reporter', 'Columnist'];

/** Offsets, in minutes, the newsroom's tools write times with. */
const OFFSETS = [0, 0, 0, 60, 120, 330, -300, -240, 540, 600];

const START = Date.UTC(2023, 0, 1);
const SPAN_MS = 3 * 365 * 86_400_000;

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function isoWithOffset(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

interface GeneratedArticle {
  id: string;
  aliases?: string[];
  headline: string;
  standfirst?: string;
  section: string;
  image?: { src: string; alt: string; caption?: string; credit?: string; width: number; height: number };
  byline: { name: string; role?: string }[];
  publishedAt: string;
  updatedAt?: string;
  sections: { heading?: string; blocks: Record<string, unknown>[] }[];
  tags: string[];
  related?: string[];
}

export function generateCorpus({ dir, articles = 100_000, tags = 5_000, seed = 1 }: CorpusOptions): CorpusSummary {
  const started = performance.now();
  if (!(articles >= 1 && tags >= 1)) throw new Error('a corpus needs at least one article and one tag');
  // Never replace a folder this script did not make (such as the sample newsroom).
  if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, CORPUS_MARKER))) {
    throw new Error(`${resolve(dir)} is not empty and not a generated corpus; refusing to replace it`);
  }
  const rng = mulberry32(seed);

  // Vocabulary: unique lower-case words of 1–3 syllables, drawn Zipf-like in text.
  const vocabulary: string[] = [];
  const seenWords = new Set(FUNCTION_WORDS);
  while (vocabulary.length < 4000) {
    const n = chance(rng, 0.25) ? 1 : chance(rng, 0.7) ? 2 : 3;
    let word = '';
    for (let i = 0; i < n; i++) word += pick(rng, SYLLABLES);
    if (word.length < 3 || seenWords.has(word)) continue;
    seenWords.add(word);
    vocabulary.push(word);
  }
  const wordRank = zipf(vocabulary.length, 1, 2);
  const word = () => (chance(rng, 0.35) ? pick(rng, FUNCTION_WORDS) : (vocabulary[wordRank(rng)] as string));
  const contentWord = () => vocabulary[wordRank(rng)] as string;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = (min: number, max: number) => `${capitalise(words(int(rng, min, max)))}.`;

  // Tags: the most used are topic names, the rest generated names; labels unique by slug.
  const tagLabels: string[] = [];
  const tagSlugs = new Set<string>();
  const addTag = (label: string) => {
    const slug = slugify(label);
    if (!slug || tagSlugs.has(slug) || label.length > 60) return;
    tagSlugs.add(slug);
    tagLabels.push(label);
  };
  for (const topic of TOPICS) if (tagLabels.length < tags) addTag(topic);
  let worldTag = 0;
  while (tagLabels.length < tags) {
    if (tagLabels.length % 97 === 50 && worldTag < WORLD_TAGS.length) {
      addTag(WORLD_TAGS[worldTag++] as string);
      continue;
    }
    const kind = rng();
    if (kind < 0.4)
      addTag(`${capitalise(contentWord())} ${capitalise(contentWord())}`); // a person
    else if (kind < 0.65)
      addTag(`${pick(rng, ['Port', 'Lake', 'North', 'New', 'Upper'])} ${capitalise(contentWord())}`);
    else if (kind < 0.9)
      addTag(`${capitalise(contentWord())} ${contentWord()}`); // a subject
    else addTag(`${capitalise(contentWord())} ${contentWord()} ${contentWord()}`); // a story
  }
  const tagRank = zipf(tags, 1.05, 3);

  // Authors: a few hundred, a few of them prolific.
  const authorCount = Math.max(1, Math.min(400, Math.round(articles / 250)));
  const authors: { name: string; role?: string }[] = [];
  const authorSlugs = new Set<string>();
  while (authors.length < authorCount) {
    const name = `${capitalise(contentWord())} ${capitalise(contentWord())}`;
    if (authorSlugs.has(slugify(name))) continue;
    authorSlugs.add(slugify(name));
    authors.push(chance(rng, 0.7) ? { name, role: pick(rng, ROLES) } : { name });
  }
  const authorRank = zipf(authorCount, 0.8, 5);

  const sectionTotal = SECTIONS.reduce((sum, section) => sum + section.weight, 0);
  const sectionOf = () => {
    let r = rng() * sectionTotal;
    for (const section of SECTIONS) if ((r -= section.weight) < 0) return section.name;
    return (SECTIONS[0] as { name: string }).name;
  };

  // Every tag is used at least once: each is given to one article chosen up front.
  const mustCarry = new Map<number, number[]>();
  for (let t = 0; t < tags && articles > 0; t++) {
    const a = Math.floor(rng() * articles);
    mustCarry.set(a, [...(mustCarry.get(a) ?? []), t]);
  }

  const staging = `${resolve(dir)}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'articles'), { recursive: true });
  let bytes = 0;
  const write = (path: string, value: unknown) => {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(staging, path), text);
  };
  write('site.json', {
    name: 'The Benchmark Gazette',
    description: `A generated newsroom of ${articles} articles and ${tags} tags (seed ${seed}).`,
    locale: 'en-GB',
    timeZone: 'Europe/London',
  });

  const ids: string[] = [];
  const aliasesOf: (string[] | undefined)[] = [];
  const tagsOf: number[][] = [];
  /** The latest article carrying each tag, for running stories and related picks. */
  const lastWithTag = new Int32Array(tags).fill(-1);

  for (let i = 0; i < articles; i++) {
    const headlineWords = [
      contentWord(),
      word(),
      contentWord(),
      contentWord(),
      ...Array.from({ length: int(rng, 2, 8) }, word),
    ];
    const headline = capitalise(headlineWords.join(' '));
    const id = `${headlineWords.slice(0, 4).join('-')}-${i.toString(36)}`;
    ids.push(id);

    // Tags: the article's own picks, a running story's tag, and Zipf draws up to 2–6.
    const wanted = int(rng, 2, 6);
    const chosen = [...(mustCarry.get(i) ?? [])].slice(0, 6);
    const previous = i > 0 ? tagsOf[Math.max(0, i - int(rng, 1, 200))] : undefined;
    if (previous && chance(rng, 0.33) && chosen.length < wanted) {
      const story = pick(rng, previous);
      if (!chosen.includes(story)) chosen.push(story);
    }
    for (let guard = 0; chosen.length < wanted && guard < 50; guard++) {
      const t = tagRank(rng);
      if (!chosen.includes(t)) chosen.push(t);
    }
    tagsOf.push(chosen);

    // Related picks: earlier articles sharing a tag, or just earlier ones; sometimes by alias.
    let related: string[] | undefined;
    if (i > 10 && chance(rng, 0.08)) {
      const targets = new Set<number>();
      const want = int(rng, 1, 3);
      for (let guard = 0; targets.size < want && guard < 10; guard++) {
        const viaTag = lastWithTag[pick(rng, chosen)] ?? -1;
        targets.add(viaTag >= 0 && chance(rng, 0.7) ? viaTag : int(rng, Math.max(0, i - 500), i - 1));
      }
      related = [...targets].map((t) => {
        const aliases = aliasesOf[t];
        return aliases && chance(rng, 0.3) ? (aliases[0] as string) : (ids[t] as string);
      });
    }
    for (const t of chosen) lastWithTag[t] = i;

    const aliases = chance(rng, 0.03) ? (chance(rng, 0.2) ? [`${id}-draft`, `${id}-v2`] : [`${id}-draft`]) : undefined;
    aliasesOf.push(aliases);

    const instant = START + Math.floor(((i + rng()) * SPAN_MS) / Math.max(1, articles));
    const offset = pick(rng, OFFSETS);
    const publishedAt = isoWithOffset(instant, offset);
    const updatedAt = chance(rng, 0.15) ? isoWithOffset(instant + int(rng, 10, 2880) * 60_000, offset) : undefined;

    const byline = chance(rng, 0.15)
      ? [...new Set([authorRank(rng), authorRank(rng)])].map((a) => authors[a] as { name: string; role?: string })
      : [authors[authorRank(rng)] as { name: string; role?: string }];

    const inline = (min: number, max: number) => {
      const parts: string[] = [];
      const sentences = int(rng, min, max);
      for (let s = 0; s < sentences; s++) {
        let text = sentence(5, 18);
        const mark = rng();
        if (mark < 0.05) text = text.replace(/ (\w+) /, ' *$1* ');
        else if (mark < 0.08) text = text.replace(/ (\w+) /, ' **$1** ');
        else if (mark < 0.11 && i > 0) {
          const target = articleUrl(ids[int(rng, Math.max(0, i - 1000), i - 1)] ?? '');
          text = text.replace(/ (\w+ \w+) /, ` [$1](${target}) `);
        } else if (mark < 0.13) text = text.replace(/ (\w+) /, ` [$1](https://example.org/${contentWord()}) `);
        parts.push(text);
      }
      return parts.join(' ');
    };
    const httpsImage = (w: number, h: number) => ({
      src: `https://images.example.org/${i.toString(36)}/${contentWord()}.jpg`,
      alt: sentence(6, 14),
      ...(chance(rng, 0.7) ? { caption: sentence(6, 16) } : {}),
      ...(chance(rng, 0.6) ? { credit: `Photo: ${capitalise(contentWord())} ${capitalise(contentWord())}` } : {}),
      width: w,
      height: h,
    });

    const sections: GeneratedArticle['sections'] = [];
    const sectionCount = int(rng, 2, 4);
    for (let s = 0; s < sectionCount; s++) {
      const blocks: Record<string, unknown>[] = [];
      const paragraphs = int(rng, 2, 4);
      for (let p = 0; p < paragraphs; p++) blocks.push({ type: 'paragraph', text: inline(2, 5) });
      if (chance(rng, 0.1)) {
        blocks.splice(1, 0, {
          type: 'quote',
          text: inline(1, 2),
          ...(chance(rng, 0.8)
            ? { attribution: (authors[int(rng, 0, authorCount - 1)] as { name: string }).name }
            : {}),
        });
      }
      if (chance(rng, 0.05)) {
        blocks.push({
          type: 'list',
          ...(chance(rng, 0.5) ? { ordered: true } : {}),
          items: Array.from({ length: int(rng, 2, 5) }, () => inline(1, 1)),
        });
      }
      if (chance(rng, 0.05)) blocks.push({ type: 'image', ...httpsImage(1200, 800) });
      sections.push(s === 0 ? { blocks } : { heading: capitalise(words(int(rng, 2, 5))), blocks });
    }

    const article: GeneratedArticle = {
      id,
      ...(aliases ? { aliases } : {}),
      headline,
      ...(chance(rng, 0.9) ? { standfirst: inline(1, 2) } : {}),
      section: sectionOf(),
      ...(chance(rng, 0.3) ? { image: httpsImage(1600, 900) } : {}),
      byline,
      publishedAt,
      ...(updatedAt ? { updatedAt } : {}),
      sections,
      tags: chosen.map((t) => {
        const label = tagLabels[t] as string;
        return chance(rng, 0.02) ? label.toLowerCase() : label;
      }),
      ...(related ? { related } : {}),
    };
    write(join('articles', `${id}.json`), article);
  }

  const summary: CorpusSummary = {
    dir: resolve(dir),
    articles,
    tags,
    authors: authorCount,
    seed,
    bytes,
    ms: Math.round(performance.now() - started),
  };
  writeFileSync(
    join(staging, CORPUS_MARKER),
    JSON.stringify({ key: corpusKey(articles, tags, seed), generatorVersion: GENERATOR_VERSION, ...summary }),
  );
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return summary;
}

const USAGE = 'Usage: npx tsx scripts/bench/corpus.ts <dir> [articles=100000] [tags=5000] [seed=1]';

function cli(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  const [dir, articles, tags, seed, ...extra] = positionals;
  if (!dir) throw new UsageError('Name the folder to write the corpus into.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra.join(' ')}".`);
  const options = {
    dir,
    articles: wholeNumber({ label: 'articles', value: articles }, 100_000, 1),
    tags: wholeNumber({ label: 'tags', value: tags }, 5_000, 1),
    seed: wholeNumber({ label: 'seed', value: seed }, 1),
  };
  let summary: CorpusSummary;
  try {
    summary = generateCorpus(options);
  } catch (error) {
    // A folder it may not replace, or one it cannot write: a sentence naming the path says it all.
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }
  console.log(
    `${summary.dir}: ${summary.articles} articles, ${summary.tags} tags, ${summary.authors} authors, ` +
      `${(summary.bytes / 1e6).toFixed(1)} MB, seed ${summary.seed}, in ${summary.ms} ms`,
  );
}

if (isMain(import.meta.url)) runCli(() => Promise.resolve().then(() => cli(process.argv.slice(2))), USAGE);
