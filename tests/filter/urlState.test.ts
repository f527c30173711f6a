// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FrontState,
  MAX_FILTER_TAGS,
  parseFrontState,
  parsePage,
  withTag,
  withoutTag,
} from '../../src/filter/urlState';
import { frontUrl, pagedUrl } from '../../src/model/pageUrls';

const parse = (query: string) => parseFrontState(new URLSearchParams(query));
/** The state a front-page href leads to. */
const parseHref = (href: string) => parseFrontState(new URL(href, 'https://news.example').searchParams);

describe('parseFrontState', () => {
  it('reads no tags and page 1 from an empty query', () => {
    expect(parse('')).toEqual({ tags: [], page: 1 });
    expect(parse('?')).toEqual({ tags: [], page: 1 });
  });

  it('reads repeated tags in order', () => {
    expect(parse('?tag=north-korea&tag=russia&page=2')).toEqual({ tags: ['north-korea', 'russia'], page: 2 });
  });

  it('drops empty and duplicate tags', () => {
    expect(parse('tag=&tag=a&tag=a&tag=b&tag=%20&tag=a')).toEqual({ tags: ['a', 'b'], page: 1 });
  });

  it('reads a label typed by hand as its slug, and drops a label with no slug', () => {
    expect(parse('tag=North%20Korea%20news&tag=S%C3%A9oul&tag=!!!&tag=north-korea-news')).toEqual({
      tags: ['north-korea-news', 'seoul'],
      page: 1,
    });
  });

  it('reads a percent-encoded non-Latin slug', () => {
    expect(parse(`tag=${encodeURIComponent('평양')}`).tags).toEqual(['평양']);
  });

  it('ignores other parameters', () => {
    expect(parse('utm_source=x&tags=a&tag=b&Tag=c')).toEqual({ tags: ['b'], page: 1 });
  });

  it(`keeps at most MAX_FILTER_TAGS (${MAX_FILTER_TAGS}) distinct tags, the first ones`, () => {
    const many = Array.from({ length: MAX_FILTER_TAGS + 4 }, (_, i) => `tag=t${i}`).join('&');
    const { tags } = parse(many);
    expect(tags).toEqual(Array.from({ length: MAX_FILTER_TAGS }, (_, i) => `t${i}`));
  });

  it('counts distinct tags towards the cap, not repeats', () => {
    const query = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((tag) => `tag=${tag}`).join('&');
    expect(parse(query).tags).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it.each([
    ['-1', 1],
    ['abc', 1],
    ['0', 1],
    ['', 1],
    ['1', 1],
    ['2', 2],
    ['02', 2],
    ['999999', 999999],
    ['9999999', 1],
    ['99999999999999999999', 1],
    ['2.5', 1],
    ['1e3', 1],
    ['0x10', 1],
    ['Infinity', 1],
    ['NaN', 1],
  ])('reads page=%j as %i', (page, expected) => {
    expect(parse(`page=${encodeURIComponent(page)}`).page).toBe(expected);
  });

  it('uses the first page parameter', () => {
    expect(parse('page=3&page=5').page).toBe(3);
  });
});

describe('parsePage', () => {
  it('reads null as 1 and tolerates surrounding spaces', () => {
    expect(parsePage(null)).toBe(1);
    expect(parsePage(' 4 ')).toBe(4);
  });
});

describe('frontUrl', () => {
  it('is / for no tags on page 1', () => {
    expect(frontUrl({ tags: [], page: 1 })).toBe('/');
  });

  it('repeats tag and leaves out page 1', () => {
    expect(frontUrl({ tags: ['a', 'b'], page: 1 })).toBe('/?tag=a&tag=b');
    expect(frontUrl({ tags: ['a', 'b'], page: 3 })).toBe('/?tag=a&tag=b&page=3');
    expect(frontUrl({ tags: [], page: 2 })).toBe('/?page=2');
  });

  it('percent-encodes non-Latin slugs', () => {
    expect(frontUrl({ tags: ['평양'], page: 1 })).toBe(`/?tag=${encodeURIComponent('평양')}`);
  });

  it.each<FrontState>([
    { tags: [], page: 1 },
    { tags: ['north-korea'], page: 1 },
    { tags: ['north-korea', 'russia', '평양', 'seoul'], page: 7 },
    { tags: [], page: 999999 },
  ])('round-trips %j', (state) => {
    expect(parseHref(frontUrl(state))).toEqual(state);
  });
});

describe('withTag and withoutTag', () => {
  const state: FrontState = { tags: ['a', 'b'], page: 4 };

  it('withTag adds a tag at the end and goes back to page 1', () => {
    expect(withTag(state, 'c')).toEqual({ tags: ['a', 'b', 'c'], page: 1 });
  });

  it('withTag does not add a tag twice but still resets the page', () => {
    expect(withTag(state, 'a')).toEqual({ tags: ['a', 'b'], page: 1 });
  });

  it('withoutTag removes the tag and goes back to page 1', () => {
    expect(withoutTag(state, 'a')).toEqual({ tags: ['b'], page: 1 });
    expect(withoutTag(state, 'zzz')).toEqual({ tags: ['a', 'b'], page: 1 });
  });

  it('does not change the given state', () => {
    withTag(state, 'c');
    withoutTag(state, 'a');
    expect(state).toEqual({ tags: ['a', 'b'], page: 4 });
  });

  it('withTag then withoutTag gives back the tags', () => {
    expect(withoutTag(withTag(state, 'c'), 'c').tags).toEqual(state.tags);
  });
});

describe('pagedUrl', () => {
  it('leaves out page 1 and adds ?page=N otherwise', () => {
    expect(pagedUrl('/tags/russia', 1)).toBe('/tags/russia');
    expect(pagedUrl('/tags/russia', 2)).toBe('/tags/russia?page=2');
  });
});

describe('properties', () => {
  const anyQuery = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('tag', 'page', 'Tag', 'x', ''),
          fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.integer().map(String)),
        ),
        { maxLength: 14 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString()),
  );

  it('parseFrontState never throws and always gives a valid state', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const state = parse(query);
        expect(Number.isInteger(state.page) && state.page >= 1).toBe(true);
        expect(state.tags.length).toBeLessThanOrEqual(MAX_FILTER_TAGS);
        expect(new Set(state.tags).size).toBe(state.tags.length);
        for (const tag of state.tags) expect(tag).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('frontUrl of a parsed state parses back to the same state', () => {
    fc.assert(
      fc.property(anyQuery, (query) => {
        const state = parse(query);
        expect(parseHref(frontUrl(state))).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});
