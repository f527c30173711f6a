// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitSections } from '../../build/compile/emitSections.ts';
import { PAGE_SIZE } from '../../src/model/compiled.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf, day } from './corpusOf.ts';

describe('sections', () => {
  const articles = [
    ...Array.from({ length: PAGE_SIZE + 1 }, (_, i) =>
      article(`w-${i}`, { publishedAt: day(i), section: i === 0 ? 'world' : 'World' }),
    ),
    article('s-1', { publishedAt: day(1), section: 'Sport' }),
    article('s-2', { publishedAt: day(2), section: 'Sport' }),
    article('c-1', { publishedAt: day(1), section: 'Culture' }),
    article('none', { publishedAt: day(3) }),
  ];

  it('orders the menu as site.json lists it, then the rest most articles first', () => {
    expect(corpusOf(articles, {}, { sectionOrder: ['culture'] }).sections).toEqual([
      { slug: 'culture', name: 'Culture', count: 1 },
      { slug: 'world', name: 'World', count: PAGE_SIZE + 1 },
      { slug: 'sport', name: 'Sport', count: 2 },
    ]);
    expect(corpusOf(articles).sections.map((section) => section.slug)).toEqual(['world', 'sport', 'culture']);
  });

  it('pages each section newest first under its slug, named by its most used spelling', () => {
    const pages = collect(emitSections(corpusOf(articles)));
    expect([...pages.keys()].sort()).toEqual([
      '/data/sections/culture/1.json',
      '/data/sections/sport/1.json',
      '/data/sections/world/1.json',
      '/data/sections/world/2.json',
    ]);
    const world1 = pages.get('/data/sections/world/1.json');
    expect(world1).toMatchObject({ page: 1, pageCount: 2, total: PAGE_SIZE + 1 });
    expect(world1?.section).toEqual({ slug: 'world', name: 'World', count: PAGE_SIZE + 1 });
    expect(world1?.items[0]?.id).toBe(`w-${PAGE_SIZE}`);
    expect(pages.get('/data/sections/world/2.json')?.items.map((card) => card.id)).toEqual(['w-0']);
    expect(pages.get('/data/sections/sport/1.json')?.items.map((card) => card.id)).toEqual(['s-2', 's-1']);
  });
});
