/**
 * One search, put together from the index's documents (each a query of its own in api/queries.ts, so only what the
 * cache lacks is fetched): the meta file, the entry of each word and chosen tag, then the records of the page shown
 * and the lists of the tags offered to narrow it. Loaded only when a reader searches.
 */
import { plainText } from '../model/inline.ts';
import { slugify } from '../model/slug.ts';
import { tokens } from './analyze.ts';
import { excerpt, type Segment } from './highlight.ts';
import { countIn, firstInOrder, intersect, type Matches, type TermList } from './match.ts';
import { searchPath } from './paths.ts';
import { bucketOf, decodeCodes, decodeGaps, fieldCode, tagTerm, termHash } from './postings.ts';
import { parseSearchState, queryTerms, type SearchState } from './searchState.ts';
import type { TagCount } from '../model/compiled.ts';
import type { SearchMeta, SearchRecord, TermEntry, TermFile } from './documents.ts';

/** How the search reads the index; api/queries.ts gives it the cache's queries. */
export interface SearchSource {
  meta(): Promise<SearchMeta>;
  /** A bucket of terms, or the file of a long list. */
  file(path: string): Promise<TermFile>;
  record(document: number): Promise<SearchRecord>;
}

/**
 * Results on a page. Fewer than a list page's 20: each result is a record of its own (its card and text for the
 * excerpt) fetched from wherever it lies in the newsroom, and ten is what readers of search results expect.
 */
export const RESULTS_PER_PAGE = 10;
/**
 * Results whose records a search reads before it is shown: a screenful (a result card is about 12rem tall, and a
 * desktop or phone screen shows three to five under the heading). The rest of the page's follow once the first are
 * painted (laterResults): each record is a fetch of its own, and the five below the fold were a third of the work
 * between the reader's last key and the results on screen.
 */
export const RESULTS_FIRST = 5;
/** Tags counted at first for the filter; "Show all tags" counts every tag of the results shown. */
export const OFFERED_TAGS = 8;

export interface SearchHit {
  document: number;
  record: SearchRecord;
  /** A stretch of its text (or standfirst) with the words marked. */
  excerpt: Segment[];
}

export interface SearchResult {
  terms: string[];
  total: number;
  pageCount: number;
  /** The first results of the page, RESULTS_FIRST at most, with their records. */
  hits: SearchHit[];
  /** The rest of the page's results, in order: their records are read once the first are shown (laterResults). */
  later: number[];
  /** The chosen tags that exist, with their labels. */
  selected: TagCount[];
  /** Chosen tag slugs the newsroom does not have. */
  unknownTags: string[];
  /** When nothing matches: tags whose names contain the words. */
  suggestions: TagCount[];
}

export interface TagCounts {
  /** Tags carried by the results shown, with the number of all results carrying each. */
  counts: TagCount[];
  /** Whether `counts` holds every tag of the results shown; otherwise the most frequent OFFERED_TAGS. */
  complete: boolean;
}

export class DamagedIndexError extends Error {
  constructor(term: string) {
    super(`The search index's list for "${term}" is damaged; rebuild the site.`);
    this.name = 'DamagedIndexError';
  }
}

const decoded = new WeakMap<TermEntry, TermList>();
const BODY_CODE = fieldCode({ headline: false, standfirst: false, label: false, body: 1 });
const HEADLINE_CODE = fieldCode({ headline: true, standfirst: false, label: false, body: 1 });

/** Codes for a long list that keeps only its headline articles (`h`): the headline bit on those, the body on all. */
function headlineCodes(documents: Int32Array, headline: Int32Array): Uint8Array | undefined {
  const codes = new Uint8Array(documents.length).fill(BODY_CODE);
  let at = 0;
  for (const document of headline) {
    while (at < documents.length && (documents[at] ?? 0) < document) at++;
    if (documents[at] !== document) return undefined;
    codes[at] = HEADLINE_CODE;
  }
  return codes;
}

function listOf(entry: TermEntry): TermList {
  let list = decoded.get(entry);
  if (list) return list;
  const documents = decodeGaps(entry.p ?? '');
  if (!documents || documents.length !== entry.n) throw new DamagedIndexError(entry.t);
  let codes: Uint8Array | undefined;
  if (entry.c !== undefined) codes = decodeCodes(entry.c);
  else if (entry.h !== undefined) {
    const headline = decodeGaps(entry.h);
    codes = headline && headlineCodes(documents, headline);
  }
  if ((entry.c !== undefined || entry.h !== undefined) && codes?.length !== entry.n) {
    throw new DamagedIndexError(entry.t);
  }
  list = codes ? { documents, codes } : { documents };
  decoded.set(entry, list);
  return list;
}

/** The entry of a word or of a tag (`#slug`) in its bucket (for a long list, only its count and `own`). */
async function bucketEntryOf(source: SearchSource, meta: SearchMeta, term: string, kind: 'word' | 'tag') {
  const bucket =
    kind === 'word'
      ? searchPath.wordBucket(bucketOf(term, meta.wordBuckets))
      : searchPath.tagBucket(bucketOf(term, meta.tagBuckets));
  return (await source.file(bucket)).entries.find((candidate) => candidate.t === term);
}

/** The entry of a word or of a tag (`#slug`): from its bucket and, for a long list, the file of its own. */
async function entryOf(source: SearchSource, meta: SearchMeta, term: string, kind: 'word' | 'tag') {
  const entry = await bucketEntryOf(source, meta, term, kind);
  if (!entry?.own) return entry;
  return (await source.file(searchPath.ownList(termHash(term)))).entries.find((candidate) => candidate.t === term);
}

const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

interface Matched {
  terms: string[];
  meta: SearchMeta;
  words: (TermEntry | undefined)[];
  selected: TagCount[];
  unknownTags: string[];
  /** None when a word or a chosen tag is not in the index. */
  matches: Matches;
}

/**
 * The last few matches of an index (by its meta document, as the query cache holds it), by words and tags: the
 * page's tag counts, the next page and the other sort reuse them rather than intersect a common word's lists again.
 */
const recentByIndex = new WeakMap<SearchMeta, Map<string, Matched>>();
const RECENT_MATCHES = 8;

async function match(state: SearchState, source: SearchSource): Promise<Matched> {
  const terms = queryTerms(state.q);
  const meta = await source.meta();
  const recent = recentByIndex.get(meta) ?? new Map<string, Matched>();
  recentByIndex.set(meta, recent);
  const key = JSON.stringify([terms, state.tags]);
  const known = recent.get(key);
  if (known) return known;
  const [words, tags] = await Promise.all([
    Promise.all(terms.map((term) => entryOf(source, meta, term, 'word'))),
    Promise.all(state.tags.map((slug) => entryOf(source, meta, tagTerm(slug), 'tag'))),
  ]);
  const selected = state.tags.flatMap((slug, i) => {
    const entry = tags[i];
    return entry ? [{ slug, label: entry.label ?? slug, count: entry.n }] : [];
  });
  const unknownTags = state.tags.filter((_, i) => !tags[i]);
  const found = terms.length > 0 && words.every((entry) => entry) && unknownTags.length === 0;
  const lists = found ? [...words, ...tags].flatMap((entry) => (entry ? [listOf(entry)] : [])) : [];
  const matched = { terms, meta, words, selected, unknownTags, matches: intersect(lists, meta.documents) };
  recent.delete(key);
  recent.set(key, matched);
  for (const old of recent.keys()) if (recent.size > RECENT_MATCHES) recent.delete(old);
  return matched;
}

/**
 * Reads what a search's words and tags need from the index and matches them, without the records of its results: a
 * reader's typing starts this first and fetches the records only if no more typing came meanwhile. The lists are
 * decoded and matched only if the search is still `wanted` once they are read: a common word's list of 100,000
 * articles takes tens of milliseconds to decode on a slow phone, which a search overtaken by the next key would
 * spend on the main thread the next key needs. The match is kept (see recentByIndex) for the search that follows.
 */
export async function prepareSearch(
  state: SearchState,
  source: SearchSource,
  wanted: () => boolean = () => true,
): Promise<void> {
  const meta = await source.meta();
  await Promise.all([
    ...queryTerms(state.q).map((term) => entryOf(source, meta, term, 'word')),
    ...state.tags.map((slug) => entryOf(source, meta, tagTerm(slug), 'tag')),
  ]);
  if (wanted()) await match(state, source);
}

/** The word still being typed has its list read ahead only from this many letters on (see readAhead). */
const READ_AHEAD_LETTERS = 4;

/**
 * Reads ahead, at each keystroke, what a search of the words typed so far will need: the list of every finished
 * word (a space or other non-word character follows it), matched once they all are, and of the word still being
 * typed its bucket and, once it has READ_AHEAD_LETTERS letters, its list. Its shorter beginnings are mostly common
 * words with long lists ("a", "is", "mon" on the way to "monquintal"): at 100,000 generated articles those of 1-3
 * letters cost 5-20 KB each that nobody asked for, a third of a search's bytes, and those of 4 letters or more about
 * 3 KB. The search after the pause then finds the list of its last word read, or on its way.
 */
export async function readAhead(typed: string, source: SearchSource): Promise<void> {
  const words = [...tokens(typed)];
  const last = words.at(-1);
  const typing =
    last && last.end === typed.length && !words.slice(0, -1).some((word) => word.term === last.term)
      ? last.term
      : undefined;
  const terms = queryTerms(typed);
  if (terms.length === 0) return;
  if (typing === undefined) return prepareSearch(parseSearchState(new URLSearchParams({ q: typed })), source);
  const short = [...typing].length < READ_AHEAD_LETTERS;
  const meta = await source.meta();
  await Promise.all(
    terms.map((term) => (term === typing && short ? bucketEntryOf : entryOf)(source, meta, term, 'word')),
  );
}

/** The document numbers of page `page` of the results, in order. */
const pageOf = (matches: Matches, state: SearchState) =>
  firstInOrder(matches, state.sort, state.page * RESULTS_PER_PAGE).slice((state.page - 1) * RESULTS_PER_PAGE);

/** Results with their records and excerpts (each cut as its record arrives, while the others are on their way). */
async function hitsOf(documents: readonly number[], terms: readonly string[], source: SearchSource) {
  const marked = new Set(terms);
  return Promise.all(
    documents.map(async (document): Promise<SearchHit> => {
      const record = await source.record(document);
      const texts = [record.text, record.card.standfirst ? plainText(record.card.standfirst) : ''];
      return { document, record, excerpt: excerpt(texts, marked) };
    }),
  );
}

/** The rest of a page of results (its `later`), with their records and excerpts. */
export function laterResults(result: SearchResult, source: SearchSource): Promise<SearchHit[]> {
  return hitsOf(result.later, result.terms, source);
}

/**
 * One page of results: the first RESULTS_FIRST with their records and excerpts, and the rest to read later.
 */
export async function runSearch(state: SearchState, source: SearchSource): Promise<SearchResult> {
  const { terms, words, selected, unknownTags, matches } = await match(state, source);
  const total = matches.documents.length;
  const page = pageOf(matches, state);
  return {
    terms,
    selected,
    unknownTags,
    hits: await hitsOf(page.slice(0, RESULTS_FIRST), terms, source),
    later: page.slice(RESULTS_FIRST),
    total,
    pageCount: pageCountOf(total, RESULTS_PER_PAGE),
    suggestions: total === 0 ? suggestionsFor(words) : [],
  };
}

/**
 * The tags that narrow the result: those the results shown carry, the most frequent among them first (then the most
 * used), each counted exactly within the whole result from its own list. Only OFFERED_TAGS are read unless every
 * tag is asked for, so a page of results costs a bounded number of small reads, and popular tags stay cached. Read
 * after the results are shown (the search's own documents are cached by then), so they never wait for it.
 */
export async function countTags(state: SearchState, source: SearchSource, everyTag: boolean): Promise<TagCounts> {
  const { meta, matches } = await match(state, source);
  const records = await Promise.all(pageOf(matches, state).map((document) => source.record(document)));
  // How many of the results shown carry each tag (by slug, as the index files tags).
  const seen = new Map<string, number>();
  for (const record of records) {
    for (const slug of new Set((record.card.tags ?? []).map(slugify))) {
      if (!state.tags.includes(slug)) seen.set(slug, (seen.get(slug) ?? 0) + 1);
    }
  }
  const candidates = [...seen].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([slug]) => slug);
  const asked = everyTag ? candidates : candidates.slice(0, OFFERED_TAGS);
  const counted = await Promise.all(
    asked.map(async (slug): Promise<TagCount> => {
      const entry = await entryOf(source, meta, tagTerm(slug), 'tag');
      const count = entry ? countIn(matches.documents, listOf(entry).documents) : 0;
      return { slug, label: entry?.label ?? slug, count };
    }),
  );
  return {
    counts: counted.filter((tag) => tag.count > 0),
    complete: asked.length === candidates.length,
  };
}

/** The tags the words name, each once (in the index's order: most used first). */
function suggestionsFor(words: readonly (TermEntry | undefined)[]): TagCount[] {
  const seen = new Map<string, TagCount>();
  for (const entry of words) for (const tag of entry?.tags ?? []) seen.set(tag.slug, tag);
  return [...seen.values()];
}
