/**
 * Articles already parsed and validated, by the hash of their file's bytes: a file whose bytes did not change is not
 * parsed or checked against the schema again (the checks across files, and of image files, still run every time).
 * Kept between builds in node_modules/.cache/broadsheet-articles (incremental/keptStore.ts: checksummed shards,
 * discarded when damaged or made by other validating code).
 */
import { codeKey } from './codeKey.ts';
import { KeptStore } from './keptStore.ts';
import type { Article } from '../../src/model/schema.ts';

/** The code whose change makes every cached article suspect: the schema and what it imports, the compiler, zod. */
const VALIDATING_CODE = ['src/model', 'build/compile', 'package-lock.json'];

/** What the compiler's `articleCache` asks for (build/compile/types.ts): get and set by the hash of a file's text. */
export class ParsedArticles {
  hits = 0;
  misses = 0;
  private readonly store: KeptStore<Article>;

  private constructor(store: KeptStore<Article>) {
    this.store = store;
  }

  /** A cache kept in memory only. */
  static inMemory(): ParsedArticles {
    return new ParsedArticles(KeptStore.inMemory());
  }

  /**
   * The cache kept for the project at `root`; an empty one when there is none, or none for this code. `read: false`
   * (a full build) trusts nothing kept, and its save replaces every shard.
   */
  static load(root: string, { read = true }: { read?: boolean } = {}): ParsedArticles {
    const code = codeKey(root, {}, VALIDATING_CODE);
    return new ParsedArticles(KeptStore.open(root, { name: 'broadsheet-articles', code, read }));
  }

  /** Whether the article a file of these bytes (by `hashOf` its text) was accepted as is known; counts nothing. */
  has(hash: string): boolean {
    return this.store.has(hash);
  }

  /** The article a file of exactly these bytes (by `hashOf` its text) was accepted as by the schema, if known. */
  get(hash: string): Article | undefined {
    const article = this.store.get(hash);
    if (article === undefined) this.misses++;
    else this.hits++;
    return article;
  }

  /** Remembers what a file's bytes (by `hashOf` its text) were accepted as. */
  set(hash: string, article: Article): void {
    this.store.set(hash, article);
  }

  /** Forgets the files no compile read since the last save, and writes what changed. */
  save(): void {
    this.store.save();
  }
}
