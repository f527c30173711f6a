/**
 * Vite integration of the content compiler.
 * - `npm run dev`: compiles CONTENT_DIR leniently (a bad article is skipped and reported in the
 *   terminal and in the page), serves /data and /media from memory, recompiles on every change.
 * - `npm run build`: the site build (siteBuild.ts) compiles strictly once, prints every problem and fails, or
 *   hands the compile to this plugin through the inline config (`broadsheetContent`); a bare `vite build`
 *   compiles here instead. The plugin emits the images into the bundle and writes the documents straight
 *   into the output folder once the bundle is written (see writeBundle).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, extname } from 'node:path';
import sharp from 'sharp';
import { RESPONSIVE_WIDTHS, isResponsive, parseVariantPath, variantPath } from '../src/model/images.ts';
import { mediaUrl } from '../src/model/paths.ts';
import { formatProblem } from '../src/model/problems.ts';
import { loadContent, resolveContentDir } from './load.ts';
import type { CompileOutput } from './compile.ts';
import type { Plugin, ViteDevServer } from 'vite';

const MEDIA_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

/** A WebP copy of a raster image at a given width (never enlarged). */
function resizedWebp(file: string, width: number): Promise<Buffer> {
  return sharp(file).resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
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

export class ContentError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(`${lines.length} content problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    this.lines = lines;
  }
}

/** A strict compile for a build: every problem printed one a line, then a ContentError. */
export function compileForBuild(contentDir: string): CompileOutput {
  const output = loadContent(contentDir, 'strict');
  if (output.problems.length > 0) {
    const lines = output.problems.map(formatProblem);
    for (const line of lines) console.error(line);
    throw new ContentError(lines);
  }
  return output;
}

function serveCompiled(server: ViteDevServer, contentDir: string, current: () => CompileOutput) {
  server.middlewares.use((req, res, next) => {
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
    if (variant && [...output.media.values()].includes(variant.src)) {
      void resizedWebp(resolve(contentDir, variant.src), variant.width).then(
        (image) => {
          res.setHeader('Content-Type', 'image/webp');
          res.end(image);
        },
        (error: unknown) => next(error),
      );
      return;
    }
    const media = output.media.get(path);
    if (media !== undefined) {
      res.setHeader('Content-Type', MEDIA_TYPES[extname(media).toLowerCase()] ?? 'application/octet-stream');
      res.end(readFileSync(resolve(contentDir, media)));
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
    configureServer(server) {
      const compile = () => {
        const started = performance.now();
        output = loadContent(contentDir, 'lenient');
        const ms = Math.round(performance.now() - started);
        const logger = server.config.logger;
        if (output.problems.length > 0) {
          logger.error(`\n[content] ${output.problems.length} problem(s); those articles are left out until fixed:`);
          for (const problem of output.problems) logger.error(`  ${formatProblem(problem)}`);
        }
        logger.info(`[content] ${output.stats.articles} articles from ${contentDir} in ${ms} ms`, { timestamp: true });
      };
      compile();
      server.watcher.add(contentDir);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (file: string) => {
        if (!resolve(file).startsWith(contentDir)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          compile();
          server.ws.send({ type: 'full-reload' });
        }, 100);
      };
      server.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
      serveCompiled(server, contentDir, () => output ?? loadContent(contentDir, 'lenient'));
    },
    buildStart() {
      if (!isBuild) return;
      if (compiled) {
        output = compiled.output;
        compiled.output = undefined;
      } else {
        output = compileForBuild(contentDir);
      }
    },
    async generateBundle() {
      if (!isBuild || !output) return;
      for (const [path, src] of output.media) {
        const file = resolve(contentDir, src);
        this.emitFile({ type: 'asset', fileName: path.slice(1), source: readFileSync(file) });
        if (!isResponsive(src)) continue;
        // Every width is made (never enlarged), so whatever width the article declares, each
        // srcset entry the app derives from it exists.
        for (const variantWidth of RESPONSIVE_WIDTHS) {
          this.emitFile({
            type: 'asset',
            fileName: decodeURIComponent(mediaUrl(variantPath(src, variantWidth))).slice(1),
            source: await resizedWebp(file, variantWidth),
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
      output.documents.clear();
      output = undefined;
    },
  };
}
