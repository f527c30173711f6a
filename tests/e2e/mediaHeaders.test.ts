/**
 * The deploy headers on the wire, from nginx with deploy/nginx.conf over the built sample newsroom:
 * an image under /media/ opened on its own is a document that nothing can run script in (its own
 * Content Security Policy, `sandbox`, nosniff), which matters for SVG; and the build manifest is not
 * published. The script probe is first shown to run where those headers are missing, so the check
 * that it does not run under them can fail.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from './browser';
import { ARTIFACTS } from './server';
import type { Page } from 'playwright-core';

const base = inject('sampleUrl');
const DIST = join(ARTIFACTS, 'dist-sample');

const PROBE = `__probe-${process.pid}`;

/**
 * An SVG that says so in the console if any of its script runs: inline, as an event handler, or a
 * same-origin file under /media/ (a `.js` an author slipped in among the images, which the site's own
 * `script-src 'self'` would let run).
 */
const SCRIPTED_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
  width="40" height="40" onload="console.log('svg-script-ran: onload')">
  <script>console.log('svg-script-ran: script element')</script>
  <script xlink:href="${PROBE}.js"></script>
  <rect width="40" height="40" fill="teal"/>
</svg>
`;

beforeAll(() => {
  writeFileSync(join(DIST, 'media', `${PROBE}.svg`), SCRIPTED_SVG);
  writeFileSync(join(DIST, 'media', `${PROBE}.js`), "console.log('svg-script-ran: same-origin file');\n");
});
afterAll(() => {
  for (const ext of ['svg', 'js']) rmSync(join(DIST, 'media', `${PROBE}.${ext}`), { force: true });
});

/** The first SVG the build published under media/. */
function publishedSvg(): string {
  const walk = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (entry.name.endsWith('.svg')) return full;
    }
    return undefined;
  };
  const file = walk(join(DIST, 'media'));
  if (!file) throw new Error('the sample build published no SVG under media/');
  return `/${relative(DIST, file).split('\\').join('/')}`;
}

/** Opens `url` as a document and returns what its scripts said in the console once it has loaded. */
async function scriptOutput(page: Page, url: string): Promise<string[]> {
  const said: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith('svg-script-ran')) said.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  // Console events travel from the browser on their own; give any a moment to arrive.
  await page.waitForTimeout(500);
  return said;
}

describe('deploy headers for /media/ (nginx)', () => {
  it('an image opened directly comes with nosniff and a policy that allows no script, sandboxed', async () => {
    const response = await fetch(`${base}${publishedSvg()}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(policy).not.toContain('script-src');
  });

  it('the probe runs where the headers are missing (so the next test can fail)', async () => {
    const { page, context } = await openPage();
    // Beside the probe, so its script file is found (and served by nginx as it is).
    const controlUrl = `${base}/media/${PROBE}-control.svg`;
    await page.route(controlUrl, (route) => route.fulfill({ contentType: 'image/svg+xml', body: SCRIPTED_SVG }));
    expect((await scriptOutput(page, controlUrl)).sort()).toEqual([
      'svg-script-ran: onload',
      'svg-script-ran: same-origin file',
      'svg-script-ran: script element',
    ]);
    await context.close();
  });

  it('a script in an SVG served under /media/ does not run', async () => {
    const { page, context } = await openPage();
    const response = await page.request.get(`${base}/media/${PROBE}.svg`);
    expect(response.status()).toBe(200);
    expect(await scriptOutput(page, `${base}/media/${PROBE}.svg`)).toEqual([]);
    await context.close();
  });

  it('a missing image is a 404, not the app', async () => {
    const response = await fetch(`${base}/media/images/no-such-picture.svg`);
    expect(response.status).toBe(404);
  });
});

describe('the published folder', () => {
  it("holds no build manifest (Vite's .vite/ folder stays out of the output)", () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
    expect(existsSync(join(DIST, '.vite'))).toBe(false);
  });
});
