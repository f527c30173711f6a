/**
 * Content folders made at run time, for what a checked-in fixture cannot hold: symbolic links (in and
 * out of the folder), a folder where a file belongs, a pipe, bytes that are not UTF-8, images made by sharp.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll } from 'vitest';

export type Entry = string | Uint8Array | { json: unknown } | { folder: true } | { symlink: string } | { fifo: true };

/** Makes `files` (paths relative to the folder, `/`-separated) under a fresh temporary folder. */
export function makeFolder(files: Record<string, Entry>, into?: string): string {
  const dir = into ?? mkdtempSync(join(tmpdir(), 'broadsheet-content-'));
  for (const [path, entry] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof entry === 'string' || entry instanceof Uint8Array) writeFileSync(full, entry);
    else if ('json' in entry) writeFileSync(full, JSON.stringify(entry.json, null, 2));
    else if ('folder' in entry) mkdirSync(full, { recursive: true });
    else if ('symlink' in entry) symlinkSync(entry.symlink, full);
    else if (spawnSync('mkfifo', [full]).status !== 0) throw new Error(`mkfifo ${full} failed`);
  }
  return dir;
}

export const removeFolder = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** `makeFolder` for one test file: every folder it makes is removed once the file's tests are done. */
export function foldersOfThisFile(): typeof makeFolder {
  const made: string[] = [];
  afterAll(() => made.forEach(removeFolder));
  return (files, into) => {
    const dir = makeFolder(files, into);
    made.push(dir);
    return dir;
  };
}

const pixels = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#3a6ea5' } });

/** Small real images of every supported raster type, made by sharp. */
export async function rasterImages() {
  return {
    png: await pixels().png().toBuffer(),
    jpeg: await pixels().jpeg().toBuffer(),
    webp: await pixels().webp().toBuffer(),
    avif: await pixels().avif().toBuffer(),
    gif: await pixels().gif().toBuffer(),
  };
}

export const PLAIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6" viewBox="0 0 8 6"><rect width="8" height="6" fill="#456"/></svg>';
