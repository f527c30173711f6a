/**
 * Prerendering across the machine's cores: worker threads (prerenderWorker.mjs), each with the server bundle loaded
 * once, take pages as they fall free. The main thread only hashes and writes what they send back.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** A rendered page: its head tags and body, and its state already serialized for the data block. */
interface RenderedParts {
  head: string;
  body: string;
  state: string;
}

interface PoolResult {
  /** Undefined when the page rendered nothing (a redirect, or its data failed to load). */
  page: RenderedParts | undefined;
  /** The documents (site-relative files) the page read. */
  read: string[];
}

interface Reply {
  id: number;
  page?: RenderedParts;
  read?: string[];
  error?: string;
}

export interface PrerenderPool {
  size: number;
  render: (url: string) => Promise<PoolResult>;
  close: () => Promise<void>;
}

export function prerenderPool(serverEntry: string, staging: string, size = availableParallelism()): PrerenderPool {
  const pending = new Map<number, { resolve: (result: PoolResult) => void; reject: (error: Error) => void }>();
  const load = new Map<Worker, number>();
  const owner = new Map<number, Worker>();
  let next = 0;
  const fail = (worker: Worker, error: Error) => {
    for (const [id, waiting] of pending) {
      if (owner.get(id) !== worker) continue;
      pending.delete(id);
      waiting.reject(error);
    }
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(new URL('./prerenderWorker.mjs', import.meta.url), {
      workerData: { serverEntry, staging },
      // React picks its development or production build from NODE_ENV when it is first loaded; the development
      // build checks every element and renders several times slower. Pages are always rendered as production.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    load.set(worker, 0);
    worker.on('message', ({ id, page, read = [], error }: Reply) => {
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      owner.delete(id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (error !== undefined) waiting.reject(new Error(error));
      else waiting.resolve({ page, read });
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => fail(worker, new Error(`a prerender worker stopped (exit code ${code})`)));
    return worker;
  });
  return {
    size: workers.length,
    render(url) {
      // The least busy worker.
      const worker = workers.reduce((best, w) => ((load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best));
      const id = next++;
      load.set(worker, (load.get(worker) ?? 0) + 1);
      owner.set(id, worker);
      return new Promise<PoolResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, url });
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
