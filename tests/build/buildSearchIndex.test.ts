import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  MAX_RECORD_TEXT,
  SearchIndexBuilder,
  type IndexedArticle,
} from '../../build/search/buildSearchIndex';
import { termOf } from '../../src/search/analyze';
import { SearchMeta, SearchRecord, TermFile } from '../../src/search/documents';
import { recordPath, searchPath } from '../../src/search/paths';
import { bucketOf, decodeGaps, termHash } from '../../src/search/postings';
import { compiledStories, type StoryFields } from '../search/newsroom';

const parse = <T>(files: Map<string, string>, path: string, schema: { parse: (value: unknown) => T }): T =>
  schema.parse(JSON.parse(files.get(path) ?? 'null'));

/** Document n's record path (0 = the oldest). */
function pathOf(files: Map<string, string>, n: number): string {
  return recordPath(parse(files, searchPath.meta(), SearchMeta), n) ?? `no record ${n}`;
}

function entry(files: Map<string, string>, term: string) {
  const meta = parse(files, searchPath.meta(), SearchMeta);
  const bucket = parse(files, searchPath.wordBucket(bucketOf(term, meta.wordBuckets)), TermFile);
  const found = bucket.entries.find((e) => e.t === term);
  if (!found?.own) return found;
  return parse(files, searchPath.ownList(termHash(term)), TermFile).entries.find((e) => e.t === term);
}

describe('the search index build', () => {
  const stories: StoryFields[] = [
    { id: 'newest', headline: 'Bridge opens', tags: ['Velmora'], day: 9 },
    { id: 'oldest', headline: 'River report', body: 'A bridge.', tags: ['Velmora', 'Port Calder'], day: 1 },
  ];

  it('numbers articles oldest first, so a new article leaves the others’ numbers as they were', () => {
    const files = buildSearchIndex(compiledStories(stories));
    expect(parse(files, pathOf(files, 0), SearchRecord).card.id).toBe('oldest');
    expect(parse(files, pathOf(files, 1), SearchRecord).card.id).toBe('newest');
    expect([pathOf(files, 0), pathOf(files, 1)]).toEqual([
      '/data/search/docs/2025-01/0.json',
      '/data/search/docs/2025-01/1.json',
    ]);
    const more = buildSearchIndex(compiledStories([...stories, { id: 'later', headline: 'Later news', day: 20 }]));
    expect(more.get(pathOf(more, 0))).toBe(files.get(pathOf(files, 0)));
    expect(more.get(pathOf(more, 1))).toBe(files.get(pathOf(files, 1)));
  });

  it('gives the same files whatever order the articles come in', () => {
    const a = buildSearchIndex(compiledStories(stories));
    const b = buildSearchIndex(compiledStories([...stories].reverse()));
    expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
  });

  it('files each word under its stem with the articles using it, and each tag under #slug', () => {
    const files = buildSearchIndex(compiledStories(stories));
    const bridge = entry(files, termOf('bridges'));
    expect(bridge?.n).toBe(2);
    expect(Array.from(decodeGaps(bridge?.p ?? '') ?? [])).toEqual([0, 1]);
    const meta = parse(files, searchPath.meta(), SearchMeta);
    expect(meta).toEqual({ version: 3, documents: 2, wordBuckets: 1, tagBuckets: 1, months: [['2025-01', 2]] });
    const tags = parse(files, searchPath.tagBucket(0), TermFile).entries;
    expect(tags.find((e) => e.t === '#velmora')).toMatchObject({ n: 2, label: 'Velmora' });
  });

  it('records each article’s card and its plain text, cut to a bounded length, and nothing of other articles', () => {
    const long = 'word '.repeat(MAX_RECORD_TEXT);
    const files = buildSearchIndex(
      compiledStories([
        {
          id: 'long',
          headline: 'Long',
          body: `A [link](https://example.org) and *marks*. ${long}`,
          tags: ['Velmora'],
          day: 1,
        },
      ]),
    );
    const record = parse(files, pathOf(files, 0), SearchRecord);
    expect(record.card).toMatchObject({ id: 'long', headline: 'Long' });
    expect(record.card.tags).toEqual(['Velmora']);
    expect(Object.keys(record).sort()).toEqual(['card', 'text']);
    expect(record.text.startsWith('A link and marks. word')).toBe(true);
    expect(record.text.length).toBe(MAX_RECORD_TEXT);
  });

  it('puts a long list in a file of its own, and keeps bucket files small', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      id: `story-${i}`,
      headline: `Common word and rare${i.toString(36).replace(/\d/g, 'x')}`,
      day: i,
    }));
    const files = buildSearchIndex(compiledStories(many));
    const meta = parse(files, searchPath.meta(), SearchMeta);
    const bucket = parse(files, searchPath.wordBucket(bucketOf('common', meta.wordBuckets)), TermFile);
    expect(bucket.entries.find((e) => e.t === 'common')).toEqual({ t: 'common', n: 1500, own: true });
    expect(entry(files, 'common')?.n).toBe(1500);
    expect(meta.wordBuckets).toBeGreaterThan(1);
    for (let b = 0; b < meta.wordBuckets; b++) {
      expect(files.get(searchPath.wordBucket(b))?.length).toBeLessThan(16_000);
    }
  });

  it('offers, under each word, the tags whose names contain it', () => {
    const files = buildSearchIndex(compiledStories(stories));
    expect(entry(files, 'port')?.tags).toEqual([{ slug: 'port-calder', label: 'Port Calder', count: 1 }]);
  });

  it('changes only the edited article’s record and the files of the words it gained or lost', () => {
    const words = 'harbour ferry council budget school energy river bridge market court'.split(' ');
    const many: StoryFields[] = Array.from({ length: 600 }, (_, i) => ({
      id: `story-${i}`,
      headline: `${words[i % 10]} news ${i.toString(36).replace(/\d/g, 'q')}`,
      body: `The ${words[(i * 3) % 10]} and the ${words[(i * 7) % 10]} report ${i.toString(36).replace(/\d/g, 'z')}.`,
      tags: [`Tag ${i % 40}`],
      day: i,
    }));
    const before = buildSearchIndex(compiledStories(many));
    const edited = many.map((story) =>
      story.id === 'story-300' ? { ...story, body: `${story.body} A new word: zephyrine.` } : story,
    );
    const after = buildSearchIndex(compiledStories(edited));
    const changed = [...after.keys()].filter((path) => after.get(path) !== before.get(path));
    const removed = [...before.keys()].filter((path) => !after.has(path));
    const meta = parse(after, searchPath.meta(), SearchMeta);
    expect(meta.wordBuckets).toBeGreaterThanOrEqual(4);
    expect(removed).toEqual([]);
    // The record, the bucket of the new words ("new", "word", "zephyrin"), and the lists they joined.
    expect(changed).toContain(pathOf(after, 300));
    expect(changed).toContain(searchPath.wordBucket(bucketOf(termOf('zephyrine'), meta.wordBuckets)));
    expect(changed.length).toBeLessThanOrEqual(5);
    expect(changed.filter((path) => path.includes('/docs/'))).toEqual([pathOf(after, 300)]);
  });

  it('takes what an earlier build took from an unchanged article, and gives the same files as a build without it', () => {
    const words = 'harbour ferry council budget school energy river bridge market court'.split(' ');
    const many: StoryFields[] = words.map((word, i) => ({
      id: `story-${i}`,
      headline: `The ${word} question`,
      standfirst: `Séoul and ${words[(i + 3) % words.length] ?? ''}`,
      body: `${word} ${words[(i + 1) % words.length] ?? ''} 항구 bridges`,
      tags: [`Tag ${i % 3}`],
      day: i,
    }));
    const kept = new Map<string, IndexedArticle>();
    let analysed = 0;
    const memo = {
      get: (hash: string) => kept.get(hash),
      set: (hash: string, indexed: IndexedArticle) => {
        analysed++;
        kept.set(hash, indexed);
      },
    };
    const build = (stories: StoryFields[]) => {
      const builder = new SearchIndexBuilder(memo);
      // The hash stands for the article's file: here, its fields.
      for (const article of compiledStories(stories)) builder.add(article, JSON.stringify(article));
      return builder.files();
    };
    expect(build(many)).toEqual(buildSearchIndex(compiledStories(many)));
    expect(analysed).toBe(words.length);

    const edited = many.map((story, i) => (i === 4 ? { ...story, body: 'A new word: lighthouse' } : story));
    analysed = 0;
    expect(build(edited)).toEqual(buildSearchIndex(compiledStories(edited)));
    expect(analysed).toBe(1);
  });

  it('files short lists in a power of two of buckets, so a growing index keeps where terms are filed', () => {
    for (const n of [1, 50, 400]) {
      const stories = Array.from({ length: n }, (_, i) => ({
        id: `s-${i}`,
        headline: `word${i.toString(36).replace(/\d/g, 'k')} story`,
        day: i,
      }));
      const { wordBuckets, tagBuckets } = parse(
        buildSearchIndex(compiledStories(stories)),
        searchPath.meta(),
        SearchMeta,
      );
      expect(Math.log2(wordBuckets) % 1).toBe(0);
      expect(Math.log2(tagBuckets) % 1).toBe(0);
    }
  });
});
