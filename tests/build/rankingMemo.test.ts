// @vitest-environment node
/**
 * Related lists kept between compiles (ranking.ts with a memo): a list is ranked again only when something it was
 * ranked from changed, and the documents are always exactly what a compile without the memo writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent, type SourceFile } from '../../build/compile.ts';
import { roundedCount, type KeptRanking, type RankingMemo } from '../../build/ranking.ts';
import { article, articlesADayApart, type Json } from './articleSource.ts';

const TAGS = ['Rivers', 'Bridges', 'Trains', 'Schools', 'Budget', 'Courts', 'Health', 'Ports'];
const AUTHORS = ['Ada Reporter', 'Bo Writer', 'Cy Editor'];
const SECTIONS = ['World', 'Cities', 'Sport'];

/** A newsroom of `count` articles a day apart, with tags, authors and sections in a fixed pattern. */
const newsroom = (count: number) =>
  articlesADayApart(count, (i) => ({
    headline: `Headline about ${TAGS[i % TAGS.length] ?? ''} number ${i}`,
    tags: [TAGS[i % TAGS.length] ?? '', TAGS[(i * 3 + 1) % TAGS.length] ?? ''],
    byline: [{ name: AUTHORS[i % AUTHORS.length] ?? '' }],
    section: SECTIONS[i % SECTIONS.length],
  }));

/** A memo that counts what it is asked to remember: each set is a list ranked again. */
function countingMemo() {
  const kept = new Map<string, KeptRanking>();
  const memo: RankingMemo & { ranked: number } = {
    ranked: 0,
    get: (id) => kept.get(id),
    set: (id, ranking) => {
      memo.ranked++;
      kept.set(id, ranking);
    },
  };
  return memo;
}

function compile(articles: Map<string, Json>, rankingMemo?: RankingMemo) {
  const sources: SourceFile[] = [...articles.values()].map((value) => ({
    file: `articles/${String(value.id)}.json`,
    text: JSON.stringify(value),
  }));
  const output = compileContent({ articles: sources, fileExists: () => true, mode: 'strict', rankingMemo });
  expect(output.problems).toEqual([]);
  return output.documents;
}

describe('related lists kept between compiles', () => {
  it('ranks every list once, then none again when nothing changed', () => {
    const articles = newsroom(120);
    const memo = countingMemo();
    const first = compile(articles, memo);
    expect(memo.ranked).toBe(120);
    memo.ranked = 0;
    expect(compile(articles, memo)).toEqual(first);
    expect(memo.ranked).toBe(0);
  });

  it('ranks again only the neighbours of an edited article, and writes what a compile without the memo writes', () => {
    const articles = newsroom(300);
    const memo = countingMemo();
    compile(articles, memo);
    memo.ranked = 0;
    articles.set('a150', { ...articles.get('a150'), headline: 'Rivers and bridges and trains' });
    const documents = compile(articles, memo);
    expect(documents).toEqual(compile(articles));
    expect(memo.ranked).toBeGreaterThan(0);
    expect(memo.ranked).toBeLessThan(100);
  });

  it('gives the same documents as a compile without the memo after any sequence of edits', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('headline' as const), at: fc.nat(59), words: fc.constantFrom(...TAGS) }),
      fc.record({ kind: fc.constant('tags' as const), at: fc.nat(59), tags: fc.subarray(TAGS, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(59), tags: fc.subarray(TAGS, { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(59) }),
      fc.record({ kind: fc.constant('pick' as const), at: fc.nat(59), other: fc.nat(59) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const articles = newsroom(60);
        const memo = countingMemo();
        compile(articles, memo);
        let added = 0;
        for (const change of edits) {
          const ids = [...articles.keys()];
          const id = ids[change.at % ids.length] ?? 'a0';
          const current = articles.get(id) ?? {};
          if (change.kind === 'headline') articles.set(id, { ...current, headline: `${change.words} ${id}` });
          if (change.kind === 'tags') articles.set(id, { ...current, tags: change.tags });
          if (change.kind === 'add') {
            const newId = `added${added++}`;
            articles.set(newId, article(newId, { ...current, id: newId, tags: change.tags, related: undefined }));
          }
          // Only an article no other picks may go (a pick of a missing article is a problem).
          const pickedBySomeone = [...articles.values()].some((a) => (a.related as string[] | undefined)?.includes(id));
          if (change.kind === 'delete' && articles.size > 2 && !pickedBySomeone) articles.delete(id);
          if (change.kind === 'pick') {
            const other = ids[change.other % ids.length];
            if (other && other !== id && articles.has(other) && articles.has(id)) {
              articles.set(id, { ...articles.get(id), related: [other] });
            }
          }
          expect(compile(articles, memo)).toEqual(compile(articles));
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('roundedCount', () => {
  it('keeps small counts exact and moves a large one only every few per cent', () => {
    expect([1, 2, 3, 63, 64].map(roundedCount)).toEqual([1, 2, 3, 63, 64]);
    const steps = new Set(Array.from({ length: 1000 }, (_, i) => roundedCount(5000 + i)));
    // 5,000 to 5,999 is about a quarter of a doubling: four or five steps, not a thousand.
    expect(steps.size).toBeGreaterThanOrEqual(4);
    expect(steps.size).toBeLessThanOrEqual(5);
    expect(Math.abs(roundedCount(5000) - 5000) / 5000).toBeLessThan(0.03);
  });
});
