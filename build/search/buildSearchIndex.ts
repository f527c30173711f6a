/**
 * The search index: a pure function of the compiled articles, giving every file of /data/search/ (path → JSON
 * text). Nothing a reader fetches grows with the newsroom: a query reads one small meta file, the bucket (or the
 * file of its own) of each of its words, and the records of the articles on the page it shows (see
 * src/search/documents.ts for the format and README "Search").
 *
 * Articles are numbered oldest first, so publishing a new article leaves every other number, and so every list
 * that does not gain it, as it was (what an incremental rebuild needs; see docs in README).
 */
import { slugify } from '../../src/model/slug.ts';
import { compareTagCounts } from '../../src/model/tagOrder.ts';
import { termsOf, tokenize } from '../../src/search/analyze.ts';
import {
  SEARCH_INDEX_VERSION,
  type SearchMeta,
  type SearchRecord,
  type TermEntry,
} from '../../src/search/documents.ts';
import { searchPath } from '../../src/search/paths.ts';
import { bucketOf, encodeCodes, encodeGaps, fieldCode, tagTerm, termHash } from '../../src/search/postings.ts';
import { toCard } from '../compile/cards.ts';
import { preferredSpelling } from '../compile/spelling.ts';
import { bodyText, labelText } from './articleText.ts';
import type { CompiledArticle, TagCount } from '../../src/model/compiled.ts';

/** A word's list longer than this many characters (gaps and codes) goes in a file of its own. */
const OWN_WORD_CHARS = 2048;
/** Likewise a tag's: tag lists are read several at a time for the filter, so their buckets are kept small. */
const OWN_TAG_CHARS = 300;
/** About this many characters of short lists go in one bucket file (about a third of that gzip). */
const WORD_BUCKET_CHARS = 4096;
const TAG_BUCKET_CHARS = 600;
/** The excerpt is cut from this much of the body; a match further in falls back to the standfirst. */
export const MAX_RECORD_TEXT = 2000;
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

/** Every (term, article, where) of the newsroom, in article order, then grouped by term in one counting sort. */
class PostingsTable {
  readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  private readonly termOf = new IntList();
  private readonly documentOf = new IntList();
  private readonly codeOf = new IntList();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  add(term: number, document: number, code: number) {
    this.termOf.push(term);
    this.documentOf.push(document);
    this.codeOf.push(code);
  }

  /** Each term's articles (ascending, since they were added in order) and codes. */
  *lists(): Generator<{ term: string; documents: Int32Array; codes: Int32Array }> {
    const starts = new Int32Array(this.terms.length + 1);
    for (let i = 0; i < this.termOf.length; i++) {
      const slot = (this.termOf.values[i] ?? 0) + 1;
      starts[slot] = (starts[slot] ?? 0) + 1;
    }
    for (let t = 0; t < this.terms.length; t++) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0);
    const next = starts.slice(0, this.terms.length);
    const documents = new Int32Array(this.termOf.length);
    const codes = new Int32Array(this.termOf.length);
    for (let i = 0; i < this.termOf.length; i++) {
      const term = this.termOf.values[i] ?? 0;
      const at = next[term] ?? 0;
      documents[at] = this.documentOf.values[i] ?? 0;
      codes[at] = this.codeOf.values[i] ?? 0;
      next[term] = at + 1;
    }
    for (let t = 0; t < this.terms.length; t++) {
      const from = starts[t] ?? 0;
      const to = starts[t + 1] ?? 0;
      yield { term: this.terms[t] ?? '', documents: documents.subarray(from, to), codes: codes.subarray(from, to) };
    }
  }
}

/** Where a term occurs, as the bits of postings.ts's fieldCode. */
const HEADLINE = fieldCode({ headline: true, standfirst: false, label: false, body: 0 });
const STANDFIRST = fieldCode({ headline: false, standfirst: true, label: false, body: 0 });
const LABEL = fieldCode({ headline: false, standfirst: false, label: true, body: 0 });
/**
 * Only whether the body has the word, not how often: that varies from article to article, and for a common word the
 * variety costs more bytes than the list of articles itself (40 KB gzip for a word in every one of 100,000
 * articles, against 0.2 KB for the list), for little gain in order.
 */
const BODY = fieldCode({ headline: false, standfirst: false, label: false, body: 1 });

const compareOldestFirst = (a: CompiledArticle, b: CompiledArticle) =>
  Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The tags of the newsroom: label (most used spelling) and number of articles, by slug. */
function tagTable(articles: readonly CompiledArticle[]): Map<string, TagCount> {
  const spellings = new Map<string, Map<string, number>>();
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const slug of new Set((article.tags ?? []).map(slugify))) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    for (const label of article.tags ?? []) {
      const slug = slugify(label);
      const forSlug = spellings.get(slug) ?? new Map<string, number>();
      forSlug.set(label, (forSlug.get(label) ?? 0) + 1);
      spellings.set(slug, forSlug);
    }
  }
  return new Map(
    [...counts].map(([slug, count]) => [
      slug,
      { slug, label: preferredSpelling(spellings.get(slug) ?? new Map<string, number>()), count },
    ]),
  );
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
  const buckets = Math.max(1, Math.ceil(smallChars / bucketChars));
  const filed: TermEntry[][] = Array.from({ length: buckets }, () => []);
  for (const entry of small) filed[bucketOf(entry.t, buckets)]?.push(entry);
  filed.forEach((list, bucket) => files.set(bucketPath(bucket), JSON.stringify({ entries: list })));
  return buckets;
}

export function buildSearchIndex(input: readonly CompiledArticle[]): Map<string, string> {
  const articles = [...input].sort(compareOldestFirst);
  const tags = tagTable(articles);
  const files = new Map<string, string>();
  const table = new PostingsTable();
  const tagLists = new Map<string, number[]>();
  const codes = new Map<number, number>();

  articles.forEach((article, document) => {
    const body = bodyText(article);
    codes.clear();
    const mark = (text: string, bit: number) => {
      for (const { term } of tokenize(text)) {
        const id = table.id(term);
        codes.set(id, (codes.get(id) ?? 0) | bit);
      }
    };
    mark(article.headline, HEADLINE);
    mark(article.standfirst ?? '', STANDFIRST);
    mark(labelText(article), LABEL);
    for (const { term } of tokenize(body)) {
      const id = table.id(term);
      codes.set(id, (codes.get(id) ?? 0) | BODY);
    }
    for (const [id, code] of codes) table.add(id, document, code);
    const slugs = [...new Set((article.tags ?? []).map(slugify))];
    for (const slug of slugs) {
      const list = tagLists.get(slug) ?? [];
      list.push(document);
      tagLists.set(slug, list);
    }
    const record: SearchRecord = {
      card: toCard(article),
      tags: slugs.map((slug) => tags.get(slug) ?? { slug, label: slug, count: 0 }),
      text: body.length > MAX_RECORD_TEXT ? body.slice(0, MAX_RECORD_TEXT) : body,
    };
    files.set(searchPath.record(document), JSON.stringify(record));
  });

  // The tags whose names contain each word, most used first: what a search that finds nothing offers.
  const suggestions = new Map<string, TagCount[]>();
  for (const tag of [...tags.values()].sort(compareTagCounts)) {
    for (const term of termsOf(tag.label)) {
      const list = suggestions.get(term) ?? [];
      if (list.length < SUGGESTED_TAGS) list.push(tag);
      suggestions.set(term, list);
    }
  }

  const wordEntries: TermEntry[] = [];
  for (const { term: t, documents, codes: where } of table.lists()) {
    const suggested = suggestions.get(t);
    wordEntries.push({
      t,
      n: documents.length,
      p: encodeGaps(documents),
      c: encodeCodes(where),
      ...(suggested ? { tags: suggested } : {}),
    });
  }
  const tagEntries: TermEntry[] = [...tagLists].map(([slug, list]) => ({
    t: tagTerm(slug),
    n: list.length,
    p: encodeGaps(list),
    label: tags.get(slug)?.label ?? slug,
  }));

  const meta: SearchMeta = {
    version: SEARCH_INDEX_VERSION,
    documents: articles.length,
    wordBuckets: fileEntries(wordEntries, OWN_WORD_CHARS, WORD_BUCKET_CHARS, searchPath.wordBucket, files),
    tagBuckets: fileEntries(tagEntries, OWN_TAG_CHARS, TAG_BUCKET_CHARS, searchPath.tagBucket, files),
  };
  files.set(searchPath.meta(), JSON.stringify(meta));
  return files;
}

/** The compiled articles among the compile's documents (`/data/articles/{id}.json`; aliases are redirects). */
export function compiledArticles(documents: ReadonlyMap<string, string>): CompiledArticle[] {
  const articles: CompiledArticle[] = [];
  for (const [path, text] of documents) {
    if (!path.startsWith('/data/articles/')) continue;
    const document = JSON.parse(text) as { kind: string; article?: CompiledArticle };
    if (document.kind === 'article' && document.article) articles.push(document.article);
  }
  return articles;
}
