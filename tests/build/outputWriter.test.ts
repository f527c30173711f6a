// @vitest-environment node
/** Staging the new site against the published one: what is linked, what is written, and what a sync must upload. */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
