/**
 * The search index in the build and the dev server: built from a compile's article documents, written into the
 * output folder beside them, or served from memory (built on the first search after each recompile).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSearchIndex, compiledArticles } from './buildSearchIndex.ts';
import type { CompileOutput } from '../compile.ts';
import type { Connect } from 'vite';

/** Writes every file of the index under `outDir`; returns how many. */
export function writeSearchIndex(outDir: string, documents: ReadonlyMap<string, string>): number {
  const files = buildSearchIndex(compiledArticles(documents));
  const made = new Set<string>();
  for (const [path, text] of files) {
    const file = join(outDir, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, text);
  }
  return files.size;
}

const built = new WeakMap<CompileOutput, Map<string, string>>();

/** The dev server's answer to /data/search/…: the index of the content being served now. */
export function serveSearchIndex(current: () => CompileOutput): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (!url.startsWith('/data/search/')) return next();
    const output = current();
    let files = built.get(output);
    if (!files) {
      files = buildSearchIndex(compiledArticles(output.documents));
      built.set(output, files);
    }
    const text = files.get(new URL(url, 'http://localhost').pathname);
    res.statusCode = text === undefined ? 404 : 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(text ?? JSON.stringify({ error: `not found: ${url}` }));
  };
}
