// @vitest-environment node
/**
 * The hashes of article files as last read (build/incremental/fileHashes.ts): a file that `stat` shows unchanged is
 * not read again, any write to a file is seen (even one that keeps its size and modification time), a file written
 * too recently is read again, and a damaged record is ignored.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParsedArticles } from '../../build/incremental/articleCache.ts';
import { FileHashes, RACY_MS } from '../../build/incremental/fileHashes.ts';
import { loadContent } from '../../build/load.ts';
import { article } from './articleSource.ts';
import { foldersOfThisFile } from './contentFolder.ts';

const folder = foldersOfThisFile();

function newsroom(count = 6) {
  const root = folder({});
  const content = folder(
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`articles/a${i}.json`, { json: article(`a${i}`, { headline: 'Old' }) }]),
    ),
  );
  return { root, content };
}

/** A clock far enough ahead that every file just written counts as settled. */
const later = () => Date.now() + 10 * RACY_MS;

async function compile(root: string, content: string, now: () => number = later) {
  const articleCache = ParsedArticles.load(root);
  const fileHashes = FileHashes.load(root, { now });
  const output = await loadContent(content, 'strict', { articleCache, fileHashes });
  expect(output.problems).toEqual([]);
  fileHashes.save();
  articleCache.save();
  const headline = (id: string) =>
    (JSON.parse(output.documents.get(`/data/articles/${id}.json`) ?? '{}') as { article?: { headline: string } })
      .article?.headline;
  return { hits: fileHashes.hits, headline, parsed: articleCache.misses };
}

describe('the hashes of article files', () => {
  it('reads an unchanged file once, and every file a write touched again', async () => {
    const { root, content } = newsroom();
    // A whole second, which the file system keeps exactly, as a copy that keeps times would set it.
    const file = join(content, 'articles/a2.json');
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect((await compile(root, content)).hits).toBe(0);
    expect((await compile(root, content)).hits).toBe(6);

    // Same size, same modification time, other bytes: only the change time (which no tool can set) tells.
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Old"', '"New"'));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);

    const after = await compile(root, content);
    expect(after.hits).toBe(5);
    expect(after.parsed).toBe(1);
    expect(after.headline('a2')).toBe('New');
    expect(after.headline('a1')).toBe('Old');
  });

  it('does not remember a file written moments before it was read', async () => {
    const { root, content } = newsroom(3);
    await compile(root, content, Date.now);
    expect((await compile(root, content, Date.now)).hits).toBe(0);
  });

  it('ignores a damaged record', async () => {
    const { root, content } = newsroom(3);
    await compile(root, content);
    const record = join(root, 'node_modules/.cache/broadsheet-articles/files.json');
    const text = readFileSync(record, 'utf8');
    writeFileSync(record, text.replace(/"[0-9a-f]{40}"\]\]$/, `"${'0'.repeat(40)}"]]`));
    const damaged = await compile(root, content);
    expect(damaged.hits).toBe(0);
    expect(damaged.headline('a0')).toBe('Old');
    expect((await compile(root, content)).hits).toBe(3);
  });
});
