/**
 * Vite integration of the content compiler.
 * - `npm run dev`: compiles CONTENT_DIR leniently (a bad article is skipped and reported in the
 *   terminal and in the page), serves /data and /media from memory, recompiles on every change. An article's
 *   document is made when it is first asked for (`onDemand`).
 * - `npm run build`: nothing; the site build (siteBuild.ts) compiles strictly with `compileForBuild` and writes
 *   the documents and images itself (writeContent.ts), so the app's bundles are the same for any content.
 */
import { resolve } from 'node:path';
import { parseVariantPath } from '../src/model/images.ts';
import { formatProblem } from '../src/model/problems.ts';
import { ContentError } from './contentError.ts';
import { formatWarning } from './contentFiles.ts';
import { requestsContentFile } from './contentRequests.ts';
import { devContent, documentOf, watchFolders } from './devContent.ts';
import { ParsedArticles } from './incremental/articleCache.ts';
import { FileHashes } from './incremental/fileHashes.ts';
import { DamagedTails } from './incremental/keptStore.ts';
import { loadContent, resolveContentDir, type LoadOptions } from './load.ts';
import { MEDIA_HEADERS, MediaError, readMedia, resizedWebp } from './media.ts';
import { isSameOrInside } from './pathWithin.ts';
import { serveSearchIndex } from './search/searchFiles.ts';
import type { CompileOutput } from './compile.ts';
import type { CompileCaches } from './incremental/compileCaches.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';

/**
 * A strict compile for a build: warnings and every problem printed one a line, then a ContentError. The articles it
 * validated are saved to the cache first, so the build after a fix validates only what changed.
 */
export async function compileForBuild(
  contentDir: string,
  {
    caches,
    ...streams
  }: { caches?: CompileCaches } & Pick<
    LoadOptions,
    'writeDocument' | 'reuseDocument' | 'keptArticles' | 'onArticle'
  > = {},
): Promise<CompileOutput> {
  const output = await loadContent(contentDir, 'strict', {
    articleCache: caches?.articleCache,
    rankingMemo: caches?.rankingMemo,
    fileHashes: caches?.fileHashes,
    ...streams,
  });
  // A compile with problems stops before ranking: what it did not rank is still good for the build after the fix.
  if (output.problems.length === 0) caches?.save();
  else {
    caches?.fileHashes.save();
    caches?.articleCache.save();
  }
  for (const warning of output.warnings) console.warn(formatWarning(warning));
  if (output.problems.length > 0) {
    const lines = output.problems.map(formatProblem);
    for (const line of lines) console.error(line);
    throw new ContentError(lines);
  }
  return output;
}

function serveCompiled(server: ViteDevServer, contentDir: string, current: () => CompileOutput) {
  server.middlewares.use((req, res, next) => {
    if (requestsContentFile(req.url ?? '/', server.config.root, contentDir)) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('The content folder is served only as /data and /media.');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return next();
    }
    const output = current();
    const document = documentOf(output, path);
    if (document !== undefined) {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(document);
      return;
    }
    const variant = path.startsWith('/media/') ? parseVariantPath(path.slice('/media/'.length)) : undefined;
    const src = variant && [...output.media.values()].includes(variant.src) ? variant.src : output.media.get(path);
    if (src !== undefined) {
      // Media are read only through readMedia: inside CONTENT_DIR, and images that are what they claim.
      void readMedia(contentDir, src)
        .then(async (media) => {
          const body = variant ? await resizedWebp(media.bytes, variant.width) : media.bytes;
          for (const [name, value] of Object.entries(MEDIA_HEADERS)) res.setHeader(name, value);
          res.setHeader('Content-Type', variant ? 'image/webp' : media.contentType);
          res.end(body);
        })
        .catch((error: unknown) => {
          if (!(error instanceof MediaError)) return next(error);
          res.statusCode = 404;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(JSON.stringify({ error: error.message }));
        });
      return;
    }
    if (path.startsWith('/data/') || path.startsWith('/media/')) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ error: `not found: ${path}` }));
      return;
    }
    next();
  });
}

/** Dev only: the site build (siteBuild.ts) compiles and writes the content itself, so the bundles never depend on it. */
export function broadsheetContent(): Plugin {
  let contentDir = '';
  return {
    name: 'broadsheet-content',
    apply: 'serve',
    // The content is watched by its folders (watchFolders), not by Vite's watcher, which would watch every file.
    // Unless CONTENT_DIR is, or holds, the project (a mistake the dev server reports): then the app's code is in it.
    config(config) {
      const root = resolve(config.root ?? '.');
      const content = resolveContentDir(root);
      if (isSameOrInside(content, root)) return;
      return { server: { watch: { ignored: [(path: string) => isSameOrInside(content, path)] } } };
    },
    configResolved(config) {
      contentDir = resolveContentDir(config.root);
    },
    async configureServer(server) {
      // The build's cache of validated articles: a warm start validates only the files that changed since, and reads
      // an article's sections only when it is asked for. Documents are made as they are asked for (an article's ranked
      // then), so the build's kept rankings are not touched.
      const articleCache = ParsedArticles.load(server.config.root, { sectionsOnDemand: true });
      const fileHashes = FileHashes.load(server.config.root);
      const load = async () => {
        const output = await loadContent(contentDir, 'lenient', { articleCache, fileHashes, onDemand: true });
        fileHashes.save();
        articleCache.save();
        return output;
      };
      // A load that throws never stops the server: see build/devContent.ts.
      const content = devContent(load, contentDir, server.config.logger, {
        onUpdate: () => server.ws.send({ type: 'full-reload' }),
      });
      await content.ready;
      const watch = watchFolders(contentDir, () => void content.reload());
      server.httpServer?.once('close', watch.close);
      server.middlewares.use(serveSearchIndex(content.current));
      serveCompiled(server, contentDir, content.current);
      // A file of cached sections damaged while the server ran (see DamagedTails): said once, and compiled again.
      server.middlewares.use(
        (error: unknown, _req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          if (!(error instanceof DamagedTails)) return next(error);
          server.config.logger.error(`[content] ${error.message}`);
          void content.reload();
          res.statusCode = 503;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(JSON.stringify({ error: 'the content is being compiled again; reload in a moment' }));
        },
      );
    },
  };
}
