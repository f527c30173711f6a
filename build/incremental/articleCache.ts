/**
 * Articles already parsed and validated, by the hash of their file's bytes: a file whose bytes did not change is not
 * parsed or checked against the schema again (the checks across files, and of image files, still run every time).
 * Kept between builds in node_modules/.cache/broadsheet-articles (incremental/keptStore.ts: checksummed shards,
 * discarded when damaged or made by other validating code).
 *
 * An article's sections (its text: 85% of its bytes) are kept apart from the rest, with the images they show, which
 * every compile checks. The dev server reads them only when an article is asked for (`sectionsOnDemand`), so it
 * starts without reading a third of a gigabyte at 100,000 articles.
 */
import { imageRefs, rememberImageRefs, type ImageRef } from '../compile/imageRefs.ts';
import { codeKey } from './codeKey.ts';
import { KeptStore, type Split } from './keptStore.ts';
import type { Article } from '../../src/model/schema.ts';

type Sections = Article['sections'];

const sectionReaders = new WeakMap<object, () => unknown>();

/**
 * The one getter of every article whose sections are read when first used. Such an article is made afresh, key by
 * key, with this getter in the place of its sections: V8 then gives all of them one hidden class. Turning an existing
 * property into an accessor (or giving each article a getter of its own) makes each article a slow, dictionary-mode
 * object, and every other read of it slower.
 */
function readSections(this: object): Sections {
  return (sectionReaders.get(this) as () => Sections)();
}
const SECTIONS_ON_DEMAND: PropertyDescriptor = { get: readSections, enumerable: true, configurable: true };

/** A copy of `article` made by its properties' descriptors (compile/emitArticles.ts) reads its sections alike. */
export function shareSections(article: object, copy: object): void {
  const read = sectionReaders.get(article);
  if (read) sectionReaders.set(copy, read);
}

/** The head: the article with `sections: null` where its sections go (so its keys keep their order), and its images. */
const articleSplit: Split<Article> = {
  detach: (article) => [[{ ...article, sections: null }, imageRefs(article)], article.sections],
  attach: (head, tail, lazy) => {
    const [parsed, refs] = head as [Article, ImageRef[]];
    let article = parsed;
    if (lazy) {
      const made: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(parsed)) {
        if (key === 'sections') Object.defineProperty(made, key, SECTIONS_ON_DEMAND);
        else made[key] = value;
      }
      article = made as Article;
      sectionReaders.set(article, tail);
    } else {
      article.sections = tail() as Sections;
    }
    rememberImageRefs(article, refs);
    return article;
  },
};

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
   * (a full build) trusts nothing kept, and its save replaces every shard. `sectionsOnDemand`: an article's sections
   * are read when first used; a damaged file of them then throws `DamagedTails` (keptStore.ts).
   */
  static load(
    root: string,
    { read = true, sectionsOnDemand = false }: { read?: boolean; sectionsOnDemand?: boolean } = {},
  ): ParsedArticles {
    const code = codeKey(root, {}, VALIDATING_CODE);
    return new ParsedArticles(
      KeptStore.open(root, {
        name: 'broadsheet-articles',
        code,
        read,
        split: articleSplit,
        lazyTails: sectionsOnDemand,
      }),
    );
  }

  /** Files of sections read since the cache was loaded (of 256). */
  get sectionShardsRead(): number {
    return this.store.tailsRead;
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
