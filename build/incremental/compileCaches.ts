/**
 * What one compile keeps for the next (build and dev server alike): articles validated by their bytes
 * (articleCache.ts), related lists by the signature of what they were ranked from (ranking.ts), and the hash of each
 * article file as last read (fileHashes.ts). (What the search index took from each article is kept by the index's own
 * thread: search/indexWorker.ts.) All are kept in node_modules/.cache and are safe to delete at any time.
 */
import { ParsedArticles } from './articleCache.ts';
import { codeKey } from './codeKey.ts';
import { FileHashes } from './fileHashes.ts';
import { KeptStore } from './keptStore.ts';
import type { KeptRanking } from '../ranking.ts';

/** The code whose change makes every kept ranking suspect. */
const RANKING_CODE = ['build/ranking.ts', 'build/compile', 'src/model', 'package-lock.json'];

export class CompileCaches {
  readonly articleCache: ParsedArticles;
  readonly rankingMemo: KeptStore<KeptRanking>;
  readonly fileHashes: FileHashes;

  private constructor(articleCache: ParsedArticles, rankingMemo: KeptStore<KeptRanking>, fileHashes: FileHashes) {
    this.articleCache = articleCache;
    this.rankingMemo = rankingMemo;
    this.fileHashes = fileHashes;
  }

  /** The caches of the project at `root`; `read: false` (a full build) trusts nothing kept and replaces it all. */
  static load(root: string, { read = true }: { read?: boolean } = {}): CompileCaches {
    return new CompileCaches(
      ParsedArticles.load(root, { read, sectionsOnDemand: true }),
      KeptStore.open<KeptRanking>(root, { name: 'broadsheet-related', code: codeKey(root, {}, RANKING_CODE), read }),
      FileHashes.load(root, { read }),
    );
  }

  /** Keeps what the last compile used, and forgets the rest. */
  save(): void {
    this.fileHashes.save();
    this.articleCache.save();
    this.rankingMemo.save();
  }
}
