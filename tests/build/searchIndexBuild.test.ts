// @vitest-environment node
/**
 * The search index in the site build: written beside the documents, and rebuilt incrementally like them. An edit of
 * one article's text changes its record and the few files of the words it gained; every other index file is linked
 * from the published site and stays out of the change list.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../build/siteBuild.ts';
import { SearchMeta, SearchRecord } from '../../src/search/documents.ts';
import { article } from './articleSource.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'search-build-'));
const content = join(work, 'content');
const site = join(work, 'site');
// The build removes a replaced site in a process of its own, which may still be deleting inside `work`.
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 }));

const WORDS = 'harbour ferry council budget school energy river bridge market court storm election'.split(' ');
const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString();

function story(i: number, extra = '') {
  return article(`story-${i}`, {
    headline: `The ${WORDS[i % WORDS.length]} story number ${i}`,
    publishedAt: day(i),
    tags: [`Topic ${i % 7}`],
    sections: [
      {
        blocks: [
          {
            type: 'paragraph',
            text: `A report on the ${WORDS[(i * 5) % WORDS.length]} and the ${WORDS[(i * 7) % WORDS.length]}.${extra}`,
          },
        ],
      },
    ],
  });
}

function save(i: number, extra = '') {
  writeFileSync(join(content, 'articles', `story-${i}.json`), JSON.stringify(story(i, extra)));
}

/**
 * The build hands the site it replaced to a process of its own to delete, which first renames it; a second build
 * in the same process before that rename fails to retire its own site (the same name), so each build waits for it.
 */
async function replacedSiteHandedOver() {
  const retired = `${site}.retired-${process.pid}`;
  for (let waited = 0; existsSync(retired) && waited < 20_000; waited += 50) {
    await new Promise((done) => setTimeout(done, 50));
  }
}

const build = async (lines: string[] = []) => {
  await replacedSiteHandedOver();
  const previous = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = content;
  try {
    return await buildSite({ root: ROOT, outDir: site, logLevel: 'error', report: (line) => lines.push(line) });
  } finally {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
  }
};

const searchFiles = (files: string[]) => files.filter((file) => file.startsWith('data/search/'));

describe('the search index in the site build', { timeout: 300_000 }, () => {
  const lines: string[] = [];
  beforeAll(async () => {
    mkdirSync(join(content, 'articles'), { recursive: true });
    writeFileSync(join(content, 'site.json'), JSON.stringify({ name: 'Search Times' }));
    for (let i = 0; i < 60; i++) save(i);
    await build(lines);
    // A build that may bundle the app first: far longer than the default hook time in a fresh clone.
  }, 300_000);

  it('writes the index beside the documents, numbering the articles oldest first, and says so', () => {
    const meta = SearchMeta.parse(JSON.parse(readFileSync(join(site, 'data/search/meta.json'), 'utf8')));
    expect(meta.documents).toBe(60);
    // Records are filed by month: 31 in January, 28 in February, one in March.
    expect(meta.months).toEqual([
      ['2025-01', 31],
      ['2025-02', 28],
      ['2025-03', 1],
    ]);
    const oldest = SearchRecord.parse(JSON.parse(readFileSync(join(site, 'data/search/docs/2025-01/0.json'), 'utf8')));
    expect(oldest.card.id).toBe('story-0');
    expect(lines.some((line) => /^Search index: 60 articles in \d+ files/.test(line))).toBe(true);
  });

  it('after an edit of one article, changes only its record and the files of the words it gained', async () => {
    save(41, ' Zephyrine winds reached the quay.');
    const { changes } = await build();
    const changed = searchFiles(changes.changed);
    expect(changed).toContain('data/search/docs/2025-02/10.json');
    expect(changed.length).toBeGreaterThan(1);
    expect(changed.length).toBeLessThanOrEqual(5);
    expect(searchFiles(changes.added)).toEqual([]);
    expect(searchFiles(changes.removed)).toEqual([]);
  });

  it('rebuilds unchanged content without listing any index file', async () => {
    const { changes } = await build();
    expect(searchFiles([...changes.added, ...changes.changed, ...changes.removed])).toEqual([]);
  });

  it('after a deletion, moves only the records after it in its month', async () => {
    rmSync(join(content, 'articles', 'story-25.json'));
    const { changes } = await build();
    const records = (files: string[]) => searchFiles(files).filter((file) => file.startsWith('data/search/docs/'));
    // story-26 … story-30 move up one place in January; February's and March's records stay as they were.
    expect(records(changes.changed).sort()).toEqual(
      [25, 26, 27, 28, 29].map((place) => `data/search/docs/2025-01/${place}.json`).sort(),
    );
    expect(records(changes.removed)).toEqual(['data/search/docs/2025-01/30.json']);
    expect(records(changes.added)).toEqual([]);
    const moved = SearchRecord.parse(JSON.parse(readFileSync(join(site, 'data/search/docs/2025-01/25.json'), 'utf8')));
    expect(moved.card.id).toBe('story-26');
  });
});
