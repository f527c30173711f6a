// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { articleUrl, authorUrl, frontUrl, pagedUrl, tagUrl } from '../../src/model/pageUrls.ts';
import { slugify } from '../../src/model/slug.ts';

describe('page URLs', () => {
  it('spells the article, tag and author pages of the contract', () => {
    expect(articleUrl('harbour-wall-opens')).toBe('/articles/harbour-wall-opens');
    expect(tagUrl('north-korea')).toBe('/tags/north-korea');
    expect(authorUrl('ananya-rao')).toBe('/authors/ananya-rao');
  });

  it('percent-encodes a non-Latin slug, which the router decodes back to the slug', () => {
    expect(tagUrl(slugify('평양'))).toBe('/tags/%ED%8F%89%EC%96%91');
    expect(decodeURIComponent(authorUrl('josé'))).toBe('/authors/josé');
    expect(authorUrl('a/b?c#d')).toBe('/authors/a%2Fb%3Fc%23d');
  });

  it('builds the front page with its tags in order and a page past the first', () => {
    expect(frontUrl()).toBe('/');
    expect(frontUrl({ tags: [], page: 1 })).toBe('/');
    expect(frontUrl({ tags: ['russia', 'north-korea'] })).toBe('/?tag=russia&tag=north-korea');
    expect(frontUrl({ tags: ['평양'], page: 3 })).toBe('/?tag=%ED%8F%89%EC%96%91&page=3');
    expect(frontUrl({ page: 2 })).toBe('/?page=2');
  });

  it('adds ?page=N to a list path, and nothing for page 1', () => {
    expect(pagedUrl(tagUrl('russia'), 1)).toBe('/tags/russia');
    expect(pagedUrl(tagUrl('russia'), 4)).toBe('/tags/russia?page=4');
  });
});
