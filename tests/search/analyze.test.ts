import { describe, expect, it } from 'vitest';
import { termOf, termsOf, tokenize } from '../../src/search/analyze';

describe('search terms', () => {
  it('ignores case, accents and Unicode forms', () => {
    const forms = ['Séoul', 'SÉOUL', 'seoul', 'Se\u0301oul', 'ＳＥＯＵＬ'];
    expect(new Set(forms.map(termOf))).toEqual(new Set([termOf('seoul')]));
  });

  it('reduces English words to a common stem', () => {
    expect(termOf('bridges')).toBe(termOf('bridge'));
    expect(termOf('Elections')).toBe(termOf('election'));
    expect(termOf('running')).toBe(termOf('runs'));
    expect(termOf('bridge')).not.toBe(termOf('bride'));
  });

  it('keeps other scripts as written, whatever their Unicode form', () => {
    expect(termOf('평양')).toBe('평양');
    expect(termOf('평양'.normalize('NFD'))).toBe('평양');
    expect(termOf('원산')).not.toBe(termOf('평양'));
    expect(termOf('Москва')).toBe('москва');
  });

  it('splits text into words with their places, across punctuation and scripts', () => {
    const text = 'US-South Korea: 평양, "Tomás" 2025!';
    expect(tokenize(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'US',
      'South',
      'Korea',
      '평양',
      'Tomás',
      '2025',
    ]);
    expect(termsOf('the bridges and the bridge')).toEqual(['the', termOf('bridge'), 'and']);
  });

  it('keeps a decomposed accent inside its word', () => {
    const text = 'Se\u0301oul today';
    expect(tokenize(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Se\u0301oul', 'today']);
  });

  it('finds no words in punctuation alone', () => {
    expect(termsOf(' -- !!! ... ')).toEqual([]);
  });
});
