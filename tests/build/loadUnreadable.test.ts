// @vitest-environment node
/**
 * Unreadable files. Tests run as root in CI, where chmod 000 does not stop a read, so the read errors are
 * injected here (loadFolder.test.ts also tries a real chmod 000 when not root). Every one is a line.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../build/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';
import { makeFolder, removeFolder } from './contentFolder.ts';

// Paths ending in one of these cannot be read or listed (vi.hoisted: the mocks below are hoisted above imports).
const unreadable = vi.hoisted(() => ({ endings: [] as string[] }));
const locked = (path: unknown) => unreadable.endings.some((ending) => String(path).endsWith(ending));
const denied = (path: unknown) =>
  Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: []) => {
    if (locked(path)) throw denied(path);
    return fs.readFileSync(path, ...rest);
  }) as typeof fs.readFileSync;
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], ...rest: []) => {
    if (locked(path)) throw denied(path);
    return fs.readdirSync(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, readFileSync, readdirSync, default: { ...fs, readFileSync, readdirSync } };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open = ((path: Parameters<typeof fs.open>[0], ...rest: []) =>
    locked(path) ? Promise.reject(denied(path)) : fs.open(path, ...rest)) as typeof fs.open;
  return { ...fs, open, default: { ...fs, open } };
});

const made: string[] = [];
afterAll(() => made.forEach(removeFolder));

describe('unreadable files (read errors injected)', () => {
  it('an unreadable article, site.json and image are lines naming them; the rest compiles in dev', async () => {
    const dir = makeFolder({
      'site.json': '{}',
      'articles/a-good.json': { json: article('good') },
      'articles/locked.json': { json: article('locked') },
      'articles/b.json': {
        json: article('b', { image: { src: 'images/locked.png', alt: 'A picture', width: 8, height: 6 } }),
      },
      'images/locked.png': 'unread',
    });
    made.push(dir);
    unreadable.endings = ['/site.json', '/locked.json', '/locked.png'];
    const output = await loadContent(dir, 'strict');
    expect(output.problems.map(formatProblem)).toEqual([
      'site.json: (root): cannot be read (permission denied)',
      'articles/locked.json: (root): cannot be read (permission denied)',
      'articles/b.json: image.src: image file "images/locked.png" cannot be read (permission denied)',
    ]);
    const dev = await loadContent(dir, 'lenient');
    expect(dev.documents.has('/data/articles/good.json')).toBe(true);
    expect(dev.documents.has('/data/articles/b.json')).toBe(false);
  });

  it('an articles folder that cannot be listed is a line, not an empty newsroom', async () => {
    const dir = makeFolder({ 'articles/a.json': { json: article('a') } });
    made.push(dir);
    unreadable.endings = ['/articles'];
    expect((await loadContent(dir, 'strict')).problems.map(formatProblem)).toEqual([
      'articles: (root): cannot be listed (permission denied)',
    ]);
  });
});
