/**
 * What one compile keeps for the next (build and dev server alike): articles validated by their bytes
 * (articleCache.ts) and related lists by the signature of what they were ranked from (ranking.ts). Both are kept in
 * node_modules/.cache and are safe to delete at any time.
 */
import { ParsedArticles } from './articleCache.ts';
import { codeKey } from './codeKey.ts';
import { KeptStore } from './keptStore.ts';
import type { KeptRanking } from '../ranking.ts';

/** The code whose change makes every kept ranking suspect. */
const RANKING_CODE = ['build/ranking.ts', 'build/compile', 'src/model', 'package-lock.json'];

export class CompileCaches {
  readonly articleCache: ParsedArticles;
  readonly rankingMemo: KeptStore<KeptRanking>;

  private constructor(articleCache: ParsedArticles, rankingMemo: KeptStore<KeptRanking>) {
    this.articleCache = articleCache;
    this.rankingMemo = rankingMemo;
  }

  /** The caches of the project at `root`; `read: false` (a full build) trusts nothing kept and replaces it all. */
  static load(root: string, { read = true }: { read?: boolean } = {}): CompileCaches {
    const code = codeKey(root, {}, RANKING_CODE);
    return new CompileCaches(
      ParsedArticles.load(root, { read }),
      KeptStore.open<KeptRanking>(root, { name: 'broadsheet-related', code, read }),
    );
  }

  /** Keeps what the last compile used, and forgets the rest. */
  save(): void {
    this.articleCache.save();
    this.rankingMemo.save();
  }
}
