// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitSite } from '../../build/compile/emitSite.ts';
import { PAGE_SIZE, TOP_TAG_COUNT } from '../../src/model/compiled.ts';
import { SiteConfig } from '../../src/model/schema.ts';
import { article } from './articleSource.ts';
import { corpusOf, day } from './corpusOf.ts';

describe('emitSite', () => {
  it('carries the settings, the counts, the top tags and the problems as lines', () => {
    const tags = Array.from({ length: TOP_TAG_COUNT + 2 }, (_, i) => `tag ${i}`);
    const corpus = corpusOf([article('a', { tags }), article('b', { tags: ['tag 5'], publishedAt: day(0) })]);
    const { path, document } = emitSite(corpus, SiteConfig.parse({ name: 'Ledger', locale: 'en-IN' }), [
      { file: 'articles/x.json', path: 'headline', message: 'must not be empty' },
    ]);
    expect(path).toBe('/data/site.json');
    expect(document).toMatchObject({ name: 'Ledger', locale: 'en-IN', timeZone: 'UTC', articleCount: 2 });
    expect(document.tagCount).toBe(TOP_TAG_COUNT + 2);
    expect(document.pageSize).toBe(PAGE_SIZE);
    expect(document.topTags).toHaveLength(TOP_TAG_COUNT);
    expect(document.topTags[0]).toEqual({ slug: 'tag-5', label: 'tag 5', count: 2 });
    expect(document.problems).toEqual(['articles/x.json: headline: must not be empty']);
  });
});
