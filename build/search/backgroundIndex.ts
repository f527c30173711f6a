/**
 * The build's search index, made on the second core: the compile hands each article over as it goes, in batches, and
 * a worker thread (indexWorker.ts) reads it into terms while the main thread compiles the rest, then assembles the
 * index's files while the main thread saves its caches and bundles the app. At 20,000 articles reading the articles
 * took the main thread 8.5 s of a cold build's 37 s compile; at 100,000, loading the search memo, adding every
 * article and assembling the files took 12 s of an edit build. The output is the same bytes SearchIndexBuilder makes.
 */
import { Worker } from 'node:worker_threads';
import type { CompiledArticle } from '../../src/model/compiled.ts';
import type { IndexHead } from './buildSearchIndex.ts';

/** What the worker is started with: the project whose search memo it keeps (none: one in memory), and whether to read it. */
export interface IndexWorkerSetup {
  root: string | undefined;
  read: boolean;
}

/** An article in full (it is read), or by its head when an earlier build indexed its file and its text is not at hand. */
type Sent =
  { hash: string; article: CompiledArticle; head?: undefined } | { hash: string; head: IndexHead; article?: undefined };

export type ToIndexWorker = { kind: 'articles'; articles: Sent[] } | { kind: 'end' };

export type FromIndexWorker =
  | { kind: 'need'; hashes: string[] }
  | { kind: 'files'; paths: string[]; ends: Float64Array; bytes: ArrayBuffer; articles: number }
  | { kind: 'saved' };

/** Articles a message: few enough to keep the worker busy as they come, many enough that messages cost little. */
const BATCH = 256;

export interface IndexFiles {
  /** Every file of /data/search/ (path → its JSON, as UTF-8 bytes). */
  files: Map<string, Buffer>;
  articles: number;
}

/** A promise with its settling functions at hand (Promise.withResolvers, which Node 20 lacks). */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The files from the buffer the worker moved over: views of it, not copies. */
function unpacked({ paths, ends, bytes }: { paths: string[]; ends: Float64Array; bytes: ArrayBuffer }) {
  const buffer = Buffer.from(bytes);
  const files = new Map<string, Buffer>();
  paths.forEach((path, i) => files.set(path, buffer.subarray(i === 0 ? 0 : ends[i - 1], ends[i])));
  return files;
}

export class BackgroundSearchIndex {
  private readonly worker: Worker;
  private batch: Sent[] = [];
  /** Articles sent by their head, kept until the worker has them (it asks for any its memo lacks). */
  private held: Map<string, CompiledArticle> | undefined = new Map();
  private readonly indexed: Promise<IndexFiles>;
  private readonly saved: Promise<void>;

  constructor(setup: IndexWorkerSetup) {
    this.worker = new Worker(new URL('./indexWorker.mjs', import.meta.url), { workerData: setup });
    // A build that fails elsewhere does not wait for the index (close() stops it); one that succeeds waits for `saved`.
    this.worker.unref();
    const files = deferred<IndexFiles>();
    const saved = deferred<void>();
    const fail = (error: Error) => {
      files.reject(error);
      saved.reject(error);
    };
    this.worker.once('error', fail);
    // The thread ends itself once it has posted `saved` (its messages arrive first): by then nothing is left to fail.
    this.worker.once('exit', (code) => fail(new Error(`the search index's thread stopped (exit code ${code})`)));
    this.worker.on('message', (message: FromIndexWorker) => {
      if (message.kind === 'files') {
        this.held = undefined;
        files.resolve({ files: unpacked(message), articles: message.articles });
      } else if (message.kind === 'saved') {
        saved.resolve();
      } else {
        this.sendWhole(message.hashes);
      }
    });
    // Whoever waits sees a failure; one nobody waits for (the build failed first) is not an unhandled rejection.
    files.promise.catch(() => undefined);
    saved.promise.catch(() => undefined);
    this.indexed = files.promise;
    this.saved = saved.promise;
  }

  /** The articles the worker had only the heads of and its memo lacked, in full; then the end again. */
  private sendWhole(hashes: string[]) {
    const articles = hashes.map((hash) => {
      const article = this.held?.get(hash);
      if (!article) throw new Error(`the search index asked for an article it was never sent (${hash})`);
      return { hash, article };
    });
    this.post({ kind: 'articles', articles });
    this.post({ kind: 'end' });
  }

  private post(message: ToIndexWorker) {
    this.worker.postMessage(message);
  }

  /** An article, with the hash of its file. `kept`: its document was kept, so its text is not read unless needed. */
  add(article: CompiledArticle, hash: string, kept: boolean): void {
    if (kept) {
      this.held?.set(hash, article);
      this.batch.push({ hash, head: { id: article.id, publishedAt: article.publishedAt, tags: article.tags } });
    } else {
      this.batch.push({ hash, article });
    }
    if (this.batch.length >= BATCH) this.flush();
  }

  private flush() {
    if (this.batch.length === 0) return;
    this.post({ kind: 'articles', articles: this.batch });
    this.batch = [];
  }

  /** Every file of the index, once the worker has every article; no article may be added after. */
  files(): Promise<IndexFiles> {
    this.flush();
    this.post({ kind: 'end' });
    return this.indexed;
  }

  /** Resolves when the worker has saved its memo for the next build. */
  memoSaved(): Promise<void> {
    return this.saved;
  }

  /** Stops the worker, done or not. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
