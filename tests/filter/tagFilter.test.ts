// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { filterByTags, locatePage, pageCountOf, pickPivot } from '../../src/filter/tagFilter';
import type { TagFacet } from '../../src/model/compiled';

/**
 * The facet of tag "rare" (4 articles, newest first):
 *   0: alpha, beta
 *   1: alpha
 *   2: beta, charlie
 *   3: alpha, beta, charlie
 */
const facet: TagFacet = {
  tag: { slug: 'rare', label: 'Rare', count: 4 },
  tags: [
    { slug: 'alpha', label: 'Alpha' },
    { slug: 'beta', label: 'Beta' },
    { slug: 'charlie', label: 'Charlie' },
  ],
  rows: [[0, 1], [0], [1, 2], [0, 1, 2]],
};

describe('filterByTags', () => {
  it('with the pivot alone gives all its articles and the counts of the other tags', () => {
    expect(filterByTags(facet, ['rare'])).toEqual({
      pivot: facet.tag,
      positions: [0, 1, 2, 3],
      counts: [
        { slug: 'alpha', label: 'Alpha', count: 3 },
        { slug: 'beta', label: 'Beta', count: 3 },
        { slug: 'charlie', label: 'Charlie', count: 2 },
      ],
    });
  });

  it('is an AND: only articles with every selected tag', () => {
    expect(filterByTags(facet, ['rare', 'alpha']).positions).toEqual([0, 1, 3]);
    expect(filterByTags(facet, ['rare', 'alpha', 'charlie']).positions).toEqual([3]);
    expect(filterByTags(facet, ['rare', 'beta', 'charlie']).positions).toEqual([2, 3]);
  });

  it('counts tags within the result, leaving out the selected ones, most common first', () => {
    expect(filterByTags(facet, ['rare', 'alpha']).counts).toEqual([
      { slug: 'beta', label: 'Beta', count: 2 },
      { slug: 'charlie', label: 'Charlie', count: 1 },
    ]);
    expect(filterByTags(facet, ['rare', 'beta']).counts).toEqual([
      { slug: 'alpha', label: 'Alpha', count: 2 },
      { slug: 'charlie', label: 'Charlie', count: 2 },
    ]);
    expect(filterByTags(facet, ['rare', 'alpha', 'beta', 'charlie']).counts).toEqual([]);
  });

  it('sorts equal counts by label', () => {
    const tied: TagFacet = {
      tag: { slug: 'p', label: 'P', count: 2 },
      tags: [
        { slug: 'zulu', label: 'Zulu' },
        { slug: 'echo', label: 'Echo' },
        { slug: 'mike', label: 'Mike' },
      ],
      rows: [[0, 1, 2], [2]],
    };
    expect(filterByTags(tied, ['p']).counts.map((tag) => [tag.slug, tag.count])).toEqual([
      ['mike', 2],
      ['echo', 1],
      ['zulu', 1],
    ]);
  });

  it('does not depend on the order of the selected tags', () => {
    expect(filterByTags(facet, ['alpha', 'rare'])).toEqual(filterByTags(facet, ['rare', 'alpha']));
  });

  it('works when the pivot itself is not listed among the selected tags', () => {
    expect(filterByTags(facet, ['alpha']).positions).toEqual([0, 1, 3]);
  });

  it('gives nothing for a tag that never occurs with the pivot', () => {
    expect(filterByTags(facet, ['rare', 'nowhere'])).toEqual({ pivot: facet.tag, positions: [], counts: [] });
  });

  it('handles an empty facet', () => {
    const empty: TagFacet = { tag: { slug: 'e', label: 'E', count: 0 }, tags: [], rows: [] };
    expect(filterByTags(empty, ['e'])).toEqual({ pivot: empty.tag, positions: [], counts: [] });
  });
});

describe('pickPivot', () => {
  const withCount = (slug: string, count: number) => ({ tag: { slug, label: slug, count } });

  it('picks the tag with the fewest articles', () => {
    expect(pickPivot([withCount('a', 9), withCount('b', 2), withCount('c', 5)])?.tag.slug).toBe('b');
  });

  it('gives ties to the first chosen', () => {
    expect(pickPivot([withCount('a', 9), withCount('b', 2), withCount('c', 2)])?.tag.slug).toBe('b');
    expect(pickPivot([withCount('c', 2), withCount('b', 2)])?.tag.slug).toBe('c');
  });

  it('is undefined for no facets', () => {
    expect(pickPivot([])).toBeUndefined();
  });
});

describe('locatePage', () => {
  const positions = [0, 3, 21, 22, 45];

  it('maps each result of a page to the pivot page that holds it and the offset there', () => {
    expect(locatePage(positions, 1, 20)).toEqual([
      { sourcePage: 1, offset: 0 },
      { sourcePage: 1, offset: 3 },
      { sourcePage: 2, offset: 1 },
      { sourcePage: 2, offset: 2 },
      { sourcePage: 3, offset: 5 },
    ]);
  });

  it('takes pageSize results per page', () => {
    expect(locatePage(positions, 1, 2)).toEqual([
      { sourcePage: 1, offset: 0 },
      { sourcePage: 2, offset: 1 },
    ]);
    expect(locatePage(positions, 2, 2)).toEqual([
      { sourcePage: 11, offset: 1 },
      { sourcePage: 12, offset: 0 },
    ]);
    expect(locatePage(positions, 3, 2)).toEqual([{ sourcePage: 23, offset: 1 }]);
  });

  it('is empty past the last page', () => {
    expect(locatePage(positions, 4, 2)).toEqual([]);
    expect(locatePage([], 1, 20)).toEqual([]);
  });
});

describe('pageCountOf', () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [40, 20, 2],
    [41, 20, 3],
  ])('%i items in pages of %i make %i page(s)', (total, size, pages) => {
    expect(pageCountOf(total, size)).toBe(pages);
  });
});
