// @vitest-environment node
/** Staging the new site against the published one: what is linked, what is written, and what a sync must upload. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFilesInBackground } from '../../build/incremental/listFiles.ts';
import { changesSince, OutputWriter } from '../../build/incremental/outputWriter.ts';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'writer-'));
  made.push(dir);
  return dir;
};

/** A published site of two files, as a first build left it, and the records it kept. */
function publishedSite() {
  const published = folder();
  const first = new OutputWriter(published, join(published, 'none'), undefined);
  first.write('data/a.json', '{"a":1}');
  first.write('index.html', '<p>front</p>');
  return { published, records: Object.fromEntries(first.files) };
}

describe('OutputWriter', () => {
  it('links a file whose bytes are unchanged, and writes one that changed', () => {
    const { published, records } = publishedSite();
    const staging = folder();
    const writer = new OutputWriter(staging, published, records);
    writer.write('data/a.json', '{"a":1}');
    writer.write('index.html', '<p>front, changed</p>');
    expect([writer.reused, writer.written]).toEqual([1, 1]);
    expect(statSync(join(staging, 'data/a.json')).ino).toBe(statSync(join(published, 'data/a.json')).ino);
    expect(statSync(join(staging, 'index.html')).ino).not.toBe(statSync(join(published, 'index.html')).ino);
    expect(readFileSync(join(published, 'index.html'), 'utf8')).toBe('<p>front</p>');
  });

  it('does not trust a published file that was changed since (size or time), and writes it again', () => {
    const { published, records } = publishedSite();
    writeFileSync(join(published, 'data/a.json'), '{"a":2}');
    utimesSync(join(published, 'index.html'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const staging = folder();
    const writer = new OutputWriter(staging, published, records);
    writer.write('data/a.json', '{"a":1}');
    expect(writer.reuse('index.html')).toBe(false);
    expect(readFileSync(join(staging, 'data/a.json'), 'utf8')).toBe('{"a":1}');
    expect(writer.written).toBe(1);
  });

  it('links a file made from the same inputs without being given its bytes, and keeps the inputs it was made from', () => {
    const published = folder();
    const first = new OutputWriter(published, join(published, 'none'), undefined);
    first.write('data/a.json', '{"a":1}', 'inputs-1');
    first.write('data/b.json', '{"b":1}');
    const records = Object.fromEntries(first.files);
    expect(records['data/a.json']?.inputs).toBe('inputs-1');

    const staging = folder();
    const writer = new OutputWriter(staging, published, records);
    expect(writer.reuseMade('data/a.json', 'inputs-2')).toBe(false);
    expect(writer.reuseMade('data/b.json', 'inputs-1')).toBe(false);
    expect(writer.reuseMade('data/a.json', 'inputs-1')).toBe(true);
    expect(statSync(join(staging, 'data/a.json')).ino).toBe(statSync(join(published, 'data/a.json')).ino);
    // Same bytes from other inputs: linked, and remembered with the inputs that made them this time.
    writer.write('data/b.json', '{"b":1}', 'inputs-3');
    expect(writer.files.get('data/b.json')?.inputs).toBe('inputs-3');

    // Not trusted once the published copy changed, whatever the inputs say.
    writeFileSync(join(published, 'data/a.json'), '{"a":2}');
    expect(new OutputWriter(folder(), published, records).reuseMade('data/a.json', 'inputs-1')).toBe(false);
  });

  it('never writes through a link into the published site', () => {
    const { published, records } = publishedSite();
    const staging = folder();
    const writer = new OutputWriter(staging, published, records);
    expect(writer.reuse('index.html')).toBe(true);
    writer.write('index.html', '<p>new</p>');
    expect(readFileSync(join(published, 'index.html'), 'utf8')).toBe('<p>front</p>');
    expect(readFileSync(join(staging, 'index.html'), 'utf8')).toBe('<p>new</p>');
  });
});

describe('OutputWriter bringing a spare up to date', () => {
  /**
   * Two builds, as the site build runs them: the first publishes, the second links from it; then the first's folder
   * (the spare) is brought up to date to what the third build makes.
   */
  function threeBuilds() {
    const first = folder();
    const one = new OutputWriter(first, join(first, 'none'), undefined);
    one.write('index.html', '<p>one</p>');
    one.write('data/a.json', '{"a":1}');
    one.write('data/gone/b.json', '{"b":1}');
    one.write('data/kept.json', '{"kept":1}');
    const second = folder();
    const two = new OutputWriter(second, first, Object.fromEntries(one.files));
    two.write('index.html', '<p>two</p>');
    two.write('data/a.json', '{"a":1}');
    two.write('data/gone/b.json', '{"b":1}');
    two.write('data/kept.json', '{"kept":1}');
    two.write('data/new.json', '{"new":1}');
    const changes = changesSince(Object.fromEntries(one.files), two.files);
    return { spare: first, published: second, records: Object.fromEntries(two.files), changes };
  }

  it('leaves in place what the spare holds as published, replaces the rest, and sweeps what the site no longer has', async () => {
    const { spare, published, records, changes } = threeBuilds();
    expect(changes.changed).toEqual(['index.html']);
    writeFileSync(join(spare, 'stray.txt'), 'put there by hand');
    const listing = await listFilesInBackground(spare);
    expect([...listing.keys()].sort()).toEqual([
      'data/a.json',
      'data/gone/b.json',
      'data/kept.json',
      'index.html',
      'stray.txt',
    ]);
    const writer = new OutputWriter(spare, published, records, { listing, stale: new Set(changes.changed) });
    const inode = statSync(join(spare, 'data/kept.json')).ino;
    writer.write('data/kept.json', '{"kept":1}');
    writer.write('data/a.json', '{"a":2}');
    writer.write('data/new.json', '{"new":1}');
    expect(writer.reuse('index.html')).toBe(true);
    // Kept where it was; the changed file replaced, never written through (the published copy is the same file).
    expect(statSync(join(spare, 'data/kept.json')).ino).toBe(inode);
    expect(readFileSync(join(published, 'data/a.json'), 'utf8')).toBe('{"a":1}');
    expect(readFileSync(join(spare, 'data/a.json'), 'utf8')).toBe('{"a":2}');
    expect(readFileSync(join(spare, 'index.html'), 'utf8')).toBe('<p>two</p>');
    expect(readFileSync(join(spare, 'data/new.json'), 'utf8')).toBe('{"new":1}');
    expect([writer.written, writer.reused]).toEqual([1, 3]);

    expect(writer.sweep(new Set(['articles/x/index.html']))).toBe(2);
    expect(existsSync(join(spare, 'stray.txt'))).toBe(false);
    // The folder the swept file leaves empty goes too.
    expect(existsSync(join(spare, 'data/gone'))).toBe(false);
    expect(existsSync(join(spare, 'data/kept.json'))).toBe(true);
  });

  it('does not trust a spare file changed since it was published (size or time), and replaces it', async () => {
    const { spare, published, records, changes } = threeBuilds();
    writeFileSync(join(published, 'data/kept.json'), '{"kept":2}');
    const listing = await listFilesInBackground(spare);
    const writer = new OutputWriter(spare, published, records, { listing, stale: new Set(changes.changed) });
    writer.write('data/kept.json', '{"kept":1}');
    expect(readFileSync(join(spare, 'data/kept.json'), 'utf8')).toBe('{"kept":1}');
    expect(writer.written).toBe(1);
  });
});

describe('changesSince', () => {
  it('lists the files added, changed and removed, each sorted', () => {
    const record = (hash: string) => ({ hash, size: 1, mtimeMs: 1 });
    const previous = { 'a.html': record('1'), 'b.html': record('2'), 'c.html': record('3') };
    const now = new Map([
      ['b.html', record('2')],
      ['c.html', record('9')],
      ['a/new.html', record('4')],
    ]);
    expect(changesSince(previous, now)).toEqual({ added: ['a/new.html'], changed: ['c.html'], removed: ['a.html'] });
    expect(changesSince(undefined, now).added).toEqual(['a/new.html', 'b.html', 'c.html']);
  });
});
