/**
 * `npm run dev` over a content folder that breaks under it: the real Vite dev server on 127.0.0.1 over
 * a copy of the sample newsroom. When loading the content fails (here `site.json` becomes a folder),
 * the server keeps running and serving the content it had, the problem shows in the terminal (one
 * line, no stack trace) and in the banner on the page, and everything recovers once the file is back,
 * edits after that included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openPage } from './browser';
import { freePort, ROOT } from './server';
import type { SiteDocument } from '../../src/model/compiled.ts';

const LEAD_ID = 'lavrov-warns-us-south-korea-japan-against-alliance-targeting-north-korea';

const scratch = mkdtempSync(join(tmpdir(), 'broadsheet-dev-server-'));
const contentDir = join(scratch, 'content');
const siteJson = join(contentDir, 'site.json');
const originalSite = readFileSync(join(ROOT, 'content/site.json'), 'utf8');

let vite: ChildProcess | undefined;
let terminal = '';
let base = '';

async function site(): Promise<SiteDocument | undefined> {
  try {
    const response = await fetch(`${base}/data/site.json`);
    return response.ok ? ((await response.json()) as SiteDocument) : undefined;
  } catch {
    return undefined;
  }
}

/** Polls the served site document until `ok` holds for it. */
async function siteWhen(what: string, ok: (site: SiteDocument) => boolean, timeoutMs = 30_000): Promise<SiteDocument> {
  const deadline = Date.now() + timeoutMs;
  let last: SiteDocument | undefined;
  while (Date.now() < deadline) {
    if (vite?.exitCode !== null) throw new Error(`the dev server exited:\n${terminal}`);
    last = await site();
    if (last && ok(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}; last site.json: ${JSON.stringify(last?.problems)}\n${terminal}`);
}

/** How many articles the dev server serves: the front page's list counts them. */
async function articlesServed(): Promise<number> {
  const index = (await (await fetch(`${base}/data/index/1.json`)).json()) as { total: number };
  return index.total;
}

beforeAll(async () => {
  cpSync(join(ROOT, 'content'), contentDir, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  vite = spawn(join(ROOT, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, NODE_ENV: 'development' },
  });
  vite.stdout?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  vite.stderr?.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
  await siteWhen('the dev server', (s) => s.sections.length === 7);
  expect(await articlesServed()).toBe(30);
}, 60_000);

afterAll(async () => {
  if (vite && vite.exitCode === null) {
    const exited = new Promise((done) => vite?.once('exit', done));
    vite.kill('SIGTERM');
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run dev when the content cannot be loaded', () => {
  let broken: SiteDocument;
  let terminalBefore = 0;

  it('keeps running and serving the content it had, and says what is wrong in the terminal', async () => {
    terminalBefore = terminal.length;
    rmSync(siteJson);
    mkdirSync(siteJson);
    broken = await siteWhen('the problem to be reported', (s) => s.problems.length > 0);
    expect(broken.problems.join('\n')).toMatch(/folder/);
    expect(await articlesServed()).toBe(30);
    expect((await fetch(`${base}/data/articles/${LEAD_ID}.json`)).status).toBe(200);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const said = terminal.slice(terminalBefore);
    // The loader reports it as a problem line (file, path, message), and the server goes on.
    expect(said).toMatch(/site\.json: \(root\): .*folder/);
    expect(said.split('\n').filter((line) => /^\s+at /.test(line))).toEqual([]);
    expect(vite?.exitCode).toBeNull();
  }, 60_000);

  it('shows the problem in the banner on the page', async () => {
    expect(broken).toBeDefined();
    const { page, context } = await openPage();
    await openApp(page, `${base}/`);
    const banner = page.getByRole('region', { name: /content problem/ });
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain(broken.problems[0]);
    // The newsroom it had is still there under the banner.
    expect(await page.getByRole('heading', { level: 1 }).first().isVisible()).toBe(true);
    await context.close();
  }, 90_000);

  it('recovers once the file is fixed', async () => {
    expect(broken).toBeDefined();
    rmSync(siteJson, { recursive: true });
    writeFileSync(siteJson, originalSite);
    const fixed = await siteWhen('recovery', (s) => s.problems.length === 0);
    expect(fixed.name).toBe((JSON.parse(originalSite) as { name: string }).name);
    expect(await articlesServed()).toBe(30);
    expect(vite?.exitCode).toBeNull();
  }, 60_000);

  // A file watcher can lose a file that was a folder for a while (chokidar did); the dev server polls such a file
  // from then on (build/devContent.ts, pollTroubled), so this edit is seen either way.
  it('still sees the next edit after that', async () => {
    writeFileSync(siteJson, JSON.stringify({ ...(JSON.parse(originalSite) as object), name: 'The Edited Ledger' }));
    await siteWhen('the next edit', (s) => s.name === 'The Edited Ledger', 15_000);
  }, 60_000);
});
