/**
 * The static site build: the app's bundles, the content's documents and images, then every page prerendered to
 * HTML with the same React components (hydrated in the browser), written to a staging folder that replaces `outDir`
 * only when everything succeeded, so a failed build leaves the earlier site as it was. What may be replaced, the
 * lock, the swap and the clean-up on a stop signal are build/outputFolder.ts's.
 *
 * Incremental by default: the bundles are kept per version of the code (incremental/bundles.ts); a document or
 * image the published site already holds unchanged is linked, not written; a page is rendered again only when a
 * document it read changed (incremental/buildState.ts). The result is the same bytes a cold build writes (`full`).
 * Each build also lists the files it added, changed and removed (`<outDir>.changes.json`), for a deploy to sync.
 *
 * Prerendered: `/`, each article, and the first page of each tag, author and section. Everything else (filters,
 * later pages, aliases, unknown URLs) is rendered in the browser from `app-shell.html`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { dataPath } from '../src/model/paths.ts';
import { stateElementTag } from '../src/model/prerender.ts';
import { buildClock } from './buildClock.ts';
import { forgetState, readState, statePath, writeState } from './incremental/buildState.ts';
import { appBundles } from './incremental/bundles.ts';
import { codeKey } from './incremental/codeKey.ts';
import { CompileCaches } from './incremental/compileCaches.ts';
import { listFilesInBackground } from './incremental/listFiles.ts';
import { changesSince, OutputWriter, type Changes } from './incremental/outputWriter.ts';
import { resolveContentDir } from './load.ts';
import { keepManifest, manifestCopyPath, prepareOutput, SPARE_MARKER } from './outputFolder.ts';
import { expectedCounts, prerenderPages, type PrerenderCounts } from './prerender.ts';
import { prerenderPool } from './prerenderPool.ts';
import { BackgroundSearchIndex } from './search/backgroundIndex.ts';
import { writeSearchIndex } from './search/searchFiles.ts';
import { siteOriginFrom } from './siteOrigin.ts';
import { writeSyndication } from './syndication.ts';
import { compileForBuild } from './vitePlugin.ts';
import { writeMedia } from './writeContent.ts';
import type { LogLevel } from 'vite';

const SHELL_FILE = 'app-shell.html';

export interface SiteBuildOptions {
  root: string;
  outDir: string;
  logLevel?: LogLevel;
  /** Reuse nothing of an earlier build (the bundles of the same code excepted, unless `rebundle`). */
  full?: boolean;
  /** Bundle the app again even when the code is unchanged. */
  rebundle?: boolean;
  /** Told what the build wrote besides the pages (feeds and sitemaps, or why they were skipped), one line. */
  report?: (line: string) => void;
}

export interface SiteBuildResult {
  /** Pages prerendered, of each count: rendered now, and reused unchanged from the last build. */
  pages: { rendered: number; reused: number };
  /** Files of the site written now, and linked unchanged from the published site. */
  files: { written: number; reused: number };
  changes: Changes;
  /** Where the list of changes was written. */
  changesFile: string;
  bundled: boolean;
  /** Whether the site was made by bringing the spare (the site the last build replaced) up to date. */
  fromSpare: boolean;
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

/** The file a prerendered page is written to, relative to the site: `index.html`, `articles/a/index.html`. */
const pageFile = (url: string) => (url === '/' ? 'index.html' : `${decodeURIComponent(url).slice(1)}/index.html`);

/** Every file under `folder`, relative, with forward slashes. */
function* filesIn(folder: string, under = ''): Generator<string> {
  for (const entry of readdirSync(join(folder, under), { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* filesIn(folder, path);
    else yield path;
  }
}

export async function buildSite({
  root,
  outDir,
  logLevel = 'warn',
  full = false,
  rebundle = false,
  report,
}: SiteBuildOptions): Promise<SiteBuildResult> {
  // Read first, so a bad setting is refused before anything is built.
  const now = buildClock();
  const origin = siteOriginFrom(process.env.SITE_URL);
  const contentDir = resolveContentDir(root);
  const output = prepareOutput({
    root,
    outDir,
    contentDir,
    marker: SHELL_FILE,
    // The server bundle leaves its dependencies external, so it must sit where node_modules resolves.
    cacheRoot: resolve(root, 'node_modules/.cache'),
    removeOldSiteInBackground: true,
  });
  const { staging, target } = output;
  // Started first: its thread loads the search memo while this one reads the state and the caches.
  const search = new BackgroundSearchIndex({ root, read: !full });
  try {
    // Until the content is compiled this thread is seldom free to answer a stop signal (all of it is synchronous but
    // the waits), so a signal ends the build at once; nothing has been published, and the next build tidies up.
    output.stopAtOnce();
    const key = codeKey(root);
    const stateFile = statePath(root, target);
    // The spare (the site the last build replaced) is listed on the second core while this one reads the state and
    // loads the caches; a full build uses none.
    const spareFolder = !full && lstatSync(output.spare, { throwIfNoEntry: false })?.isDirectory() === true;
    const spareListing = spareFolder ? listFilesInBackground(output.spare) : undefined;
    const previous = full ? undefined : readState(stateFile);
    // A page or an image is made by the code as well as the content: reused only from a build of the same code.
    const sameCode = previous?.codeKey === key;
    const caches = CompileCaches.load(root, { read: !full });
    // The spare, brought up to date in place when the state says which one it is: then only what changed is
    // written, and nothing is linked (at 100,000 articles, 360,000 links and 130,000 folders). Otherwise the staging
    // folder starts empty, and what is unchanged is linked from the published site.
    const listing = await spareListing?.catch(() => undefined);
    const taken = output.takeSpare(listing && previous?.spare?.token);
    const spare = taken && listing && previous?.spare ? { listing, stale: new Set(previous.spare.changed) } : undefined;
    listing?.delete(SPARE_MARKER);
    const writer = new OutputWriter(staging, target, previous?.files, spare);
    // The content first: a problem fails the build before anything is bundled. Each document goes to the staging
    // folder as soon as it is made (linked when unchanged), so the compile never holds the whole output.
    // The search index takes each article as it is compiled (on another thread), so nothing is read back to index it.
    const compiled = await compileForBuild(contentDir, {
      caches,
      writeDocument: (path, text, inputs) => writer.write(path.slice(1), text, inputs),
      // Inputs say what a document was made from, not how: trusted only from a build of the same code.
      reuseDocument: sameCode ? (path, inputs) => writer.reuseMade(path.slice(1), inputs) : undefined,
      keptArticles:
        sameCode && previous.corpus
          ? { previous: previous.corpus, keep: (path) => writer.reuse(path.slice(1)) }
          : undefined,
      onArticle: (article, hash, kept) => search.add(article, hash, kept),
    });
    output.stopCleanly();
    const { pages } = compiled;
    const { articleCache, fileHashes } = caches;
    report?.(
      `Articles: ${articleCache.hits} from the cache (${fileHashes.hits} files unchanged since last read; the text of ` +
        `${articleCache.sectionShardsRead} of 256 shards read), ${articleCache.misses} validated; ` +
        `${compiled.articlesKept ?? 0} of ${compiled.stats.articles} articles' documents kept without being made again`,
    );
    const expected = expectedCounts(compiled.stats);
    const bundles = await appBundles(root, key, logLevel, { force: rebundle });
    // Until the new state is written, a build that fails or is stopped leaves none: the next one starts cold.
    forgetState(stateFile);

    // Not copied: the manifest (kept outside), the page template (the pages are written from it), and robots.txt
    // when the syndication step writes it with the sitemap's address.
    const manifestFile = join('.vite', 'manifest.json');
    const notCopied = new Set([manifestFile, 'index.html', ...(origin ? ['robots.txt'] : [])]);
    for (const file of filesIn(bundles.client)) {
      if (!notCopied.has(file)) writer.write(file, readFileSync(join(bundles.client, file)));
    }
    const manifestText = readFileSync(join(bundles.client, manifestFile), 'utf8');
    // Not published (it maps source files to chunks); the size checks read the copy kept outside.
    keepManifest(manifestText, manifestCopyPath(root, target));
    const template = readFileSync(join(bundles.client, 'index.html'), 'utf8');
    writer.write(
      SHELL_FILE,
      template.replace('</head>', `${modulePreloads(JSON.parse(manifestText) as Manifest, 'src/app.tsx')}</head>`),
    );

    const media = await writeMedia(compiled.media, contentDir, writer, sameCode ? previous.media : undefined);
    const readDocument = (path: string) =>
      path.startsWith('/data/')
        ? readFile(join(staging, path), 'utf8').catch(() => undefined)
        : Promise.resolve(undefined);
    const robots = join(bundles.client, 'robots.txt');
    // Run whether or not a report is wanted (an optional call would skip evaluating its argument).
    const syndication = await writeSyndication({
      pages,
      readDocument,
      origin,
      now,
      robots: existsSync(robots) ? readFileSync(robots, 'utf8') : undefined,
      write: (path, text, inputs) => writer.write(path.slice(1), text, inputs),
      documentHash: (id) => writer.hashOf(decodeURIComponent(dataPath.article(id)).slice(1)),
      // Inputs say what a feed was made from, not how: trusted only from a build of the same code.
      reuse: sameCode ? (path, inputs) => writer.reuseMade(path.slice(1), inputs) : undefined,
    });
    report?.(syndication);
    const indexed = await writeSearchIndex(search, writer);
    report?.(indexed);

    // What the spare holds that the new site does not, gone before a page is rendered (no page reads an old document).
    if (spare) {
      const kinds = Object.values(pages) as string[][];
      writer.sweep(new Set(kinds.flatMap((urls) => urls.map(pageFile))));
    }

    const pool = prerenderPool(join(bundles.server, 'entry-server.js'), staging);
    const dependencies: Record<string, string[]> = {};
    const unchanged = (url: string) => {
      const file = pageFile(url);
      const read = previous?.pages[file];
      if (!sameCode || !read || !read.every((dep) => previous.files[dep]?.hash === writer.hashOf(dep))) return false;
      if (!writer.reuse(file)) return false;
      dependencies[file] = read;
      return true;
    };
    let rendered: PrerenderCounts;
    try {
      rendered = await prerenderPages(
        pages,
        expected,
        async (url) => {
          const { page, read } = await pool.render(url);
          dependencies[pageFile(url)] = read;
          return page;
        },
        (url, page) => writer.write(pageFile(url), pageHtml(template, url, page.head, page.body, page.state)),
        // Two pages a worker: one renders while the other waits for its documents.
        { reuse: unchanged, concurrency: pool.size * 2 },
      );
    } finally {
      await pool.close();
    }

    const changes = changesSince(previous?.files, writer.files);
    const changesFile = `${target}.changes.json`;
    // The replaced site is kept only when it is known file by file: it is the site the last build's state describes.
    const nextSpare = previous ? { token: randomUUID(), changed: changes.changed } : undefined;
    output.publish(nextSpare?.token);
    writeState(stateFile, {
      version: 1,
      codeKey: key,
      files: Object.fromEntries(writer.files),
      pages: dependencies,
      media,
      ...(compiled.corpusSummary && { corpus: compiled.corpusSummary }),
      ...(nextSpare && { spare: nextSpare }),
    });
    writeFileSync(changesFile, `${JSON.stringify(changes, null, 1)}\n`);
    await search.memoSaved();
    return {
      pages: { rendered: rendered.rendered, reused: rendered.reused },
      files: { written: writer.written, reused: writer.reused },
      changes,
      changesFile,
      bundled: bundles.built,
      fromSpare: spare !== undefined,
    };
  } finally {
    await search.close();
    output.dispose();
  }
}
