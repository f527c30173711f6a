// @vitest-environment node
/**
 * An incremental build writes exactly what a cold build of the same content writes: random sequences of the edits a
 * newsroom makes (add, edit text, edit tags, edit related picks, add or remove an alias, delete, rename an image),
 * each followed by an incremental build and a full one, compared file by file (feeds and sitemaps included). And a
 * build of unchanged content renders nothing and writes nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statePath } from '../../build/incremental/buildState.ts';
import { buildSite } from '../../build/siteBuild.ts';
import { hashTree } from '../e2e/hashTree.ts';
import { article, type Json } from './articleSource.ts';
import { PLAIN_SVG } from './contentFolder.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'incremental-'));
const content = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString();
const TAGS = ['Port Calder', 'Velmora', 'Energy', 'Ferries', 'Schools'];
const SECTIONS = ['World', 'Sport', 'Cities'];

function startingNewsroom() {
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'articles'), { recursive: true });
  mkdirSync(join(content, 'images'), { recursive: true });
  const files: Record<string, Json> = {};
  for (let i = 0; i < 6; i++) {
    files[`a${i}`] = article(`a${i}`, {
      publishedAt: day(i),
      section: SECTIONS[i % 3],
      tags: [TAGS[i % 5], TAGS[(i + 2) % 5]],
      byline: [{ name: i % 2 ? 'Ada Reporter' : 'Bo Writer' }],
      ...(i === 1 ? { image: { src: 'images/one.svg', alt: 'A drawing', width: 10, height: 10 } } : {}),
    });
  }
  // The menu lists the sections of the two articles no edit deletes; the third follows, alone, so its place is fixed.
  writeJson({ ...files, site: { name: 'Incremental Times', sections: ['World', 'Sport'], front: { lead: 'a0' } } });
  writeFileSync(join(content, 'images/one.svg'), PLAIN_SVG);
}

function writeJson(files: Record<string, Json>) {
  for (const [name, value] of Object.entries(files)) {
    const file = name === 'site' ? join(content, 'site.json') : join(content, 'articles', `${name}.json`);
    writeFileSync(file, JSON.stringify(value));
  }
}

const articleIds = () =>
  readdirSync(join(content, 'articles'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort();
const read = (id: string) => JSON.parse(readFileSync(join(content, 'articles', `${id}.json`), 'utf8')) as Json;
const save = (id: string, value: Json) => writeJson({ [id]: value });

type Edit = (pick: number, n: number) => void;
let added = 0;
const EDITS: Record<string, Edit> = {
  add: (_, n) => save(`new-${++added}`, article(`new-${added}`, { publishedAt: day(10 + n), tags: [TAGS[n % 5]] })),
  'edit text': (pick) => {
    const id = articleIds()[pick % articleIds().length] ?? 'a0';
    save(id, { ...read(id), standfirst: `Edited ${pick}` });
  },
  'edit tags': (pick, n) => {
    const id = articleIds()[pick % articleIds().length] ?? 'a0';
    save(id, { ...read(id), tags: [TAGS[n % 5], TAGS[(n + 1) % 5]] });
  },
  'edit related picks': (pick) => {
    const ids = articleIds();
    const id = ids[pick % ids.length] ?? 'a0';
    const other = ids.find((candidate) => candidate !== id && candidate !== 'a0');
    save(id, { ...read(id), related: other ? [other] : [] });
  },
  'add or remove an alias': (pick) => {
    const id = articleIds()[pick % articleIds().length] ?? 'a0';
    const value = read(id);
    save(id, value.aliases ? { ...value, aliases: undefined } : { ...value, aliases: [`${id}-old`] });
  },
  delete: (pick) => {
    // a0 is the pinned lead and a1 holds the image: the rest may go.
    const ids = articleIds().filter((id) => id !== 'a0' && id !== 'a1');
    const id = ids[pick % Math.max(1, ids.length)];
    if (!id) return;
    for (const other of articleIds()) {
      const value = read(other);
      if (Array.isArray(value.related) && value.related.includes(id)) save(other, { ...value, related: [] });
    }
    rmSync(join(content, 'articles', `${id}.json`));
  },
  'rename an image': (_, n) => {
    const value = read('a1');
    const image = value.image as { src: string };
    const src = `images/renamed-${n}.svg`;
    renameSync(join(content, image.src), join(content, src));
    save('a1', { ...value, image: { ...image, src } });
  },
};

/** With SITE_URL, so the feeds and sitemaps are compared too, and a fixed clock, as a reproducible build has. */
const BUILD_ENV = {
  CONTENT_DIR: content,
  SITE_URL: 'https://incremental.example',
  SOURCE_DATE_EPOCH: String(Date.UTC(2025, 0, 8) / 1000),
};

async function build(outDir: string, full: boolean) {
  const previous = Object.fromEntries(Object.keys(BUILD_ENV).map((name) => [name, process.env[name]]));
  Object.assign(process.env, BUILD_ENV);
  try {
    return await buildSite({ root: ROOT, outDir, logLevel: 'error', full });
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('incremental builds', { timeout: 600_000 }, () => {
  const incremental = join(work, 'site');
  const cold = join(work, 'cold');

  // A cold build, bundling included: far longer than the default hook time in a fresh clone on a loaded machine.
  beforeAll(async () => {
    startingNewsroom();
    await build(incremental, true);
  }, 300_000);

  it('rebuild of unchanged content renders nothing, writes nothing and lists no change', async () => {
    const result = await build(incremental, false);
    expect(result.pages.rendered).toBe(0);
    expect(result.files.written).toBe(0);
    expect(result.changes).toEqual({ added: [], changed: [], removed: [] });
  });

  it('a damaged build state is discarded: the next build makes every page again, and the same site', async () => {
    const state = statePath(ROOT, incremental);
    const text = readFileSync(state, 'utf8');
    // One byte of a hash changed: the file still parses, and holds a lie.
    writeFileSync(
      state,
      text.replace(/"hash":"(.)/, (_, c: string) => `"hash":"${c === '0' ? '1' : '0'}`),
    );
    const before = hashTree(incremental);
    const result = await build(incremental, false);
    expect(result.pages.reused).toBe(0);
    expect(result.pages.rendered).toBeGreaterThan(0);
    expect(hashTree(incremental)).toEqual(before);
  });

  it('after any sequence of edits, writes exactly what a cold build writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(EDITS)), fc.nat(20)), { minLength: 1, maxLength: 3 }),
        async (edits) => {
          startingNewsroom();
          await build(incremental, false);
          for (const [name, pick] of edits) {
            EDITS[name]?.(pick, edits.length + pick);
            const result = await build(incremental, false);
            // Made from the site the build before replaced, brought up to date in place.
            expect(result.fromSpare).toBe(true);
            await build(cold, true);
            const tree = hashTree(incremental);
            // The search index, the feeds and the sitemaps are part of what is compared.
            expect(tree['data/search/meta.json']).toBeDefined();
            expect(tree['feeds/index.rss']).toBeDefined();
            expect(tree['sitemap.xml']).toBeDefined();
            expect(tree).toEqual(hashTree(cold));
            // Only what the edit touched was rendered again.
            expect(result.pages.reused).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 6, seed: 13 },
    );
  });
});
