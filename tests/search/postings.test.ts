import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCodes,
  decodeGaps,
  encodeCodes,
  encodeGaps,
  fieldCode,
  fieldsOf,
  termHash,
} from '../../src/search/postings';

describe('postings', () => {
  it('round-trips any ascending list of document numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 300 }), (numbers) => {
        const documents = Int32Array.from(numbers.sort((a, b) => a - b));
        expect(decodeGaps(encodeGaps(documents))).toEqual(documents);
      }),
    );
  });

  it('writes a list of every article as one repeated character', () => {
    const every = Int32Array.from({ length: 1000 }, (_, i) => i);
    expect(new Set(encodeGaps(every))).toEqual(new Set([encodeGaps([0])]));
  });

  it('refuses a damaged list rather than reading wrong numbers', () => {
    expect(decodeGaps('A')).toBeUndefined(); // a number cut short
    expect(decodeGaps('g!')).toBeUndefined(); // a character outside the alphabet
    expect(decodeGaps('g평')).toBeUndefined();
    expect(decodeCodes('A*')).toBeUndefined();
  });

  it('round-trips where a term occurs', () => {
    for (const headline of [false, true])
      for (const standfirst of [false, true])
        for (const label of [false, true])
          for (const body of [0, 1, 2, 3]) {
            const fields = { headline, standfirst, label, body };
            expect(fieldsOf(fieldCode(fields))).toEqual(fields);
          }
    expect(fieldsOf(fieldCode({ headline: false, standfirst: false, label: false, body: 9 })).body).toBe(3);
    const codes = [0, 5, 63, 31];
    expect(Array.from(decodeCodes(encodeCodes(codes)) ?? [])).toEqual(codes);
  });

  it('hashes terms the same way everywhere, for any script', () => {
    expect(termHash('bridg')).toBe(termHash('bridg'));
    expect(termHash('평양')).not.toBe(termHash('원산'));
    expect(termHash('평양')).toBeGreaterThanOrEqual(0);
  });
});
