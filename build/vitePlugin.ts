/**
 * Vite integration of the content compiler.
 * - `npm run dev`: compiles CONTENT_DIR leniently (a bad article is skipped and reported in the
 *   terminal and in the page), serves /data and /media from memory, recompiles on every change.
 * - `npm run build`: the site build (siteBuild.ts) compiles strictly once, prints every problem and fails, or
 *   hands the compile to this plugin through the inline config (`broadsheetContent`); a bare `vite build`
 *   compiles here instead. The plugin emits the images into the bundle and writes the documents straight
 *   into the output folder once the bundle is written (see writeBundle).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { RESPONSIVE_WIDTHS, isResponsive, parseVariantPath, variantPath } from '../src/model/images.ts';
import { mediaUrl } from '../src/model/paths.ts';
import { formatProblem } from '../src/model/problems.ts';
import { formatWarning } from './contentFiles.ts';
import { requestsContentFile } from './contentRequests.ts';
import { devContent, watchContent } from './devContent.ts';
import { loadContent, resolveContentDir } from './load.ts';
import { MEDIA_HEADERS, MediaError, readMedia } from './media.ts';
import { serveSearchIndex, writeSearchIndex } from './search/searchFiles.ts';
import type { CompileOutput } from './compile.ts';
import type { Plugin, ViteDevServer } from 'vite';

/** A WebP copy of a raster image at a given width (never enlarged). */
function resizedWebp(image: Buffer, width: number): Promise<Buffer> {
  return sharp(image).resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
}

/** The site build's compile, handed to the plugin; the plugin lets go of it once the documents are written. */
export interface CompiledContent {
  output: CompileOutput | undefined;
}

declare module 'vite' {
  interface UserConfig {
    /** Set by build/siteBuild.ts: the content it compiled, so the build plugin does not compile again. */
    broadsheetContent?: CompiledContent;
  }
}

class ContentError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`${lines.length} content problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    this.lines = lines;
  }
}

/** A strict compile for a build: warnings and every problem printed one a line, then a ContentError. */
export async function compileForBuild(contentDir: string): Promise<CompileOutput> {
  const output = await loadContent(contentDir, 'strict');
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
    const document = output.documents.get(path);
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

export function broadsheetContent(): Plugin {
  let contentDir = '';
  let output: CompileOutput | undefined;
  let isBuild = false;
  let compiled: CompiledContent | undefined;

  return {
    name: 'broadsheet-content',
    configResolved(config) {
      contentDir = resolveContentDir(config.root);
      // The prerender's server bundle needs no content: it reads the client build's documents.
      isBuild = config.command === 'build' && !config.build.ssr;
      compiled = config.broadsheetContent;
    },
    async configureServer(server) {
      // A load that throws never stops the server: see build/devContent.ts.
      const content = devContent(() => loadContent(contentDir, 'lenient'), contentDir, server.config.logger, {
        onUpdate: () => server.ws.send({ type: 'full-reload' }),
      });
      await content.ready;
      watchContent(server.watcher, contentDir, () => void content.reload());
      server.middlewares.use(serveSearchIndex(content.current));
      serveCompiled(server, contentDir, content.current);
    },
    async buildStart() {
      if (!isBuild) return;
      if (compiled) {
        output = compiled.output;
        compiled.output = undefined;
      } else {
        output = await compileForBuild(contentDir);
      }
    },
    async generateBundle() {
      if (!isBuild || !output) return;
      for (const [path, src] of output.media) {
        let image: Buffer;
        try {
          ({ bytes: image } = await readMedia(contentDir, src));
        } catch (error) {
          // Checked in buildStart; a file changed since is reported as a problem line of its own.
          if (!(error instanceof MediaError)) throw error;
          const line = `${src}: (root): ${error.reason}`;
          console.error(line);
          throw new ContentError([line]);
        }
        this.emitFile({ type: 'asset', fileName: path.slice(1), source: image });
        if (!isResponsive(src)) continue;
        // Every width is made (never enlarged), so whatever width the article declares, each
        // srcset entry the app derives from it exists.
        for (const variantWidth of RESPONSIVE_WIDTHS) {
          this.emitFile({
            type: 'asset',
            fileName: decodeURIComponent(mediaUrl(variantPath(src, variantWidth))).slice(1),
            source: await resizedWebp(image, variantWidth),
          });
        }
      }
    },
    // The documents (1.1 GiB at 100,000 articles) go straight to disk rather than through emitFile, which
    // would copy every one into the bundler's memory; then the compiled output is let go before the
    // build goes on to prerender.
    writeBundle(options) {
      if (!isBuild || !output || !options.dir) return;
      const made = new Set<string>();
      for (const [path, source] of output.documents) {
        const file = join(options.dir, path);
        const folder = dirname(file);
        if (!made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          made.add(folder);
        }
        writeFileSync(file, source);
      }
      writeSearchIndex(options.dir, output.documents);
      output.documents.clear();
      output = undefined;
    },
  };
}
