// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRanker, groupBy, MAX_RELATED, tagSlugs, type RelatedPick } from '../../build/ranking.ts';
import { slugify } from '../../src/model/slug.ts';
import type { Article } from '../../src/model/schema.ts';

/** An ISO instant `days` days after 2025-01-01. */
const day = (days: number) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString();

interface Spec {
  tags?: string[];
  author?: string;
  section?: string;
  days?: number;
  headline?: string;
}

/**
 * A corpus from specs given newest first (the ranker's ordinal order). Ids are single words and
 * headlines are the ids unless given, so no two articles share a headline word by accident.
 */
function corpus(specs: Record<string, Spec>, labels: Record<string, string> = {}) {
  const articles: Article[] = Object.entries(specs).map(([id, spec]) => ({
    id,
    headline: spec.headline ?? id,
    byline: [{ name: spec.author ?? `Writer ${id}` }],
    publishedAt: day(spec.days ?? 50),
    sections: [{ blocks: [{ type: 'paragraph', text: 'Body.' }] }],
    ...(spec.tags ? { tags: spec.tags } : {}),
    ...(spec.section ? { section: spec.section } : {}),
  }));
  for (let i = 1; i < articles.length; i++) {
    expect(Date.parse(articles[i - 1]?.publishedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(articles[i]?.publishedAt ?? ''),
    );
  }
  const tagLists = groupBy(articles, tagSlugs);
  const tagLabels = new Map<string, string>(Object.entries(labels));
  for (const label of articles.flatMap((article) => article.tags ?? [])) {
    if (!tagLabels.has(slugify(label))) tagLabels.set(slugify(label), label);
  }
  const rank = createRanker({ articles, tagLists, tagLabels });
  const ordinalOf = (id: string) => {
    const ordinal = articles.findIndex((article) => article.id === id);
    if (ordinal < 0) throw new Error(`no article ${id}`);
    return ordinal;
  };
  const related = (id: string, picks: string[] = []): (RelatedPick & { id: string })[] =>
    rank(ordinalOf(id), picks.map(ordinalOf)).map((pick) => ({ ...pick, id: articles[pick.ordinal]?.id ?? '?' }));
  return { related, relatedIds: (id: string, picks: string[] = []) => related(id, picks).map((pick) => pick.id) };
}

describe('createRanker', () => {
  it('ranks an article sharing a rare tag above articles sharing a common one', () => {
    const { relatedIds } = corpus({
      commonone: { tags: ['Common'] },
      commontwo: { tags: ['Common'] },
      commonthree: { tags: ['Common'] },
      commonfour: { tags: ['Common'] },
      rareone: { tags: ['Rare'] },
      target: { tags: ['Rare', 'Common'] },
    });
    expect(relatedIds('target')).toEqual(['rareone', 'commonone', 'commontwo', 'commonthree', 'commonfour']);
  });

  it('ranks more shared tags above fewer', () => {
    const { relatedIds } = corpus({
      onetag: { tags: ['Alpha'] },
      twotags: { tags: ['Alpha', 'Bravo'] },
      threetags: { tags: ['Alpha', 'Bravo', 'Charlie'] },
      target: { tags: ['Alpha', 'Bravo', 'Charlie'] },
    });
    expect(relatedIds('target')).toEqual(['threetags', 'twotags', 'onetag']);
  });

  it('breaks ties on tags by a shared author, then by the same section', () => {
    const { related } = corpus({
      plain: { tags: ['Topic'] },
      sectionmate: { tags: ['Topic'], section: 'World' },
      authormate: { tags: ['Topic'], author: 'Ananya Rao' },
      both: { tags: ['Topic'], author: 'Ananya Rao', section: 'World' },
      target: { tags: ['Topic'], author: 'Ananya Rao', section: 'World' },
    });
    const result = related('target');
    expect(result.map((pick) => pick.id)).toEqual(['both', 'authormate', 'sectionmate', 'plain']);
    expect(result.map((pick) => pick.reasons)).toEqual([
      ['Also tagged Topic', 'Same author'],
      ['Also tagged Topic', 'Same author'],
      ['Also tagged Topic'],
      ['Also tagged Topic'],
    ]);
    expect(result.every((pick) => !pick.editorsPick)).toBe(true);
  });

  it('finds articles by the same author or in the same section without shared tags, and says why', () => {
    const { related } = corpus({
      sectiononly: { section: 'World' },
      authoronly: { author: 'Ananya Rao' },
      nothing: { tags: ['Elsewhere'] },
      target: { author: 'Ananya Rao', section: 'World', tags: ['Topic'] },
    });
    expect(related('target').map((pick) => [pick.id, pick.reasons])).toEqual([
      ['authoronly', ['Same author']],
      ['sectiononly', ['Also in World']],
    ]);
  });

  it('gives the newer article an exact tie', () => {
    const { relatedIds } = corpus({
      newer: { tags: ['Topic'], days: 51 },
      target: { tags: ['Topic'], days: 50 },
      older: { tags: ['Topic'], days: 49 },
    });
    expect(relatedIds('target')).toEqual(['newer', 'older']);
  });

  it('gives an exact tie between articles published at the same instant to the earlier in the list', () => {
    const { relatedIds } = corpus({
      first: { tags: ['Topic'], days: 60 },
      second: { tags: ['Topic'], days: 60 },
      target: { tags: ['Topic'], days: 50 },
    });
    expect(relatedIds('target')).toEqual(['first', 'second']);
  });

  it('damps by distance in time: a near older article beats a far newer one', () => {
    const { relatedIds } = corpus({
      farnewer: { tags: ['Topic'], days: 200 },
      target: { tags: ['Topic'], days: 100 },
      nearolder: { tags: ['Topic'], days: 99 },
    });
    expect(relatedIds('target')).toEqual(['nearolder', 'farnewer']);
  });

  it('uses headline and standfirst words to order otherwise equal candidates', () => {
    const { relatedIds } = corpus({
      gardening: { tags: ['Topic'], headline: 'Gardening tips for spring' },
      similar: { tags: ['Topic'], headline: 'Lavrov visits Wonsan resort' },
      target: { tags: ['Topic'], headline: 'Lavrov warns alliance during Wonsan visit' },
    });
    expect(relatedIds('target')).toEqual(['similar', 'gardening']);
  });

  it('does not relate articles that only share headline words', () => {
    const { relatedIds } = corpus({
      lookalike: { headline: 'Lavrov warns alliance', tags: ['Other'] },
      target: { headline: 'Lavrov warns alliance', tags: ['Topic'] },
    });
    expect(relatedIds('target')).toEqual([]);
  });

  it('names every shared tag by its label in the reason', () => {
    const { related } = corpus(
      {
        candidate: { tags: ['north-korea', 'Diplomacy', 'Unshared'] },
        target: { tags: ['North Korea', 'Diplomacy'] },
      },
      { 'north-korea': 'North Korea' },
    );
    expect(related('target')[0]?.reasons).toEqual(['Also tagged North Korea, Diplomacy']);
  });

  it(`returns at most MAX_RELATED (${MAX_RELATED}) and never the article itself`, () => {
    const specs: Record<string, Spec> = {};
    for (let i = 0; i < 12; i++) specs[`cand${i}`] = { tags: ['Topic'], days: 60 - i };
    specs.target = { tags: ['Topic'], days: 40 };
    const ids = corpus(specs).relatedIds('target');
    expect(ids).toHaveLength(MAX_RELATED);
    expect(ids).not.toContain('target');
    // Equal relevance: the nearest in time first.
    expect(ids).toEqual(['cand11', 'cand10', 'cand9', 'cand8', 'cand7', 'cand6']);
  });

  describe('editor picks', () => {
    const picksCorpus = () =>
      corpus({
        pickone: { days: 90 },
        picktwo: { days: 80 },
        ranked: { tags: ['Topic'], days: 70 },
        alsoranked: { tags: ['Topic'], days: 60 },
        target: { tags: ['Topic'], days: 55 },
      });

    it('come first, in the editor order, marked and explained, then the ranked ones', () => {
      const result = picksCorpus().related('target', ['picktwo', 'pickone']);
      expect(result.map((pick) => [pick.id, pick.editorsPick, pick.reasons])).toEqual([
        ['picktwo', true, ["Editor's pick"]],
        ['pickone', true, ["Editor's pick"]],
        ['alsoranked', false, ['Also tagged Topic']],
        ['ranked', false, ['Also tagged Topic']],
      ]);
    });

    it('are not repeated among the ranked ones', () => {
      expect(picksCorpus().relatedIds('target', ['ranked'])).toEqual(['ranked', 'alsoranked']);
    });

    it('leave out the article itself and repeats', () => {
      expect(picksCorpus().relatedIds('target', ['target', 'pickone', 'pickone'])).toEqual([
        'pickone',
        'alsoranked',
        'ranked',
      ]);
    });

    it('are cut to MAX_RELATED, leaving no room for ranked ones', () => {
      const specs: Record<string, Spec> = {};
      for (let i = 0; i < MAX_RELATED + 2; i++) specs[`pick${i}`] = { days: 90 - i };
      specs.ranked = { tags: ['Topic'], days: 60 };
      specs.target = { tags: ['Topic'], days: 50 };
      const picks = Object.keys(specs).filter((id) => id.startsWith('pick'));
      const ids = corpus(specs).relatedIds('target', picks);
      expect(ids).toEqual(picks.slice(0, MAX_RELATED));
    });
  });

  it('returns nothing for an ordinal out of range', () => {
    const articles: Article[] = [];
    expect(createRanker({ articles, tagLists: new Map(), tagLabels: new Map() })(0, [])).toEqual([]);
  });
});

describe('createRanker for an article with many tags', () => {
  const filler = Array.from({ length: 40 }, (_, i) => `Filler ${i}`);
  const { related, relatedIds } = corpus({
    both: { tags: ['Rare', 'Common'], days: 50 },
    many: { tags: ['Common', ...filler, 'Rare'], days: 50 },
    rare: { tags: ['Rare'], days: 50 },
    common: { tags: ['Common'], days: 50 },
    commontoo: { tags: ['Common'], days: 50 },
    commonthree: { tags: ['Common'], days: 50 },
  });

  it('weighs the tags it shares with a candidate that carries fewer: both first, then the rare one', () => {
    expect(relatedIds('many')).toEqual(['both', 'rare', 'common', 'commontoo', 'commonthree']);
    expect(related('many')[0]?.reasons).toEqual(['Also tagged Rare, Common']);
  });

  it('is weighed the same from the side of a candidate with fewer tags', () => {
    expect(relatedIds('both')[0]).toBe('many');
    expect(relatedIds('rare')).toEqual(['both', 'many']);
  });
});
