/**
 * The search index, built in a worker thread beside the compile (backgroundIndex.ts is the other end). The worker
 * keeps what the index took from each article between builds (the search memo, by the hash of the article's file),
 * so loading, consulting and saving it costs the main thread nothing either.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { codeKey } from '../incremental/codeKey.ts';
import { KeptStore } from '../incremental/keptStore.ts';
import { SearchIndexBuilder, type IndexedArticle } from './buildSearchIndex.ts';
import type { FromIndexWorker, IndexWorkerSetup, ToIndexWorker } from './backgroundIndex.ts';

/** The code whose change makes every kept entry suspect: what reads an article into terms and records. */
const SEARCH_CODE = ['build/search', 'src/search', 'build/compile', 'src/model', 'package-lock.json'];

const port = parentPort;
if (!port) throw new Error('indexWorker.ts runs only as a worker thread');
const { root, read } = workerData as IndexWorkerSetup;
const memo =
  root === undefined
    ? KeptStore.inMemory<IndexedArticle>()
    : KeptStore.open<IndexedArticle>(root, { name: 'broadsheet-search', code: codeKey(root, {}, SEARCH_CODE), read });
const builder = new SearchIndexBuilder(memo);
/** Articles sent by their head whose terms the memo did not have: asked for in full at the end. */
const unknown: string[] = [];
const post = (message: FromIndexWorker) => port.postMessage(message);

/** The files as one buffer of their UTF-8 bytes, one after the other, and where each ends. */
function packed(files: Map<string, string>): { paths: string[]; ends: Float64Array; bytes: ArrayBuffer } {
  const paths = [...files.keys()];
  let total = 0;
  for (const text of files.values()) total += Buffer.byteLength(text);
  const buffer = Buffer.alloc(total);
  const ends = new Float64Array(paths.length);
  let at = 0;
  paths.forEach((path, i) => {
    at += buffer.write(files.get(path) ?? '', at);
    ends[i] = at;
  });
  return { paths, ends, bytes: buffer.buffer };
}

port.on('message', (message: ToIndexWorker) => {
  if (message.kind === 'articles') {
    for (const item of message.articles) {
      if (item.article) builder.add(item.article, item.hash);
      else if (!builder.addKnown(item.head, item.hash)) unknown.push(item.hash);
    }
    return;
  }
  if (unknown.length > 0) {
    post({ kind: 'need', hashes: unknown.splice(0) });
    return;
  }
  const articles = builder.size;
  const { paths, ends, bytes } = packed(builder.files());
  // Moved, not copied: at 100,000 articles the index is about 200 MB, which both threads would otherwise hold at once.
  port.postMessage({ kind: 'files', paths, ends, bytes, articles } satisfies FromIndexWorker, [
    bytes,
    ends.buffer as ArrayBuffer,
  ]);
  memo.save();
  post({ kind: 'saved' });
  // Done: the thread ends, and its heap (the memo and the index) goes with it rather than lasting through the
  // prerender: 0.45 GiB off a cold build's peak at 100,000 articles. What it posted is still delivered.
  process.exit(0);
});
