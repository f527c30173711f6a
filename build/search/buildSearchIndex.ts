/**
 * The search index: a pure function of the compiled articles, giving every file of /data/search/ (path → JSON
 * text). Nothing a reader fetches grows with the newsroom: a query reads one small meta file, the bucket (or the
 * file of its own) of each of its words, and the records of the articles on the page it shows (see
 * src/search/documents.ts for the format and README "Search").
 *
 * Built for incremental builds, whose writer links every file whose bytes did not change: articles are numbered
 * oldest first, so an edit (or a new article) leaves every other number as it was; a record holds only its own
 * article and is filed by its month and its place in that month, so a deletion moves only the records after it in
 * its month (the word lists still change, as every later number shifts); and the number of bucket files is a power
 * of two, so it changes only when the index doubles or halves.
 * An edited article therefore changes its record and the files of the words it gained or lost, nothing else.
 *
 * Articles are read one at a time (an iterable), each analysed and let go, so the build holds the postings and the
 * records' text, never the parsed newsroom.
 */
import { slugify } from '../../src/model/slug.ts';
import { compareTagCounts } from '../../src/model/tagOrder.ts';
import { eachWord, termOf, termsOf } from '../../src/search/analyze.ts';
import {
  SEARCH_INDEX_VERSION,
  type SearchMeta,
  type SearchRecord,
  type TermEntry,
} from '../../src/search/documents.ts';
import { searchPath } from '../../src/search/paths.ts';
import { bucketOf, encodeCodes, encodeGaps, fieldCode, tagTerm, termHash } from '../../src/search/postings.ts';
import { toCard } from '../compile/cards.ts';
import { bodyText, labelText } from './articleText.ts';
import type { CompiledArticle, TagCount } from '../../src/model/compiled.ts';

/** A word's list longer than this many characters (gaps and codes) goes in a file of its own. */
const OWN_WORD_CHARS = 2048;
/** Likewise a tag's: tag lists are read several at a time for the filter, so their buckets are kept small. */
const OWN_TAG_CHARS = 300;
/**
 * Short lists are filed in buckets of at most about this many characters. Small, because a reader's typing reads
 * ahead the bucket of each word as it is typed (runSearch.ts's readAhead), most of them beginnings of words: gap
 * lists hardly compress, and at 100,000 articles buckets of 8,192 characters were 5–7 KB each gzip, most of a
 * search's bytes.
 */
const WORD_BUCKET_CHARS = 2048;
const TAG_BUCKET_CHARS = 1200;
/** The excerpt is cut from this much of the body; a match further in falls back to the standfirst. */
export const MAX_RECORD_TEXT = 1200;
const WORD_CACHE_LIMIT = 500_000;
/**
 * A list of more articles than this keeps only where the word is in the headline (`h`), not a code for every article:
 * a common word weighs little in the order, and its codes cost more than its list (30 KB gzip for a word in every
 * one of 100,000 articles).
 */
export const LONG_LIST = 2048;
/** How many tags a word offers when a search finds nothing. */
const SUGGESTED_TAGS = 8;

/** A growable list of 32-bit integers: the build's postings, kept out of the garbage collector's way. */
class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** Where a term occurs, as the bits of postings.ts's fieldCode. */
const HEADLINE = fieldCode({ headline: true, standfirst: false, label: false, body: 0 });
const STANDFIRST = fieldCode({ headline: false, standfirst: true, label: false, body: 0 });
const LABEL = fieldCode({ headline: false, standfirst: false, label: true, body: 0 });
/**
 * Not how often the body has the word, nor even whether: every posting carries the body bit. How often varies from
 * article to article, and for a common word that variety cost more bytes than the list of articles itself (40 KB
 * gzip for a word in every one of 100,000 articles, against 0.2 KB for the list); whether cost 2–3 KB for a word in
 * half of them. Order is kept by the fields that weigh: headline, standfirst, labels.
 */
const BODY = fieldCode({ headline: false, standfirst: false, label: false, body: 1 });
/** A posting is stored as term × CODES + code (codes are 6 bits). */
const CODES = 64;

/**
 * Every (article, term, where) of the newsroom, in the order the articles were read: one packed integer a posting
 * and where each article's postings start. Grouped by term, in number order, in one counting sort at the end.
 */
class PostingsTable {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  private readonly postings = new IntList();
  private readonly starts = new IntList();
  private readonly counts = new IntList();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.counts.push(0);
    }
    return id;
  }

  /** Starts the next article's postings. */
  nextArticle() {
    this.starts.push(this.postings.length);
  }

  add(term: number, code: number) {
    this.postings.push(term * CODES + code);
    this.counts.values[term] = (this.counts.values[term] ?? 0) + 1;
  }

  /** Each term's documents (ascending) and codes; `order[n]` is the article read as number n. */
  *lists(order: ArrayLike<number>): Generator<{ term: string; documents: Int32Array; codes: Uint8Array }> {
    const terms = this.terms.length;
    const first = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) first[t + 1] = (first[t] ?? 0) + (this.counts.values[t] ?? 0);
    const next = first.slice(0, terms);
    const documents = new Int32Array(this.postings.length);
    const codes = new Uint8Array(this.postings.length);
    const read = this.starts.length;
    for (let number = 0; number < order.length; number++) {
      const article = order[number] ?? 0;
      const from = this.starts.values[article] ?? 0;
      const to = article + 1 < read ? (this.starts.values[article + 1] ?? 0) : this.postings.length;
      for (let i = from; i < to; i++) {
        const posting = this.postings.values[i] ?? 0;
        const term = Math.floor(posting / CODES);
        const at = next[term] ?? 0;
        documents[at] = number;
        codes[at] = posting % CODES;
        next[term] = at + 1;
      }
    }
    for (let t = 0; t < terms; t++) {
      const from = first[t] ?? 0;
      const to = first[t + 1] ?? 0;
      yield { term: this.terms[t] ?? '', documents: documents.subarray(from, to), codes: codes.subarray(from, to) };
    }
  }
}

/** Tag spellings and counts, by slug, as the articles go by. */
class TagTable {
  private readonly spellings = new Map<string, Map<string, number>>();
  readonly lists = new Map<string, number[]>();

  /** Counts the article's tags; returns their slugs, each once. */
  add(article: Pick<CompiledArticle, 'tags'>, read: number): string[] {
    const slugs = new Set<string>();
    for (const label of article.tags ?? []) {
      const slug = slugify(label);
      const forSlug = this.spellings.get(slug) ?? new Map<string, number>();
      forSlug.set(label, (forSlug.get(label) ?? 0) + 1);
      this.spellings.set(slug, forSlug);
      slugs.add(slug);
    }
    for (const slug of slugs) {
      const list = this.lists.get(slug) ?? [];
      list.push(read);
      this.lists.set(slug, list);
    }
    return [...slugs];
  }

  /** The most used spelling; of equals, the first in code-unit order, whatever order the articles came in. */
  label(slug: string): string {
    let best = slug;
    let most = 0;
    for (const [label, count] of this.spellings.get(slug) ?? []) {
      if (count > most || (count === most && label < best)) {
        best = label;
        most = count;
      }
    }
    return best;
  }

  counts(): TagCount[] {
    return [...this.lists].map(([slug, list]) => ({ slug, label: this.label(slug), count: list.length }));
  }
}

/** The documents whose code has the headline bit. */
function headlined(documents: Int32Array, codes: Uint8Array): Int32Array {
  return documents.filter((_, i) => ((codes[i] ?? 0) & HEADLINE) !== 0);
}

/** Oldest first; ties by id, so the numbering is the same whatever order the articles are read in. */
function numbering(keys: { time: number; id: string }[]): Int32Array {
  const order = Int32Array.from(keys.keys());
  order.sort((a, b) => {
    const x = keys[a];
    const y = keys[b];
    if (!x || !y) return 0;
    return x.time - y.time || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0);
  });
  return order;
}

/** The month (UTC) of a time, as a record folder's name: `2026-03`. */
const monthOf = (time: number) => new Date(time).toISOString().slice(0, 7);

/**
 * How many bucket files hold `chars` characters of short lists: a power of two, so small changes to the index leave
 * the count (and so where every term is filed) as it was.
 */
function bucketCount(chars: number, bucketChars: number): number {
  let buckets = 1;
  while (buckets * bucketChars < chars) buckets *= 2;
  return buckets;
}

/** Entries into bucket files (a list too long for one goes to its own file, named by its term's hash). */
function fileEntries(
  entries: TermEntry[],
  ownChars: number,
  bucketChars: number,
  bucketPath: (bucket: number) => string,
  files: Map<string, string>,
): number {
  const own = new Map<string, TermEntry[]>();
  const small: TermEntry[] = [];
  let smallChars = 0;
  for (const entry of entries) {
    const chars = (entry.p?.length ?? 0) + (entry.c?.length ?? 0);
    if (chars > ownChars) {
      const path = searchPath.ownList(termHash(entry.t));
      own.set(path, [...(own.get(path) ?? []), entry]);
      const { t, n, label, tags } = entry;
      small.push({ t, n, own: true, ...(label ? { label } : {}), ...(tags ? { tags } : {}) });
      smallChars += t.length + 16;
    } else {
      small.push(entry);
      smallChars += chars + entry.t.length + 16;
    }
  }
  for (const [path, list] of own) files.set(path, JSON.stringify({ entries: list }));
  const buckets = bucketCount(smallChars, bucketChars);
  const filed: TermEntry[][] = Array.from({ length: buckets }, () => []);
  for (const entry of small) filed[bucketOf(entry.t, buckets)]?.push(entry);
  filed.forEach((list, bucket) => files.set(bucketPath(bucket), JSON.stringify({ entries: list })));
  return buckets;
}

/** Terms in a fixed order (by UTF-16 code units), so a bucket's bytes do not depend on the order articles came in. */
const byTerm = (a: TermEntry, b: TermEntry) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0);

/**
 * What the index takes from one article, kept between builds by the hash of its file (incremental/compileCaches.ts):
 * its terms (space-separated: a term never holds a space) with one character each saying where it occurs, and its
 * record. An unchanged article is then not read word by word again.
 */
export interface IndexedArticle {
  terms: string;
  codes: string;
  record: string;
}

/** What the index needs of an article it has already read: what numbers it and files it under its tags. */
export type IndexHead = Pick<CompiledArticle, 'id' | 'publishedAt' | 'tags'>;

/** Indexed articles kept from an earlier build, by the hash of each article's file. */
export interface IndexMemo {
  get: (hash: string) => IndexedArticle | undefined;
  set: (hash: string, indexed: IndexedArticle) => void;
}

/** A code (0–63) as one character that JSON writes as itself. */
const CODE_BASE = 48;

/**
 * The index, built an article at a time: the site build hands each article over as the compile makes its document,
 * so the articles are never read back; `files()` then gives every file of /data/search/.
 */
export class SearchIndexBuilder {
  private readonly table = new PostingsTable();
  private readonly tags = new TagTable();
  private readonly keys: { time: number; id: string }[] = [];
  private readonly records: string[] = [];
  private readonly codes = new Map<number, number>();
  // Words as written to term ids: one lookup a word instead of folding it and then finding its term.
  private readonly wordIds = new Map<string, number>();
  private readonly memo: IndexMemo | undefined;

  constructor(memo?: IndexMemo) {
    this.memo = memo;
  }

  private termIdOf(word: string) {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      const term = termOf(word);
      id = term ? this.table.id(term) : -1;
      // Bounded like analyze.ts's cache: a newsroom's words as written outnumber its terms.
      if (this.wordIds.size >= WORD_CACHE_LIMIT) this.wordIds.clear();
      this.wordIds.set(word, id);
    }
    return id;
  }

  get size(): number {
    return this.keys.length;
  }

  /** Adds an article; `hash`, the hash of its file, finds what an earlier build took from it (and keeps it). */
  add(article: CompiledArticle, hash?: string): void {
    const kept = hash === undefined ? undefined : this.memo?.get(hash);
    const indexed = kept ?? this.analyze(article);
    if (!kept && hash !== undefined) this.memo?.set(hash, indexed);
    this.addIndexed(article, indexed);
  }

  /**
   * Adds an article an earlier build indexed, by the hash of its file, from its head alone (its text need not be
   * read); false, and nothing added, when the memo does not know it. The order articles are added in does not matter.
   */
  addKnown(head: IndexHead, hash: string): boolean {
    const kept = this.memo?.get(hash);
    if (kept) this.addIndexed(head, kept);
    return kept !== undefined;
  }

  private addIndexed(head: IndexHead, indexed: IndexedArticle): void {
    const { table, tags, keys } = this;
    const read = keys.length;
    keys.push({ time: Date.parse(head.publishedAt), id: head.id });
    tags.add(head, read);
    table.nextArticle();
    let at = 0;
    for (const term of indexed.terms.split(' ')) {
      if (term) table.add(table.id(term), indexed.codes.charCodeAt(at) - CODE_BASE);
      at++;
    }
    this.records.push(indexed.record);
  }

  /** Reads an article word by word: its terms, where each occurs, and its record. */
  private analyze(article: CompiledArticle): IndexedArticle {
    const { codes } = this;
    const body = bodyText(article);
    codes.clear();
    const mark = (text: string, bit: number) =>
      eachWord(text, (word) => {
        const id = this.termIdOf(word);
        if (id >= 0) codes.set(id, (codes.get(id) ?? 0) | bit);
      });
    mark(article.headline, HEADLINE);
    mark(article.standfirst ?? '', STANDFIRST);
    mark(labelText(article), LABEL);
    mark(body, BODY);
    const terms: string[] = [];
    let where = '';
    for (const [id, code] of codes) {
      terms.push(this.table.terms[id] ?? '');
      where += String.fromCharCode(CODE_BASE + (code | BODY));
    }
    const record: SearchRecord = {
      card: toCard(article),
      text: body.length > MAX_RECORD_TEXT ? body.slice(0, MAX_RECORD_TEXT) : body,
    };
    return { terms: terms.join(' '), codes: where, record: JSON.stringify(record) };
  }

  /** Every file of the index (path → JSON text); the builder is spent. */
  files(): Map<string, string> {
    const { table, tags, keys, records } = this;
    const files = new Map<string, string>();
    const order = numbering(keys);
    const numberOf = new Int32Array(order.length);
    // Records by month of publication (documents.ts's SearchMeta.months): numbers run oldest first through them.
    const months: [string, number][] = [];
    order.forEach((read, number) => {
      numberOf[read] = number;
      const month = monthOf(keys[read]?.time ?? 0);
      let last = months.at(-1);
      if (last?.[0] !== month) months.push((last = [month, 0]));
      files.set(searchPath.record(month, last[1]++), records[read] ?? '');
    });
    records.length = 0;

    // The tags whose names contain each word, most used first: what a search that finds nothing offers.
    const suggestions = new Map<string, TagCount[]>();
    for (const tag of tags.counts().sort(compareTagCounts)) {
      for (const term of termsOf(tag.label)) {
        const list = suggestions.get(term) ?? [];
        if (list.length < SUGGESTED_TAGS) list.push(tag);
        suggestions.set(term, list);
      }
    }

    const wordEntries: TermEntry[] = [];
    for (const { term: t, documents, codes: where } of table.lists(order)) {
      const suggested = suggestions.get(t);
      wordEntries.push({
        t,
        n: documents.length,
        p: encodeGaps(documents),
        ...(documents.length > LONG_LIST ? { h: encodeGaps(headlined(documents, where)) } : { c: encodeCodes(where) }),
        ...(suggested ? { tags: suggested } : {}),
      });
    }
    const tagEntries: TermEntry[] = [...tags.lists].map(([slug, list]) => {
      const numbers = Int32Array.from(list, (read) => numberOf[read] ?? 0).sort();
      return { t: tagTerm(slug), n: numbers.length, p: encodeGaps(numbers), label: tags.label(slug) };
    });

    const meta: SearchMeta = {
      version: SEARCH_INDEX_VERSION,
      documents: keys.length,
      wordBuckets: fileEntries(
        wordEntries.sort(byTerm),
        OWN_WORD_CHARS,
        WORD_BUCKET_CHARS,
        searchPath.wordBucket,
        files,
      ),
      tagBuckets: fileEntries(tagEntries.sort(byTerm), OWN_TAG_CHARS, TAG_BUCKET_CHARS, searchPath.tagBucket, files),
      months,
    };
    files.set(searchPath.meta(), JSON.stringify(meta));
    return files;
  }
}

export function buildSearchIndex(articles: Iterable<CompiledArticle>): Map<string, string> {
  const builder = new SearchIndexBuilder();
  for (const article of articles) builder.add(article);
  return builder.files();
}

/**
 * The compiled articles among the compile's documents (`/data/articles/{id}.json`; aliases are redirects), parsed
 * one at a time as the index build asks for them.
 */
export function* compiledArticles(documents: Iterable<[string, string]>): Generator<CompiledArticle> {
  for (const [path, text] of documents) {
    if (!path.startsWith('/data/articles/')) continue;
    const document = JSON.parse(text) as { kind: string; article?: CompiledArticle };
    if (document.kind === 'article' && document.article) yield document.article;
  }
}
