/**
 * The static site build: the client bundle, then every page prerendered to HTML with the same
 * React components (hydrated in the browser), written to a staging folder that replaces `outDir`
 * only when everything succeeded, so a failed build leaves the earlier site as it was. What may be
 * replaced, the lock, the swap and the clean-up on a stop signal are build/outputFolder.ts's.
 *
 * Prerendered: `/`, each article, and the first page of each tag and author. Everything else
 * (filters, later pages, aliases, unknown URLs) is rendered in the browser from `app-shell.html`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type LogLevel } from 'vite';
import { serializeState, stateElementTag, type RenderPage } from '../src/model/prerender.ts';
import { buildClock } from './buildClock.ts';
import { resolveContentDir } from './load.ts';
import { manifestCopyPath, prepareOutput, takeManifest } from './outputFolder.ts';
import { expectedCounts, prerenderPages } from './prerender.ts';
import { siteOriginFrom } from './siteOrigin.ts';
import { writeSyndication } from './syndication.ts';
import { compileForBuild, type CompiledContent } from './vitePlugin.ts';

const SHELL_FILE = 'app-shell.html';

/** Server bundles imported by this process so far. */
let serverBuilds = 0;

export interface SiteBuildOptions {
  root: string;
  outDir: string;
  logLevel?: LogLevel;
  /** Told what the build wrote besides the pages (feeds and sitemaps, or why they were skipped), one line. */
  report?: (line: string) => void;
}

/**
 * Compiles the content once, strictly (a problem is printed and fails the build before anything is written). The
 * documents go to the plugin, which writes and then lets go of them; the build keeps only the page list.
 */
async function compileOnce(root: string) {
  const output = await compileForBuild(resolveContentDir(root));
  const content: CompiledContent = { output };
  return { content, pages: output.pages, expected: expectedCounts(output.stats) };
}

type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

/**
 * `<link rel="modulepreload">` for a module and its static imports. Only the app shell uses it: it starts the app
 * at once, and this saves it the round trip from the boot script to the app. A prerendered page asks for no code
 * up front; its app starts when the reader interacts (src/main.tsx).
 */
function modulePreloads(manifest: Manifest, key: string): string {
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (!chunk || chunk.isEntry || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(visit);
  };
  visit(key);
  if (files.size === 0) throw new Error(`build manifest has no chunk for ${key}`);
  return [...files].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('');
}

/** Marks the prerendered head tags, which the browser replaces with React's own when it starts. */
const markPrerendered = (head: string) => head.replace(/<(title|meta|link)(?=[ >])/g, '<$1 data-prerendered=""');

/** The template with the page put in. (Replacements are functions: a string would expand `$&` and the like in the text.) */
export function pageHtml(template: string, url: string, head: string, body: string, state: string): string {
  return template
    .replace('</head>', () => `${markPrerendered(head)}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${body}</div>${stateElementTag(url)}${state}</script>`);
}

export async function buildSite({ root, outDir, logLevel = 'warn', report }: SiteBuildOptions): Promise<number> {
  // Read first, so a bad setting is refused before anything is built.
  const now = buildClock();
  const origin = siteOriginFrom(process.env.SITE_URL);
  const output = prepareOutput({
    root,
    outDir,
    contentDir: resolveContentDir(root),
    marker: SHELL_FILE,
    // The server bundle leaves its dependencies external, so it must sit where node_modules resolves.
    cacheRoot: resolve(root, 'node_modules/.cache'),
  });
  // A folder of its own for each build's server bundle: Node caches modules by URL, and a second build in the same
  // process (the browser tests build two sites, one with SITE_URL) would otherwise prerender with the first's.
  const { staging } = output;
  const server = join(output.cache, `server-${++serverBuilds}`);
  // Always a production bundle, even when a test runner has set NODE_ENV=test.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { content, pages, expected } = await compileOnce(root);
    await build({
      root,
      logLevel,
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
      broadsheetContent: content,
    });
    await build({
      root,
      logLevel,
      mode: 'production',
      build: { ssr: 'src/entry-server.tsx', outDir: server, emptyOutDir: true, manifest: false, copyPublicDir: false },
    });
    const { renderPage } = (await import(pathToFileURL(join(server, 'entry-server.js')).href)) as {
      renderPage: RenderPage;
    };

    const template = readFileSync(join(staging, 'index.html'), 'utf8');
    // Not published (it maps source files to chunks); the size checks read the copy kept outside.
    const manifest = JSON.parse(takeManifest(staging, manifestCopyPath(root, output.target))) as Manifest;
    writeFileSync(
      join(staging, SHELL_FILE),
      template.replace('</head>', `${modulePreloads(manifest, 'src/app.tsx')}</head>`),
    );
    const readDocument = (path: string) =>
      path.startsWith('/data/')
        ? readFile(join(staging, path), 'utf8').catch(() => undefined)
        : Promise.resolve(undefined);

    const syndication = await writeSyndication({ siteDir: staging, pages, readDocument, origin, now });
    report?.(syndication);

    const rendered = await prerenderPages(
      pages,
      expected,
      (url) => renderPage(url, readDocument),
      (url, page) => {
        const file = url === '/' ? join(staging, 'index.html') : join(staging, decodeURIComponent(url), 'index.html');
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, pageHtml(template, url, page.head, page.body, serializeState(page.state)));
      },
    );

    output.publish();
    return rendered.front + rendered.article + rendered.tag + rendered.author;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    output.dispose();
  }
}
