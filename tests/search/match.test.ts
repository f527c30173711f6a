import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIn, fieldWeight, firstInOrder, intersect, scoreOf, type TermList } from '../../src/search/match';
import { fieldCode } from '../../src/search/postings';

const code = (fields: Partial<Parameters<typeof fieldCode>[0]>) =>
  fieldCode({ headline: false, standfirst: false, label: false, body: 0, ...fields });

const list = (documents: number[], codes?: number[]): TermList => ({
  documents: Int32Array.from(documents),
  ...(codes ? { codes: Uint8Array.from(codes) } : {}),
});

describe('matching', () => {
  it('keeps only documents that have every term (AND)', () => {
    const bridge = list([1, 3, 5, 7], [8, 8, 8, 8]);
    const river = list([3, 4, 7], [8, 8, 8]);
    expect(Array.from(intersect([bridge, river], 10).documents)).toEqual([3, 7]);
    expect(Array.from(intersect([bridge, river, list([])], 10).documents)).toEqual([]);
  });

  it('weighs the headline over the standfirst and labels, and those over the body', () => {
    expect(fieldWeight(code({ headline: true }))).toBeGreaterThan(fieldWeight(code({ standfirst: true })));
    expect(fieldWeight(code({ standfirst: true }))).toBeGreaterThan(fieldWeight(code({ body: 3 })));
    expect(fieldWeight(code({ label: true }))).toBeGreaterThan(fieldWeight(code({ body: 3 })));
    expect(fieldWeight(code({ body: 2 }))).toBeGreaterThan(fieldWeight(code({ body: 1 })));
  });

  it('orders best first (ties newest first) or newest first', () => {
    const word = list(
      [0, 1, 2, 3],
      [code({ body: 1 }), code({ headline: true }), code({ body: 1 }), code({ body: 1 })],
    );
    const matches = intersect([word], 100);
    expect(firstInOrder(matches, 'best', 4)).toEqual([1, 3, 2, 0]);
    expect(firstInOrder(matches, 'newest', 4)).toEqual([3, 2, 1, 0]);
    expect(firstInOrder(matches, 'best', 2)).toEqual([1, 3]);
    expect(firstInOrder(matches, 'best', 10)).toHaveLength(4);
    // Ordering never changes the matches themselves (a later page, or the other sort, reads them again).
    expect(Array.from(matches.documents)).toEqual([0, 1, 2, 3]);
  });

  it('puts the first results in the same order as sorting them all would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 120, maxLength: 120 }),
        fc.integer({ min: 1, max: 40 }),
        (numbers, codes, count) => {
          const documents = numbers.sort((a, b) => a - b);
          const word = list(documents, codes.slice(0, documents.length));
          // One word (ordered by its codes) and two (by their scores).
          for (const lists of [[word], [word, list(documents, codes.slice(0, documents.length).reverse())]]) {
            const matches = intersect(lists, 1000);
            const all = Array.from(matches.documents.keys()).sort(
              (a, b) => scoreOf(matches, b) - scoreOf(matches, a) || b - a,
            );
            expect(firstInOrder(matches, 'best', count)).toEqual(
              all.slice(0, count).map((position) => matches.documents[position]),
            );
          }
        },
      ),
    );
  });

  it('counts the documents of a result that are in a list', () => {
    expect(countIn(Int32Array.from([1, 3, 5, 9]), Int32Array.from([0, 3, 4, 5, 6]))).toBe(2);
    expect(countIn(Int32Array.from([]), Int32Array.from([1]))).toBe(0);
  });
});
