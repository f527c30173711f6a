// @vitest-environment node
/**
 * The cache of validated articles (build/incremental/articleCache.ts): an unchanged file is not validated again,
 * what comes out is exactly what a compile without the cache gives, and a cache that is damaged, of other code, or
 * of other bytes is never trusted.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentRoot, readContentTree } from '../../build/contentFiles.ts';
import { ParsedArticles } from '../../build/incremental/articleCache.ts';
import { DamagedTails } from '../../build/incremental/keptStore.ts';
import { loadContent } from '../../build/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';
import { foldersOfThisFile, PLAIN_SVG } from './contentFolder.ts';

const folder = foldersOfThisFile();

const image = { src: 'images/a.svg', alt: 'A picture', width: 8, height: 6 };
const articles = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      `articles/a${i}.json`,
      { json: article(`a${i}`, { tags: [`Tag ${i % 3}`], ...(i === 0 ? { image } : {}) }) },
    ]),
  );

/** A project folder (where the cache lives) and a content folder of `count` articles. */
function newsroom(count = 12) {
  const root = folder({ 'src/model/schema.ts': '// the validating code, as far as the cache key goes' });
  const content = folder({ ...articles(count), 'images/a.svg': PLAIN_SVG });
  return { root, content };
}

const compile = (content: string, articleCache?: ParsedArticles) =>
  loadContent(content, 'strict', { allowEmpty: false, articleCache });
const cacheFolder = (root: string) => join(root, 'node_modules/.cache/broadsheet-articles');

/** A newsroom compiled once with a cache, which is saved: the output of a compile without the cache, to compare. */
async function compiledOnce() {
  const { root, content } = newsroom();
  const cache = ParsedArticles.load(root);
  const cold = await compile(content, cache);
  cache.save();
  return { root, content, cold };
}

/** How many entries a shard file (heads or tails) holds: its second line is their JSON. */
const entriesIn = (path: string) =>
  Object.keys(JSON.parse(readFileSync(path, 'utf8').split('\n')[1] ?? '{}') as object).length;

describe('the cache of validated articles', () => {
  it('validates each file once, and gives the same documents as a compile without it', async () => {
    const { root, content } = newsroom();
    const first = ParsedArticles.load(root);
    const cold = await compile(content, first);
    first.save();
    expect([first.hits, first.misses]).toEqual([0, 12]);

    const warm = ParsedArticles.load(root);
    const again = await compile(content, warm);
    expect([warm.hits, warm.misses]).toEqual([12, 0]);
    expect(again.problems).toEqual([]);
    expect(again.documents).toEqual(cold.documents);
    expect(again.documents).toEqual((await compile(content)).documents);
  });

  it('hands the compile only the hash of a file it knows, not its text, and the text of the others', () => {
    const { content } = newsroom(3);
    const contentRoot = openContentRoot(content);
    if (!('real' in contentRoot)) throw new Error('the content folder should open');
    const known = new Set<string>();
    const cold = readContentTree(contentRoot, { allowEmpty: false, known: (hash) => known.has(hash) });
    expect(cold.articles.map((source) => source.text === undefined)).toEqual([false, false, false]);

    for (const source of cold.articles.slice(0, 2)) known.add(source.hash ?? '');
    const warm = readContentTree(contentRoot, { allowEmpty: false, known: (hash) => known.has(hash) });
    expect(warm.articles.map(({ file, text }) => [file, text === undefined])).toEqual([
      ['articles/a0.json', true],
      ['articles/a1.json', true],
      ['articles/a2.json', false],
    ]);
  });

  it('validates again only the file whose bytes changed, and forgets deleted ones', async () => {
    const { root, content } = newsroom();
    const cache = ParsedArticles.load(root);
    await compile(content, cache);
    cache.save();

    writeFileSync(join(content, 'articles/a3.json'), JSON.stringify(article('a3', { headline: 'Changed' })));
    rmSync(join(content, 'articles/a4.json'));
    const next = ParsedArticles.load(root);
    const output = await compile(content, next);
    expect([next.hits, next.misses]).toEqual([10, 1]);
    expect(output.documents.get('/data/articles/a3.json')).toContain('"headline":"Changed"');
    next.save();

    const stored = readdirSync(cacheFolder(root), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.json'))
      .map((name) => readFileSync(join(cacheFolder(root), name), 'utf8'))
      .join('\n');
    expect(stored).toContain('"headline":"Changed"');
    expect(stored).not.toContain('"headline":"Headline a3"');
    expect(stored).not.toContain('"id":"a4"');
  });

  it('still checks the image files of an article it knows', async () => {
    const { root, content } = newsroom();
    const cache = ParsedArticles.load(root);
    await compile(content, cache);
    rmSync(join(content, 'images/a.svg'));
    const output = await compile(content, cache);
    expect(cache.hits).toBe(12);
    expect(output.problems.map(formatProblem)).toEqual([
      'articles/a0.json: image.src: image file "images/a.svg" does not exist in the content folder',
    ]);
  });

  it('never trusts a damaged shard: its articles are validated again, the rest are reused', async () => {
    const { root, content, cold } = await compiledOnce();
    const shards = readdirSync(cacheFolder(root)).sort();
    const [damaged = '', truncated = ''] = shards;
    // A changed headline inside a well-formed shard, and a shard cut short.
    const text = readFileSync(join(cacheFolder(root), damaged), 'utf8');
    writeFileSync(join(cacheFolder(root), damaged), text.replace(/"headline":"Headline /, '"headline":"Forged '));
    const cut = readFileSync(join(cacheFolder(root), truncated), 'utf8');
    writeFileSync(join(cacheFolder(root), truncated), cut.slice(0, cut.length - 10));
    expect(text).toContain('"headline":"Headline ');

    const next = ParsedArticles.load(root);
    const output = await compile(content, next);
    const inDamaged = (readFileSync(join(cacheFolder(root), damaged), 'utf8').match(/"id":"/g) ?? []).length;
    const inTruncated = (cut.match(/"id":"/g) ?? []).length;
    expect(next.misses).toBe(inDamaged + inTruncated);
    expect(next.hits).toBe(12 - next.misses);
    expect(output.documents).toEqual(cold.documents);
    expect([...output.documents.values()].join('')).not.toContain('Forged');
  });

  it('is discarded whole when the validating code changed', async () => {
    const { root, content } = newsroom();
    const cache = ParsedArticles.load(root);
    await compile(content, cache);
    cache.save();
    writeFileSync(join(root, 'src/model/schema.ts'), '// a new rule');
    const next = ParsedArticles.load(root);
    await compile(content, next);
    expect([next.hits, next.misses]).toEqual([0, 12]);
  });

  it('is not read by a full build, which writes it anew', async () => {
    const { root, content } = newsroom();
    const cache = ParsedArticles.load(root);
    await compile(content, cache);
    cache.save();
    const full = ParsedArticles.load(root, { read: false });
    await compile(content, full);
    expect([full.hits, full.misses]).toEqual([0, 12]);
    full.save();
    const next = ParsedArticles.load(root);
    await compile(content, next);
    expect([next.hits, next.misses]).toEqual([12, 0]);
  });

  it('keeps nothing of a file the schema refuses', async () => {
    const { root, content } = newsroom(2);
    writeFileSync(join(content, 'articles/bad.json'), JSON.stringify(article('bad', { headline: '' })));
    const cache = ParsedArticles.load(root);
    const first = await compile(content, cache);
    const again = await compile(content, cache);
    expect(again.problems).toEqual(first.problems);
    expect(again.problems.map((p) => p.file)).toContain('articles/bad.json');
    expect(cache.hits).toBe(2);
  });

  it('keeps sections apart; with sections on demand, reads them only for the articles asked for', async () => {
    const { root, content, cold } = await compiledOnce();
    const tails = join(cacheFolder(root), 'tails');
    const tailShards = readdirSync(tails).sort();
    expect(tailShards.length).toBeGreaterThan(1);
    // The heads hold no article text; the tails hold it all.
    const heads = readdirSync(cacheFolder(root)).filter((name) => name.endsWith('.json'));
    for (const name of heads) expect(readFileSync(join(cacheFolder(root), name), 'utf8')).not.toContain('"blocks"');

    const lazy = ParsedArticles.load(root, { sectionsOnDemand: true });
    // Damaged after the store opened: nothing notices until an article of that shard is asked for.
    const [damaged = ''] = tailShards;
    const inDamaged = entriesIn(join(tails, damaged));
    writeFileSync(
      join(tails, damaged),
      readFileSync(join(tails, damaged), 'utf8').replace('"text":"', '"text":"Forged '),
    );
    const output = await loadContent(content, 'strict', { allowEmpty: false, articleCache: lazy, onDemand: true });
    expect(output.problems).toEqual([]);
    const { documentAt } = output;
    if (!documentAt) throw new Error('an on-demand compile gives documentAt');
    const answers = [...cold.documents.keys()]
      .filter((path) => path.startsWith('/data/articles/'))
      .map((path) => {
        try {
          return documentAt(path) === cold.documents.get(path) ? 'same' : 'different';
        } catch (error) {
          return error instanceof DamagedTails ? 'damaged' : String(error);
        }
      });
    expect(answers.filter((answer) => answer === 'damaged').length).toBeGreaterThan(0);
    expect(answers.every((answer) => answer === 'same' || answer === 'damaged')).toBe(true);
    expect(answers.filter((answer) => answer === 'same')).toHaveLength(12 - inDamaged);

    // The damaged shard's articles are forgotten: the next compile validates them again, and gives the cold output.
    lazy.save();
    const next = await compile(content, lazy);
    expect(lazy.misses).toBe(inDamaged);
    expect(next.documents).toEqual(cold.documents);
  });

  it('never pairs heads with sections that are not their own', async () => {
    const { root, content, cold } = await compiledOnce();
    const tails = join(cacheFolder(root), 'tails');
    // Two tail files, each whole and checksummed, put in each other's place.
    const [first = '', second = ''] = readdirSync(tails).sort();
    const [one, two] = [first, second].map((name) => readFileSync(join(tails, name), 'utf8'));
    writeFileSync(join(tails, first), two ?? '');
    writeFileSync(join(tails, second), one ?? '');

    const next = ParsedArticles.load(root);
    const output = await compile(content, next);
    expect(next.misses).toBe(entriesIn(join(cacheFolder(root), first)) + entriesIn(join(cacheFolder(root), second)));
    expect(output.documents).toEqual(cold.documents);
  });

  it('with sections on demand, a compile that reuses the documents of unchanged articles never reads their text', async () => {
    const { root, content, cold } = await compiledOnce();

    const writeWith = async (reuse: boolean) => {
      const lazy = ParsedArticles.load(root, { sectionsOnDemand: true });
      const written = new Map<string, string>();
      await loadContent(content, 'strict', {
        allowEmpty: false,
        articleCache: lazy,
        writeDocument: (path, text) => written.set(path, text),
        reuseDocument: (path) => reuse && path.startsWith('/data/articles/'),
      });
      return { lazy, written };
    };
    const reused = await writeWith(true);
    expect(reused.lazy.hits).toBe(12);
    expect(reused.lazy.sectionShardsRead).toBe(0);
    expect([...reused.written.keys()].filter((path) => path.startsWith('/data/articles/'))).toEqual([]);

    const made = await writeWith(false);
    expect(made.lazy.sectionShardsRead).toBeGreaterThan(0);
    expect(made.written).toEqual(cold.documents);
  });
});
