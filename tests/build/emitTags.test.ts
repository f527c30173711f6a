// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitTags } from '../../build/compile/emitTags.ts';
import { PAGE_SIZE, type AllTags, type TagFacet, type TagPage } from '../../src/model/compiled.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf, day } from './corpusOf.ts';

const emitted = (...articles: Parameters<typeof corpusOf>[0]) => collect(emitTags(corpusOf(articles)));

describe('emitTags', () => {
  const documents = emitted(
    article('t1', { publishedAt: day(3), tags: ['Korea', 'Diplomacy', 'Russia', 'korea'] }),
    article('t2', { publishedAt: day(2), tags: ['Korea', 'Russia'] }),
    article('t3', { publishedAt: day(1), tags: ['Korea'] }),
  );

  it('writes a page, a facet per tag, the list of all tags and of the most used, and nothing else', () => {
    expect([...documents.keys()].sort()).toEqual([
      '/data/facets/diplomacy.json',
      '/data/facets/korea.json',
      '/data/facets/russia.json',
      '/data/tags/all.json',
      '/data/tags/diplomacy/1.json',
      '/data/tags/korea/1.json',
      '/data/tags/russia/1.json',
      '/data/tags/top.json',
    ]);
  });

  it("gives a tag's page its cards and the tags seen with it, counted per article", () => {
    const page = documents.get('/data/tags/korea/1.json') as TagPage;
    expect(page.items.map((card) => card.id)).toEqual(['t1', 't2', 't3']);
    expect(page.tag).toEqual({ slug: 'korea', label: 'Korea', count: 3 });
    expect(page.coTags).toEqual([
      { slug: 'russia', label: 'Russia', count: 2 },
      { slug: 'diplomacy', label: 'Diplomacy', count: 1 },
    ]);
    expect(page.coTagTotal).toBe(2);
  });

  it("gives the facet one row per article, the article's other tags each once", () => {
    const facet = documents.get('/data/facets/korea.json') as TagFacet;
    expect(facet.rows.map((row) => row.map((i) => facet.tags[i]?.slug))).toEqual([
      ['diplomacy', 'russia'],
      ['russia'],
      [],
    ]);
  });

  it('lists all tags most used first', () => {
    expect((documents.get('/data/tags/all.json') as AllTags).tags.map((tag) => tag.slug)).toEqual([
      'korea',
      'russia',
      'diplomacy',
    ]);
  });

  it('pages a tag past PAGE_SIZE articles', () => {
    const big = emitted(
      ...Array.from({ length: PAGE_SIZE + 1 }, (_, i) => article(`b-${i}`, { publishedAt: day(i), tags: ['Big'] })),
    );
    expect((big.get('/data/tags/big/2.json') as TagPage).items.map((card) => card.id)).toEqual(['b-0']);
    expect(big.has('/data/tags/big/3.json')).toBe(false);
  });

  it('writes output that grows with (tags per article)², not more', () => {
    // One article with n tags: n pages and n facets, each naming the n - 1 others: about n² entries in all.
    const sizes = [20, 40].map((n) => {
      const tags = Array.from({ length: n }, (_, i) => `tag ${i}`);
      let entries = 0;
      for (const document of emitted(article('many', { tags })).values()) {
        if ('rows' in document) entries += document.rows.flat().length;
      }
      return entries;
    });
    expect(sizes).toEqual([20 * 19, 40 * 39]);
  });
});
