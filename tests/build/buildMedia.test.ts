// @vitest-environment node
/**
 * The build writes media only through readMedia: the bytes it publishes are the checked ones, and a file that stops
 * being an image after the content check fails the build with a problem line, not a stack. An unchanged image is
 * linked from the published site, not made again.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OutputWriter } from '../../build/incremental/outputWriter.ts';
import { loadContent } from '../../build/load.ts';
import { writeMedia } from '../../build/writeContent.ts';
import { article } from './articleSource.ts';
import { makeFolder, rasterImages, removeFolder, PLAIN_SVG } from './contentFolder.ts';

const made: string[] = [];
afterAll(() => made.forEach(removeFolder));
const temporary = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

const image = (src: string) => ({ src, alt: 'A picture', width: 1600, height: 900 });

async function contentWithImages() {
  const { png } = await rasterImages();
  const dir = makeFolder({
    'images/a.png': png,
    'images/b.svg': PLAIN_SVG,
    'articles/a.json': { json: article('a', { image: image('images/a.png') }) },
    'articles/b.json': { json: article('b', { image: image('images/b.svg') }) },
  });
  made.push(dir);
  return { dir, png, output: await loadContent(dir, 'strict') };
}

describe('build media', { timeout: 60_000 }, () => {
  it('writes the checked bytes of each image and its WebP copies', async () => {
    const { dir, png, output } = await contentWithImages();
    const staging = temporary('media-');
    const writer = new OutputWriter(staging, join(staging, '..', 'none'), undefined);
    const hashes = await writeMedia(output.media, dir, writer, undefined);
    expect(readFileSync(join(staging, 'media/images/a.png')).equals(png)).toBe(true);
    expect(readFileSync(join(staging, 'media/images/b.svg'), 'utf8')).toBe(PLAIN_SVG);
    expect(statSync(join(staging, 'media/images/a.png.480w.webp')).size).toBeGreaterThan(0);
    expect(Object.keys(hashes).sort()).toEqual(['images/a.png', 'images/b.svg']);
  });

  it('links an unchanged image and its copies from the published site', async () => {
    const { dir, output } = await contentWithImages();
    const published = temporary('published-');
    const first = new OutputWriter(published, join(published, '..', 'none'), undefined);
    const hashes = await writeMedia(output.media, dir, first, undefined);
    const staging = temporary('staging-');
    const second = new OutputWriter(staging, published, Object.fromEntries(first.files));
    await writeMedia(output.media, dir, second, hashes);
    expect(second.written).toBe(0);
    expect(second.reused).toBe(first.files.size);
    expect(statSync(join(staging, 'media/images/a.png.960w.webp')).ino).toBe(
      statSync(join(published, 'media/images/a.png.960w.webp')).ino,
    );
  });

  it('an image that stops being one after the check fails the build with a problem line', async () => {
    const { dir, output } = await contentWithImages();
    writeFileSync(join(dir, 'images/a.png'), '<script>alert(1)</script>');
    const staging = temporary('swapped-');
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const writing = writeMedia(
        output.media,
        dir,
        new OutputWriter(staging, join(staging, 'none'), undefined),
        undefined,
      );
      await expect(writing).rejects.toMatchObject({
        name: 'ContentError',
        message: expect.stringContaining('images/a.png: (root): is not an image: its bytes are text') as string,
      });
      expect(printed.mock.calls.flat()).toContain(
        'images/a.png: (root): is not an image: its bytes are text (it begins "<script>alert(1)</script>"), not JPEG, PNG, WebP, AVIF, GIF or SVG',
      );
    } finally {
      printed.mockRestore();
      rmSync(staging, { recursive: true, force: true });
    }
  });
});
