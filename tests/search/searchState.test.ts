import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/search/analyze';
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  parseSearchState,
  queryTerms,
  searchUrl,
} from '../../src/search/searchState';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe('search URL state', () => {
  it('reads the words, tags, sort and page', () => {
    expect(parse('q=harbour+wall&tag=Port+Calder&tag=infrastructure&sort=newest&page=2')).toEqual({
      q: 'harbour wall',
      tags: ['port-calder', 'infrastructure'],
      sort: 'newest',
      page: 2,
    });
  });

  it('reads junk as the empty search, never an error', () => {
    for (const query of ['', 'q=', 'q=%20%20', 'q=!!!&page=-4&sort=oldest', 'page=abc', 'q=%E0%A4%A']) {
      const state = parse(query);
      expect(state.page).toBe(1);
      expect(state.sort).toBe('best');
      expect(queryTerms(state.q)).toEqual(expect.any(Array));
    }
    expect(queryTerms(parse('q=!!!').q)).toEqual([]);
  });

  it('collapses spaces and cuts very long queries', () => {
    expect(parse('q=%20a%20%20%20b%0A').q).toBe('a b');
    expect(parse(`q=${'word '.repeat(100)}`).q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  it('makes terms of the words: each once, at most a few', () => {
    expect(queryTerms('Bridges bridge BRIDGE Séoul')).toEqual([termOf('bridge'), 'seoul']);
    expect(queryTerms('a b c d e f g h i j k')).toHaveLength(MAX_QUERY_TERMS);
  });

  it('writes the URL of a state, leaving defaults out, and reads it back', () => {
    const state = { q: 'harbour wall', tags: ['port-calder'], sort: 'newest' as const, page: 3 };
    expect(searchUrl(state)).toBe('/search?q=harbour+wall&tag=port-calder&sort=newest&page=3');
    expect(parse(searchUrl(state).split('?')[1] ?? '')).toEqual(state);
    expect(searchUrl({ q: '평양' })).toBe(`/search?q=${encodeURIComponent('평양')}`);
  });
});
