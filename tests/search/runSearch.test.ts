import { describe, expect, it } from 'vitest';
import { LONG_LIST } from '../../build/search/buildSearchIndex';
import { compareTagCounts } from '../../src/model/tagOrder';
import { searchPath } from '../../src/search/paths';
import { bucketOf, termHash } from '../../src/search/postings';
import {
  DamagedIndexError,
  RESULTS_FIRST,
  RESULTS_PER_PAGE,
  countTags,
  laterResults,
  prepareSearch,
  readAhead,
  runSearch,
  type SearchSource,
} from '../../src/search/runSearch';
import { parseSearchState, type SearchState } from '../../src/search/searchState';
import { indexOf, type StoryFields } from './newsroom';

const stories: StoryFields[] = [
  {
    id: 'old-bridge',
    headline: 'The old bridge reopens',
    body: 'Traffic crosses the river again.',
    tags: ['Velmora', 'Transport'],
    day: 1,
  },
  {
    id: 'bridge-body',
    headline: 'Council meets',
    body: 'The bridges were discussed, and the river.',
    tags: ['Velmora', 'Local government'],
    day: 2,
  },
  {
    id: 'seoul',
    headline: 'Séoul trade talks',
    body: 'Talks in the capital.',
    tags: ['Trade', '평양'],
    authors: ['Tomás Ferreira'],
    day: 3,
  },
  {
    id: 'river-festival',
    headline: 'River festival',
    standfirst: 'Boats on the bridge side of the river.',
    tags: ['Velmora', 'Music'],
    day: 4,
  },
  { id: 'pyongyang', headline: 'A city report', body: '평양 에서 열린 회의.', tags: ['Korean Peninsula'], day: 5 },
];

const state = (query: string): SearchState => parseSearchState(new URLSearchParams(query));
const ids = (result: Awaited<ReturnType<typeof runSearch>>) => result.hits.map((hit) => hit.record.card.id);

describe('a search', () => {
  const { source } = indexOf(stories);

  it('finds articles with every word, in any form, best first', async () => {
    const result = await runSearch(state('q=bridges'), source);
    // Headline first, then standfirst, then body.
    expect(ids(result)).toEqual(['old-bridge', 'river-festival', 'bridge-body']);
    expect(result.total).toBe(3);
    expect(ids(await runSearch(state('q=bridge+river'), source))).toEqual([
      'river-festival',
      'old-bridge',
      'bridge-body',
    ]);
    expect(ids(await runSearch(state('q=bridge+festival'), source))).toEqual(['river-festival']);
  });

  it('gives each result its excerpt, the words marked: from the text, else the standfirst, else the text unmarked', async () => {
    const result = await runSearch(state('q=bridges'), source);
    const excerptOf = (id: string) => result.hits.find((hit) => hit.record.card.id === id)?.excerpt;
    const marked = (id: string) => excerptOf(id)?.flatMap((segment) => (segment.match ? [segment.text] : []));
    expect(marked('bridge-body')).toEqual(['bridges']);
    expect(marked('river-festival')).toEqual(['bridge']);
    expect(excerptOf('old-bridge')).toEqual([{ text: 'Traffic crosses the river again.', match: false }]);
  });

  it('orders by publication when asked', async () => {
    expect(ids(await runSearch(state('q=bridge&sort=newest'), source))).toEqual([
      'river-festival',
      'bridge-body',
      'old-bridge',
    ]);
  });

  it('ignores accents and case, finds authors and tags, and Korean as written', async () => {
    expect(ids(await runSearch(state('q=seoul'), source))).toEqual(['seoul']);
    expect(ids(await runSearch(state('q=TOMAS+ferreira'), source))).toEqual(['seoul']);
    expect(ids(await runSearch(state('q=local+government'), source))).toEqual(['bridge-body']);
    expect(ids(await runSearch(state('q=평양'), source))).toEqual(['seoul', 'pyongyang']);
  });

  it('narrows by tags (AND) and counts the other tags within the result', async () => {
    expect(ids(await runSearch(state('q=bridge&tag=velmora&tag=transport'), source))).toEqual(['old-bridge']);
    const narrowed = await runSearch(state('q=river&tag=velmora'), source);
    expect(narrowed.selected).toEqual([{ slug: 'velmora', label: 'Velmora', count: 3 }]);
    const { counts, complete } = await countTags(state('q=river&tag=velmora'), source, false);
    expect([...counts].sort(compareTagCounts)).toEqual([
      { slug: 'local-government', label: 'Local government', count: 1 },
      { slug: 'music', label: 'Music', count: 1 },
      { slug: 'transport', label: 'Transport', count: 1 },
    ]);
    expect(complete).toBe(true);
    const all = await countTags(state('q=bridge'), source, false);
    expect([...all.counts].sort(compareTagCounts)[0]).toEqual({ slug: 'velmora', label: 'Velmora', count: 3 });
  });

  it('finds nothing for a missing word, and offers the tags its words name', async () => {
    const result = await runSearch(state('q=korean+zebra'), source);
    expect(result.total).toBe(0);
    expect(result.suggestions.map((tag) => tag.slug)).toEqual(['korean-peninsula']);
    const unknown = await runSearch(state('q=bridge&tag=nope'), source);
    expect(unknown.total).toBe(0);
    expect(unknown.unknownTags).toEqual(['nope']);
  });

  it('reads the records of a screenful of results first, and the rest of the page when asked', async () => {
    const many = Array.from({ length: RESULTS_PER_PAGE + 3 }, (_, i) => ({
      id: `story-${i}`,
      headline: `Harbour story ${i}`,
      body: `The harbour on day ${i}.`,
      day: i,
    }));
    const { source: paged } = indexOf(many);
    const records: number[] = [];
    const counting: SearchSource = {
      ...paged,
      record: (document) => {
        records.push(document);
        return paged.record(document);
      },
    };
    const result = await runSearch(state('q=harbour&sort=newest'), counting);
    expect(ids(result)).toEqual(['story-12', 'story-11', 'story-10', 'story-9', 'story-8'].slice(0, RESULTS_FIRST));
    expect(records).toHaveLength(RESULTS_FIRST);
    expect(result.later).toHaveLength(RESULTS_PER_PAGE - RESULTS_FIRST);
    const later = await laterResults(result, counting);
    expect(later.map((hit) => hit.record.card.id)).toEqual(['story-7', 'story-6', 'story-5', 'story-4', 'story-3']);
    expect(later[0]?.excerpt.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(['harbour']);
    expect(records).toHaveLength(RESULTS_PER_PAGE);
  });

  it('pages the results', async () => {
    const many = Array.from({ length: RESULTS_PER_PAGE + 3 }, (_, i) => ({
      id: `story-${i}`,
      headline: `Harbour story ${i}`,
      day: i,
    }));
    const { source: paged } = indexOf(many);
    const first = await runSearch(state('q=harbour&sort=newest'), paged);
    expect(first.pageCount).toBe(2);
    expect(ids(first)[0]).toBe(`story-${RESULTS_PER_PAGE + 2}`);
    const second = await runSearch(state('q=harbour&sort=newest&page=2'), paged);
    expect(ids(second)).toEqual(['story-2', 'story-1', 'story-0']);
    expect(second.later).toEqual([]);
  });

  it('reports a damaged list instead of showing wrong results', async () => {
    const { files, source: damaged } = indexOf(stories);
    for (const [path, text] of files) {
      if (path.includes('/words/')) files.set(path, text.replace(/"p":"[^"]*"/g, '"p":"!"'));
    }
    await expect(runSearch(state('q=bridge'), damaged)).rejects.toBeInstanceOf(DamagedIndexError);
    // Prepared ahead: its lists are read, but decoded (and the damage found) only if the search is still wanted.
    await expect(prepareSearch(state('q=bridge'), damaged, () => false)).resolves.toBeUndefined();
    await expect(prepareSearch(state('q=bridge'), damaged, () => true)).rejects.toBeInstanceOf(DamagedIndexError);
  });

  it('puts a common word’s headline matches first, from a long list that keeps only its headline articles', async () => {
    const many: StoryFields[] = Array.from({ length: LONG_LIST + 40 }, (_, i) => ({
      id: `story-${i}`,
      headline: i % 500 === 7 ? `Harbour story ${i}` : `Story ${i}`,
      body: 'The harbour was busy.',
      day: i,
    }));
    const { source, files } = indexOf(many);
    const own = [...files].find(([path, text]) => path.includes('/own/') && text.includes('"t":"harbour"'));
    const entry = JSON.parse(own?.[1] ?? '{}') as { entries: { t: string; h?: string; c?: string }[] };
    const harbour = entry.entries.find((e) => e.t === 'harbour');
    expect(typeof harbour?.h).toBe('string');
    expect(harbour?.c).toBeUndefined();
    const result = await runSearch(state('q=harbour'), source);
    expect(result.total).toBe(LONG_LIST + 40);
    const headlined = many.filter((story) => story.headline.startsWith('Harbour')).map((story) => story.id);
    expect(
      result.hits
        .slice(0, headlined.length)
        .map((hit) => hit.record.card.id)
        .sort(),
    ).toEqual(headlined.sort());
  });
});

describe('reading ahead while the reader types', () => {
  // Two words in every article: each has a list of its own (long lists are files of their own).
  const many: StoryFields[] = Array.from({ length: 1100 }, (_, i) => ({
    id: `story-${i}`,
    headline: `Story ${i}`,
    body: 'The harbour was busy.',
    day: i,
  }));
  const { source, files, reads } = indexOf(many);
  const ownList = (term: string) => searchPath.ownList(termHash(term));
  const { wordBuckets } = JSON.parse(files.get(searchPath.meta()) ?? '{}') as { wordBuckets: number };

  it('reads the list of each finished word, and of the word being typed only its bucket until it is 4 letters long', async () => {
    expect(files.has(ownList('harbour')) && files.has(ownList('the'))).toBe(true);
    reads.length = 0;
    // "the" may yet become "theatre": its long list is not read.
    await readAhead('harbour the', source);
    expect(reads).toContain(searchPath.wordBucket(bucketOf('the', wordBuckets)));
    expect(reads.filter((path) => path.includes('/own/'))).toEqual([ownList('harbour')]);
    reads.length = 0;
    // A space after it: the word is finished.
    await readAhead('harbour the ', source);
    expect(reads).toContain(ownList('the'));
    reads.length = 0;
    await readAhead('the harbour', source);
    expect(reads.filter((path) => path.includes('/own/')).sort()).toEqual([ownList('harbour'), ownList('the')].sort());
    reads.length = 0;
    await readAhead('  ', source);
    expect(reads).toEqual([]);
  });
});
