/**
 * The search index in the build and the dev server. The build indexes each article as the compile makes it, in a
 * worker thread (backgroundIndex.ts), and writes the index through the build's writer: a file whose bytes did not change is linked
 * from the published site and stays out of the change list. The dev server serves it from memory, built on the first search after each recompile.
 */
import { buildSearchIndex, compiledArticles } from './buildSearchIndex.ts';
import type { CompileOutput } from '../compile.ts';
import type { OutputWriter } from '../incremental/outputWriter.ts';
import type { BackgroundSearchIndex } from './backgroundIndex.ts';
import type { Connect } from 'vite';

/** Writes the index's files through `writer` once the worker has made them; returns the line the build prints about it. */
export async function writeSearchIndex(search: BackgroundSearchIndex, writer: OutputWriter): Promise<string> {
  const started = performance.now();
  const { files, articles } = await search.files();
  const waited = performance.now() - started;
  const written = writer.written;
  let bytes = 0;
  for (const [path, file] of files) {
    writer.write(path.slice(1), file);
    bytes += file.length;
  }
  const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(1);
  return (
    `Search index: ${articles} articles in ${files.size} files (${(bytes / 1_048_576).toFixed(1)} MB), ` +
    `${writer.written - written} written, in ${seconds(performance.now() - started)} s ` +
    `(${seconds(waited)} s of it waiting for the index's thread)`
  );
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
      files = buildSearchIndex(output.compiledArticles?.() ?? compiledArticles(output.documents));
      built.set(output, files);
    }
    const text = files.get(new URL(url, 'http://localhost').pathname);
    res.statusCode = text === undefined ? 404 : 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(text ?? JSON.stringify({ error: `not found: ${url}` }));
  };
}
