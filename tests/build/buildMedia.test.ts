// @vitest-environment node
/**
 * The build emits media only through readMedia: the bytes it publishes are the checked ones, and a file
 * that stops being an image after the content check fails the build with a problem line, not a stack.
 * (A one-module bundle, so only the content plugin's work is measured here.)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { broadsheetContent } from '../../build/vitePlugin.ts';
import { article } from './articleSource.ts';
import { makeFolder, rasterImages, removeFolder, PLAIN_SVG } from './contentFolder.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach(removeFolder));

const oneModule: Plugin = {
  name: 'one-module',
  resolveId: (id) => (id === 'virtual:entry' ? '\0entry' : undefined),
  load: (id) => (id === '\0entry' ? 'export const entry = 1;' : undefined),
};

async function buildContent(contentDir: string, extra: Plugin[] = []) {
  const saved = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = contentDir;
  try {
    const result = await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      plugins: [oneModule, broadsheetContent(), ...extra],
      build: { write: false, rollupOptions: { input: 'virtual:entry' } },
    });
    return (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
  } finally {
    process.env.CONTENT_DIR = saved;
  }
}

const image = (src: string) => ({ src, alt: 'A picture', width: 1600, height: 900 });
const asset = (output: Rollup.RollupOutput, name: string) =>
  output.output.find((file): file is Rollup.OutputAsset => file.type === 'asset' && file.fileName === name);

describe('build media', { timeout: 60_000 }, () => {
  it('emits the checked bytes of each image and its WebP copies', async () => {
    const { png } = await rasterImages();
    const dir = makeFolder({
      'images/a.png': png,
      'images/b.svg': PLAIN_SVG,
      'articles/a.json': { json: article('a', { image: image('images/a.png') }) },
      'articles/b.json': { json: article('b', { image: image('images/b.svg') }) },
    });
    made.push(dir);
    const output = await buildContent(dir);
    expect(Buffer.from(asset(output, 'media/images/a.png')?.source ?? '').equals(png)).toBe(true);
    expect(asset(output, 'media/images/b.svg')?.source.toString()).toBe(PLAIN_SVG);
    expect(asset(output, 'media/images/a.png.480w.webp')).toBeDefined();
  });

  it('an image that stops being one after the check fails the build with a problem line', async () => {
    const { png } = await rasterImages();
    const dir = makeFolder({
      'images/a.png': png,
      'articles/a.json': { json: article('a', { image: image('images/a.png') }) },
    });
    made.push(dir);
    const swap: Plugin = {
      name: 'swap-after-check',
      buildEnd: () => writeFileSync(join(dir, 'images/a.png'), '<script>alert(1)</script>'),
    };
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(buildContent(dir, [swap])).rejects.toMatchObject({
        message: expect.stringContaining('images/a.png: (root): is not an image: its bytes are text') as string,
      });
      expect(printed.mock.calls.flat()).toContain(
        'images/a.png: (root): is not an image: its bytes are text (it begins "<script>alert(1)</script>"), not JPEG, PNG, WebP, AVIF, GIF or SVG',
      );
    } finally {
      printed.mockRestore();
    }
  });
});
