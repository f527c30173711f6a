/**
 * One search, put together from the index's documents (each a query of its own in api/queries.ts, so only what the
 * cache lacks is fetched): the meta file, the entry of each word and chosen tag, then the records of the page shown
 * and the lists of the tags offered to narrow it. Loaded only when a reader searches.
 */
import { compareTagCounts } from '../model/tagOrder.ts';
import { countIn, intersect, rank, type TermList } from './match.ts';
import { searchPath } from './paths.ts';
import { bucketOf, decodeCodes, decodeGaps, tagTerm, termHash } from './postings.ts';
import { queryTerms, type SearchState } from './searchState.ts';
import type { TagCount } from '../model/compiled.ts';
import type { SearchMeta, SearchRecord, TermEntry, TermFile } from './documents.ts';

/** How the search reads the index; api/queries.ts gives it the cache's queries. */
export interface SearchSource {
  meta(): Promise<SearchMeta>;
  /** A bucket of terms, or the file of a long list. */
  file(path: string): Promise<TermFile>;
  record(document: number): Promise<SearchRecord>;
}

/** The filter offers at first as many tags as the front page's (TagFilter shows 16 before "Show all tags"). */
export const OFFERED_TAGS = 16;

export interface SearchHit {
  document: number;
  record: SearchRecord;
}

export interface SearchResult {
  terms: string[];
  total: number;
  pageCount: number;
  hits: SearchHit[];
  /** The chosen tags that exist, with their labels. */
  selected: TagCount[];
  /** Chosen tag slugs the newsroom does not have. */
  unknownTags: string[];
  /** Tags carried by the results shown, with the number of all results carrying each (most first). */
  counts: TagCount[];
  /** Whether `counts` holds every tag of the results shown; otherwise the most frequent OFFERED_TAGS. */
  countsComplete: boolean;
  /** When nothing matches: tags whose names contain the words. */
  suggestions: TagCount[];
}

export class DamagedIndexError extends Error {
  constructor(term: string) {
    super(`The search index's list for "${term}" is damaged; rebuild the site.`);
    this.name = 'DamagedIndexError';
  }
}

const decoded = new WeakMap<TermEntry, TermList>();

function listOf(entry: TermEntry): TermList {
  let list = decoded.get(entry);
  if (list) return list;
  const documents = decodeGaps(entry.p ?? '');
  const codes = entry.c === undefined ? undefined : decodeCodes(entry.c);
  if (!documents || documents.length !== entry.n || (entry.c !== undefined && codes?.length !== entry.n)) {
    throw new DamagedIndexError(entry.t);
  }
  list = codes ? { documents, codes } : { documents };
  decoded.set(entry, list);
  return list;
}

/** The entry of a word or of a tag (`#slug`): from its bucket and, for a long list, the file of its own. */
async function entryOf(source: SearchSource, meta: SearchMeta, term: string, kind: 'word' | 'tag') {
  const bucket =
    kind === 'word'
      ? searchPath.wordBucket(bucketOf(term, meta.wordBuckets))
      : searchPath.tagBucket(bucketOf(term, meta.tagBuckets));
  const entry = (await source.file(bucket)).entries.find((candidate) => candidate.t === term);
  if (!entry?.own) return entry;
  return (await source.file(searchPath.ownList(termHash(term)))).entries.find((candidate) => candidate.t === term);
}

const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

export async function runSearch(
  state: SearchState,
  source: SearchSource,
  pageSize: number,
  options: { everyTag?: boolean } = {},
): Promise<SearchResult> {
  const terms = queryTerms(state.q);
  const meta = await source.meta();
  const [words, tags] = await Promise.all([
    Promise.all(terms.map((term) => entryOf(source, meta, term, 'word'))),
    Promise.all(state.tags.map((slug) => entryOf(source, meta, tagTerm(slug), 'tag'))),
  ]);
  const selected = state.tags.flatMap((slug, i) => {
    const entry = tags[i];
    return entry ? [{ slug, label: entry.label ?? slug, count: entry.n }] : [];
  });
  const unknownTags = state.tags.filter((_, i) => !tags[i]);
  const empty = { terms, selected, unknownTags, counts: [], countsComplete: true, hits: [], total: 0, pageCount: 1 };

  if (words.some((entry) => !entry) || unknownTags.length > 0 || terms.length === 0) {
    return { ...empty, suggestions: suggestionsFor(words) };
  }
  const lists = [...words, ...tags].flatMap((entry) => (entry ? [listOf(entry)] : []));
  const ranked = rank(intersect(lists, meta.documents), state.sort);
  if (ranked.length === 0) return { ...empty, suggestions: suggestionsFor(words) };

  const shown = ranked.slice((state.page - 1) * pageSize, state.page * pageSize);
  const hits = await Promise.all(
    shown.map(async ({ document }) => ({ document, record: await source.record(document) })),
  );
  const matching = Int32Array.from(ranked.map((hit) => hit.document)).sort();
  const { counts, complete } = await tagCounts(hits, matching, state.tags, source, meta, options.everyTag ?? false);
  return {
    ...empty,
    hits,
    total: ranked.length,
    pageCount: pageCountOf(ranked.length, pageSize),
    counts,
    countsComplete: complete,
    suggestions: [],
  };
}

/** The tags the words name, most used first, each once. */
function suggestionsFor(words: readonly (TermEntry | undefined)[]): TagCount[] {
  const seen = new Map<string, TagCount>();
  for (const entry of words) for (const tag of entry?.tags ?? []) seen.set(tag.slug, tag);
  return [...seen.values()].sort(compareTagCounts);
}

/**
 * The tags that narrow the result: those the results shown carry, the most frequent among them first (then the most
 * used), each counted exactly within the whole result from its own list. Only OFFERED_TAGS are read unless every
 * tag is asked for, so a page of results costs a bounded number of small reads, and popular tags stay cached.
 */
async function tagCounts(
  hits: readonly SearchHit[],
  matching: Int32Array,
  chosen: readonly string[],
  source: SearchSource,
  meta: SearchMeta,
  everyTag: boolean,
): Promise<{ counts: TagCount[]; complete: boolean }> {
  const onPage = new Map<string, { tag: TagCount; seen: number }>();
  for (const { record } of hits) {
    for (const tag of record.tags) {
      if (chosen.includes(tag.slug)) continue;
      const known = onPage.get(tag.slug);
      onPage.set(tag.slug, { tag, seen: (known?.seen ?? 0) + 1 });
    }
  }
  const candidates = [...onPage.values()]
    .sort((a, b) => b.seen - a.seen || b.tag.count - a.tag.count)
    .map((candidate) => candidate.tag);
  const asked = everyTag ? candidates : candidates.slice(0, OFFERED_TAGS);
  const counted = await Promise.all(
    asked.map(async (tag) => {
      const entry = await entryOf(source, meta, tagTerm(tag.slug), 'tag');
      return { ...tag, count: entry ? countIn(matching, listOf(entry).documents) : 0 };
    }),
  );
  return {
    counts: counted.filter((tag) => tag.count > 0).sort(compareTagCounts),
    complete: asked.length === candidates.length,
  };
}
