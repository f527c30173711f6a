// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { article } from './articleSource.ts';
import { corpusOf, day } from './corpusOf.ts';

describe('buildCorpus', () => {
  const corpus = corpusOf(
    [
      article('older', { publishedAt: day(1), tags: ['North Korea', 'Russia', 'north-korea'], section: 'World' }),
      article('newer', { publishedAt: day(2), tags: ['NORTH KOREA'], related: ['older'], section: 'World' }),
      article('tie-b', { publishedAt: day(0) }),
      article('tie-a', { publishedAt: day(0), byline: [{ name: 'Ada Reporter' }, { name: 'Kim Jong Un' }] }),
    ],
    { newer: ['older', 'left-out'] },
  );

  it('orders articles newest first, ties by id, and gives each a card', () => {
    expect(corpus.articles.map((a) => a.id)).toEqual(['newer', 'older', 'tie-a', 'tie-b']);
    expect(corpus.cards.map((card) => card.id)).toEqual(['newer', 'older', 'tie-a', 'tie-b']);
    expect(corpus.cards[0]).not.toHaveProperty('sections');
  });

  it('resolves editor picks to ordinals, dropping an article that was left out', () => {
    expect(corpus.picks).toEqual([[1], [], [], []]);
  });

  it('lists each article tag slug once, in the order written', () => {
    expect(corpus.tagSlugs).toEqual([['north-korea'], ['north-korea', 'russia'], [], []]);
  });

  it('groups articles by tag, author and section, newest first', () => {
    expect(Object.fromEntries(corpus.tagLists)).toEqual({ 'north-korea': [0, 1], russia: [1] });
    expect(Object.fromEntries(corpus.authorLists)).toEqual({ 'ada-reporter': [0, 1, 2, 3], 'kim-jong-un': [2] });
    expect(Object.fromEntries(corpus.sectionLists)).toEqual({ world: [0, 1] });
  });

  it('labels a tag by its most used spelling and lists all tags most used first', () => {
    expect(corpus.tagLabels.get('north-korea')).toBe('NORTH KOREA');
    expect(corpus.allTags).toEqual([
      { slug: 'north-korea', label: 'NORTH KOREA', count: 2 },
      { slug: 'russia', label: 'Russia', count: 1 },
    ]);
  });
});
