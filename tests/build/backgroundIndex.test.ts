// @vitest-environment node
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundSearchIndex } from '../../build/search/backgroundIndex';
import { buildSearchIndex } from '../../build/search/buildSearchIndex';
import { compiledStories, type StoryFields } from '../search/newsroom';
import type { CompiledArticle } from '../../src/model/compiled';

const stories: StoryFields[] = Array.from({ length: 600 }, (_, i) => ({
  id: `story-${i}`,
  headline: `Harbour ${['bridge', 'ferry', 'tide', 'lighthouse'][i % 4] ?? ''} report ${i}`,
  body: `Word${i.toString(36).replace(/\d/g, 'q')} and the quay`,
  tags: [`Tag ${i % 7}`, ...(i % 3 === 0 ? ['Port Calder'] : [])],
  day: i % 200,
}));
const articles = [...compiledStories(stories)];
/** The hash stands for the article's file: here, its fields. */
const hashOf = (article: CompiledArticle) => JSON.stringify(article);

const opened: BackgroundSearchIndex[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((index) => index.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The files as text, to compare with what the builder makes on this thread. */
const texts = (files: Map<string, Buffer>) =>
  new Map([...files].map(([path, bytes]) => [path, bytes.toString('utf8')]));

function start(root: string | undefined, read = true) {
  const index = new BackgroundSearchIndex({ root, read });
  opened.push(index);
  return index;
}

describe('the search index built on another thread', () => {
  const expected = buildSearchIndex(articles);

  it('makes the files the builder makes on this thread, from articles sent in full', async () => {
    const index = start(undefined);
    for (const article of articles) index.add(article, hashOf(article), false);
    const { files, articles: count } = await index.files();
    expect(count).toBe(articles.length);
    expect(texts(files)).toEqual(expected);
  });

  it('takes an article whose document was kept by its head alone when the last build indexed it, and the same files come out', async () => {
    const root = mkdtempSync(join(tmpdir(), 'broadsheet-index-'));
    folders.push(root);
    const first = start(root, false);
    for (const article of articles) first.add(article, hashOf(article), false);
    await first.files();
    await first.memoSaved();
    expect(readdirSync(join(root, 'node_modules/.cache/broadsheet-search')).length).toBeGreaterThan(0);

    const second = start(root);
    // Heads only: an article whose sections throw would fail the build if its text were read.
    for (const article of articles) {
      const head = {
        ...article,
        get sections(): never {
          throw new Error(`the text of ${article.id} was read`);
        },
      };
      second.add(head, hashOf(article), true);
    }
    expect(texts((await second.files()).files)).toEqual(expected);
  });

  it('asks for the whole of a kept article its memo lacks (a cache deleted since), and the same files come out', async () => {
    const index = start(undefined);
    articles.forEach((article, i) => index.add(article, hashOf(article), i % 2 === 0));
    expect(texts((await index.files()).files)).toEqual(expected);
  });

  it('fails, saying so, when its thread fails', async () => {
    const index = start(undefined);
    index.add({ ...articles[0], publishedAt: undefined } as unknown as CompiledArticle, 'broken', false);
    await expect(index.files()).rejects.toThrow('Invalid time value');
  });
});
