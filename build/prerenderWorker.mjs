/**
 * A prerender worker thread (build/prerenderPool.ts starts one per core). It loads the app's server bundle once and
 * renders the pages it is sent, reading the compiled documents from the staging folder, and answers with the page's
 * parts and the documents it read (what the page depends on, for the next incremental build). Plain JavaScript, so
 * it runs under Node alone: everything it needs comes from the bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { serverEntry, staging } = workerData;
const { renderPage, serializeState } = await import(pathToFileURL(serverEntry).href);

parentPort.on('message', async ({ id, url }) => {
  const read = new Set();
  const readDocument = (path) => {
    if (!path.startsWith('/data/')) return Promise.resolve(undefined);
    read.add(path.slice(1));
    // Read at once: a worker has nothing else to do meanwhile, and a promise's file handle costs more than the read.
    try {
      return Promise.resolve(readFileSync(join(staging, path), 'utf8'));
    } catch {
      return Promise.resolve(undefined);
    }
  };
  try {
    const page = await renderPage(url, readDocument);
    parentPort.postMessage({
      id,
      page: page && { head: page.head, body: page.body, state: serializeState(page.state) },
      read: [...read].sort(),
    });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
