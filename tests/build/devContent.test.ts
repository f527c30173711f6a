// @vitest-environment node
/**
 * `npm run dev`'s content (build/devContent.ts): a load that throws never takes the server down; the
 * last content that loaded stays served with the failure in the banner's problems, until a load
 * succeeds again. And the folder watch reacts to changes inside the content folder only.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STILL_SERVING, devContent, watchFolders, type DevLogger } from '../../build/devContent.ts';
import { INTERNAL_ERROR_NOTE } from '../../build/failures.ts';
import { loadContent } from '../../build/load.ts';
import type { SiteDocument } from '../../src/model/compiled.ts';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/content-valid');
const scratch = mkdtempSync(join(tmpdir(), 'broadsheet-dev-content-'));
const contentDir = join(scratch, 'content');
cpSync(FIXTURE, contentDir, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function recordingLogger() {
  const lines: string[] = [];
  const logger: DevLogger = {
    info: (message) => lines.push(message),
    warn: (message) => lines.push(message),
    error: (message) => lines.push(...message.split('\n')),
  };
  return { lines, logger };
}

const siteOf = (content: { current: () => { documents: Map<string, string> } }) =>
  JSON.parse(content.current().documents.get('/data/site.json') ?? 'null') as SiteDocument;

/** The loader of the dev server, made to throw the way a broken folder makes it throw on demand. */
function switchableLoader() {
  let broken = false;
  const load = () =>
    Promise.resolve().then(() =>
      // A real file-system error: a file read as a folder (as when a folder the loader lists is a file).
      broken ? (readdirSync(join(contentDir, 'site.json')) as never) : loadContent(contentDir, 'lenient'),
    );
  return { load, setBroken: (value: boolean) => (broken = value) };
}

describe('devContent', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps serving the last content that loaded when loading throws, says so, and recovers', async () => {
    const { lines, logger } = recordingLogger();
    const loader = switchableLoader();
    const content = devContent(loader.load, contentDir, logger);
    await content.ready;
    const good = content.current();
    expect(good.stats.articles).toBe(3);
    expect(siteOf(content).problems).toEqual([]);

    loader.setBroken(true);
    lines.length = 0;
    await content.reload();
    const line = 'site.json: (root): is, or is inside, a file where a folder was expected (ENOTDIR)';
    // The terminal: what went wrong, and that the server goes on; no stack trace.
    expect(lines).toEqual(['', `[content] ${line}`, `[content] ${STILL_SERVING}.`]);
    // The banner: the same line first among the problems; every other document is the last good one.
    expect(siteOf(content).problems).toEqual([`${line} (${STILL_SERVING})`]);
    expect(content.current().stats.articles).toBe(3);
    for (const [path, text] of good.documents) {
      if (path !== '/data/site.json') expect(content.current().documents.get(path)).toBe(text);
    }
    expect(content.current().media).toEqual(good.media);

    loader.setBroken(false);
    writeFileSync(join(contentDir, 'site.json'), JSON.stringify({ name: 'Fixed Times' }));
    await content.reload();
    expect(siteOf(content)).toMatchObject({ name: 'Fixed Times', problems: [] });
    expect(content.current().stats.articles).toBe(3);
  });

  it('starts even when the content has never loaded: an empty site whose banner says why', async () => {
    const { logger } = recordingLogger();
    const content = devContent(
      () => Promise.resolve().then(() => readdirSync(join(contentDir, 'site.json')) as never),
      contentDir,
      logger,
    );
    await content.ready;
    expect(content.current().stats.articles).toBe(0);
    expect(siteOf(content)).toMatchObject({
      problems: [
        `site.json: (root): is, or is inside, a file where a folder was expected (ENOTDIR) (${STILL_SERVING})`,
      ],
    });
  });

  it('a bug in the loader is said to be one, with its stack in the terminal only', async () => {
    const { lines, logger } = recordingLogger();
    const content = devContent(
      () => {
        throw new TypeError('slug is not a function');
      },
      contentDir,
      logger,
    );
    await content.ready;
    expect(siteOf(content).problems).toEqual([
      `the content could not be loaded: slug is not a function (${STILL_SERVING})`,
    ]);
    expect(lines).toContain(INTERNAL_ERROR_NOTE);
    expect(lines.some((l) => /^\s+at /.test(l))).toBe(true);
  });
});

describe('devContent after a failure', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tries again on its own, says the failure once, and reloads the pages only when it has recovered', async () => {
    const { lines, logger } = recordingLogger();
    const loader = switchableLoader();
    const load = vi.fn(loader.load);
    let updates = 0;
    const content = devContent(load, contentDir, logger, {
      retryMs: 1000,
      onUpdate: () => updates++,
    });
    await content.ready;
    loader.setBroken(true);
    await content.reload();
    expect(updates).toBe(1);
    lines.length = 0;
    load.mockClear();
    // No change event comes (the watcher can lose a path that turned into a folder and back)…
    await vi.advanceTimersByTimeAsync(3500);
    expect(load).toHaveBeenCalledTimes(3);
    expect(lines).toEqual([]);
    expect(siteOf(content).problems).toHaveLength(1);
    // …and the fix is seen all the same.
    loader.setBroken(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(siteOf(content).problems).toEqual([]);
    expect(updates).toBe(2);
    // Recovered, it stops trying.
    load.mockClear();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).not.toHaveBeenCalled();
  });

  it('every change reloads the pages, whether it loads or fails', async () => {
    const loader = switchableLoader();
    let updates = 0;
    const content = devContent(loader.load, contentDir, recordingLogger().logger, {
      onUpdate: () => updates++,
    });
    await content.ready;
    loader.setBroken(true);
    await content.reload();
    await content.reload();
    loader.setBroken(false);
    await content.reload();
    await content.reload();
    expect(updates).toBe(4);
  });
});

describe('watchFolders', () => {
  const settleMs = 150;
  const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
  /** A newsroom of its own, watched; `calls()` waits for the events to settle and counts the changes seen. */
  function watched() {
    const root = mkdtempSync(join(scratch, 'watched-'));
    const dir = join(root, 'content');
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(join(root, 'content-old/articles'), { recursive: true });
    const onChange = vi.fn();
    const watch = watchFolders(dir, onChange, settleMs);
    const calls = async () => {
      await pause(settleMs * 4);
      return onChange.mock.calls.length;
    };
    return { root, dir, watch, calls };
  }

  it('recompiles once a burst of changes inside the content folder settles', async () => {
    const { dir, watch, calls } = watched();
    try {
      writeFileSync(join(dir, 'articles/new.json'), '{}');
      writeFileSync(join(dir, 'site.json'), readFileSync(join(dir, 'site.json')));
      rmSync(join(dir, 'articles/new.json'));
      expect(await calls()).toBe(1);
    } finally {
      watch.close();
    }
  });

  it('watches a folder made after it started, and sees an article file turn into a folder and back', async () => {
    const { dir, watch, calls } = watched();
    try {
      mkdirSync(join(dir, 'images/charts'));
      expect(await calls()).toBe(1);
      writeFileSync(join(dir, 'images/charts/seoul.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      expect(await calls()).toBe(2);
      const [article = ''] = readdirSync(join(dir, 'articles'));
      const text = readFileSync(join(dir, 'articles', article));
      rmSync(join(dir, 'articles', article));
      mkdirSync(join(dir, 'articles', article));
      expect(await calls()).toBe(3);
      rmSync(join(dir, 'articles', article), { recursive: true });
      writeFileSync(join(dir, 'articles', article), text);
      expect(await calls()).toBe(4);
      writeFileSync(join(dir, 'articles', article), Buffer.concat([text, Buffer.from(' ')]));
      expect(await calls()).toBe(5);
    } finally {
      watch.close();
    }
  });

  it('ignores sibling folders whose names begin the same, and stops when closed', async () => {
    const { root, dir, watch, calls } = watched();
    writeFileSync(join(root, 'content-old/articles/a.json'), '{}');
    writeFileSync(join(root, 'notes.txt'), 'elsewhere');
    expect(await calls()).toBe(0);
    watch.close();
    writeFileSync(join(dir, 'articles/after.json'), '{}');
    expect(await calls()).toBe(0);
  });
});

describe('a file that was once a folder', () => {
  const until = async (what: string, ok: () => boolean) => {
    for (let waited = 0; !ok(); waited += 20) {
      if (waited > 5_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  };

  it('is looked at on its own from then on, so its edits are seen even if the watcher lost it', async () => {
    const dir = join(scratch, 'polled');
    cpSync(FIXTURE, dir, { recursive: true });
    const site = join(dir, 'site.json');
    const original = JSON.parse(readFileSync(site, 'utf8')) as Record<string, unknown>;
    rmSync(site);
    mkdirSync(site);
    const updates = vi.fn();
    // No watcher at all: only the polling can see what follows.
    const content = devContent(() => loadContent(dir, 'lenient'), dir, recordingLogger().logger, {
      onUpdate: updates,
      retryMs: 60_000,
      pollMs: 20,
    });
    await content.ready;
    expect(siteOf(content).problems.join('\n')).toMatch(/site\.json: \(root\): .*folder/);

    rmSync(site, { recursive: true });
    writeFileSync(site, JSON.stringify({ ...original, name: 'The Fixed Ledger' }));
    await until('the fix', () => siteOf(content).name === 'The Fixed Ledger');
    expect(siteOf(content).problems).toEqual([]);

    writeFileSync(site, JSON.stringify({ ...original, name: 'The Edited Ledger, later' }));
    await until('the next edit', () => siteOf(content).name === 'The Edited Ledger, later');
    expect(updates).toHaveBeenCalled();
  });
});
