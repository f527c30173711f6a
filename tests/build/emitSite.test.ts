// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitSite } from '../../build/compile/emitSite.ts';
import { PAGE_SIZE, TOP_TAG_COUNT } from '../../src/model/compiled.ts';
import { SiteConfig } from '../../src/model/schema.ts';
import { article } from './articleSource.ts';
import { corpusOf, day } from './corpusOf.ts';

describe('emitSite', () => {
  it('carries the settings, the section menu and the problems as lines, and nothing that every article changes', () => {
    const tags = Array.from({ length: TOP_TAG_COUNT + 2 }, (_, i) => `tag ${i}`);
    const corpus = corpusOf([
      article('a', { tags, section: 'World' }),
      article('b', { tags: ['tag 5'], publishedAt: day(0), section: 'World' }),
    ]);
    const { path, document } = emitSite(corpus, SiteConfig.parse({ name: 'Ledger', locale: 'en-IN' }), [
      { file: 'articles/x.json', path: 'headline', message: 'must not be empty' },
    ]);
    expect(path).toBe('/data/site.json');
    expect(document).toMatchObject({ name: 'Ledger', locale: 'en-IN', timeZone: 'UTC', pageSize: PAGE_SIZE });
    expect(document.sections).toEqual([{ slug: 'world', name: 'World' }]);
    expect(document.problems).toEqual(['articles/x.json: headline: must not be empty']);
  });
});
