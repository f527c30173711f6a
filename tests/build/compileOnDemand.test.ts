// @vitest-environment node
/**
 * The dev server compiles on demand (documents serialized, and articles' made, only when asked for). It must serve
 * exactly what the build writes: the same documents at the same paths, nothing at any other path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../build/load.ts';
import { compiledArticles } from '../../build/search/buildSearchIndex.ts';
import { generateCorpus } from '../../scripts/bench/corpus.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder, removed after the tests. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-on-demand-'));
  made.push(dir);
  return dir;
}

async function compareModes(dir: string) {
  const eager = await loadContent(dir, 'lenient');
  const onDemand = await loadContent(dir, 'lenient', { onDemand: true });
  const { documentAt, compiledArticles: published } = onDemand;
  if (!documentAt || !published) throw new Error('an on-demand compile gives documentAt and compiledArticles');

  expect(eager.documents.size).toBeGreaterThan(0);
  expect(onDemand.documents.size).toBe(0);
  // Every document the build would write, byte for byte, asked for in an order unlike the compile's.
  for (const [path, text] of [...eager.documents].reverse()) expect(documentAt(path), path).toBe(text);
  expect(documentAt('/data/articles/no-such-article.json')).toBeUndefined();
  expect(documentAt('/data/tags/no-such-tag/1.json')).toBeUndefined();
  expect(documentAt('/data/articles/')).toBeUndefined();
  // What the dev server indexes for search is what the build indexes.
  expect([...published()]).toEqual([...compiledArticles(eager.documents)]);
  expect(onDemand.stats).toEqual(eager.stats);
  expect(onDemand.problems).toEqual(eager.problems);
  expect(onDemand.media).toEqual(eager.media);
  return eager;
}

describe('an on-demand compile', () => {
  it('serves the sample newsroom exactly as the build compiles it', async () => {
    const eager = await compareModes(resolve(import.meta.dirname, '../../content'));
    expect(eager.stats.articles).toBeGreaterThan(20);
  });

  it('serves a generated newsroom of 400 articles, with a bad article left out, exactly as an eager compile', async () => {
    const dir = folder();
    generateCorpus({ dir, articles: 400, tags: 60, seed: 7 });
    writeFileSync(join(dir, 'articles/broken.json'), '{"id": "broken"');
    const eager = await compareModes(dir);
    expect(eager.stats.articles).toBe(400);
    expect(eager.problems.map((problem) => problem.file)).toEqual(['articles/broken.json']);
  });
});
