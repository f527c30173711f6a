// @vitest-environment node
/**
 * The dev server serves media only through readMedia: an image that escapes CONTENT_DIR or is not an
 * image is never sent, even when a file changes after the content was compiled, and what is sent
 * carries its sniffed type and headers that forbid script. The content folder here lies inside Vite's
 * root, as the default content/ does, where Vite itself would otherwise serve its files as they are.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadsheetContent } from '../../build/vitePlugin.ts';
import { article } from './articleSource.ts';
import { makeFolder, rasterImages, removeFolder } from './contentFolder.ts';

const image = (src: string) => ({ src, alt: 'A picture', width: 8, height: 6 });
const ROOT = resolve(import.meta.dirname, '../..');
const SECRET = 'secret-outside-the-content-folder';
let vite: ViteDevServer;
let http: Server;
let base = '';
let dir = '';
let outside = '';
let png: Buffer;

beforeAll(async () => {
  png = (await rasterImages()).png;
  outside = makeFolder({ 'secret.svg': `<svg xmlns="http://www.w3.org/2000/svg"><title>${SECRET}</title></svg>` });
  dir = makeFolder(
    {
      'images/ok.png': png,
      'images/later.png': png,
      'images/secret.svg': { symlink: join(outside, 'secret.svg') },
      'articles/a.json': { json: article('a', { image: image('images/ok.png') }) },
      'articles/b.json': { json: article('b', { image: image('images/secret.svg') }) },
      'articles/c.json': { json: article('c', { image: image('images/later.png') }) },
    },
    mkdtempSync(join(ROOT, 'tests/fixtures/.dev-media-')),
  );
  const saved = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = dir;
  try {
    vite = await createServer({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      plugins: [broadsheetContent()],
      server: { middlewareMode: true, hmr: false, watch: null },
    });
  } finally {
    process.env.CONTENT_DIR = saved;
  }
  http = createHttpServer(vite.middlewares);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const address = http.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  await new Promise((done) => http.close(done));
  await vite.close();
  [dir, outside].forEach(removeFolder);
});

describe('dev server media', { timeout: 30_000 }, () => {
  it('serves an image with its sniffed type, nosniff and a policy that forbids script', async () => {
    const response = await fetch(`${base}/media/images/ok.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('serves the resized WebP copies from the same checked bytes', async () => {
    const response = await fetch(`${base}/media/images/ok.png.480w.webp`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
  });

  it('never serves a file outside CONTENT_DIR', async () => {
    const response = await fetch(`${base}/media/images/secret.svg`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<svg');
  });

  it('checks the bytes it serves: a file that stopped being an image after compiling is refused', async () => {
    expect((await fetch(`${base}/media/images/later.png`)).status).toBe(200);
    writeFileSync(join(dir, 'images/later.png'), '<html><script>alert(document.domain)</script></html>');
    const response = await fetch(`${base}/media/images/later.png`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: string }).error).toMatch(
      /^image file "images\/later\.png" is not an image: its bytes are text/,
    );
  });

  it("never serves the content folder's files as they are, however the URL is spelled", async () => {
    const inRoot = `/${relative(ROOT, dir)}`;
    for (const url of [
      `${inRoot}/images/secret.svg`,
      `${inRoot}/images/secret.svg?raw`,
      `${inRoot}/images/secret.svg?import`,
      `${inRoot}/articles/a.json`,
      `/tests/x/..${inRoot.slice('/tests'.length)}/images/secret.svg`,
      `${inRoot.replace('fixtures', 'fixtures/%2e')}/images/secret.svg`,
      `/@fs${dir}/images/secret.svg`,
    ]) {
      const response = await fetch(`${base}${url}`);
      expect([url, response.status]).toEqual([url, 404]);
      expect(await response.text()).not.toContain(SECRET);
    }
  });
});
