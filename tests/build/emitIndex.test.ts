// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitIndex } from '../../build/compile/emitIndex.ts';
import { PAGE_SIZE } from '../../src/model/compiled.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf, day } from './corpusOf.ts';

describe('emitIndex', () => {
  it('pages every card, newest first, each page saying where it is', () => {
    const count = PAGE_SIZE + 3;
    const pages = collect(
      emitIndex(corpusOf(Array.from({ length: count }, (_, i) => article(`a-${i}`, { publishedAt: day(i) })))),
    );
    expect([...pages.keys()]).toEqual(['/data/index/1.json', '/data/index/2.json']);
    expect(pages.get('/data/index/1.json')).toMatchObject({ page: 1, pageCount: 2, total: count });
    expect(pages.get('/data/index/2.json')?.items.map((card) => card.id)).toEqual(['a-2', 'a-1', 'a-0']);
    expect(pages.get('/data/index/1.json')?.items[0]?.id).toBe(`a-${count - 1}`);
  });

  it('puts the pinned articles first, then the rest newest first, and page 2 goes on with that list', () => {
    const count = PAGE_SIZE + 3;
    const articles = Array.from({ length: count }, (_, i) => article(`a-${i}`, { publishedAt: day(i) }));
    // Pinned: an old article as the lead, then one from page 2 and one from page 1 of the newest-first order.
    const pages = collect(emitIndex(corpusOf(articles, {}, { pinned: ['a-0', 'a-1', 'a-20'] })));
    const page1 = pages.get('/data/index/1.json');
    const page2 = pages.get('/data/index/2.json');
    expect(page1?.pinned).toBe(3);
    expect(page1?.items.slice(0, 5).map((card) => card.id)).toEqual(['a-0', 'a-1', 'a-20', 'a-22', 'a-21']);
    expect(page2).toMatchObject({ page: 2, pageCount: 2, total: count, pinned: 0 });
    expect(page2?.items.map((card) => card.id)).toEqual(['a-4', 'a-3', 'a-2']);
    const all = [...(page1?.items ?? []), ...(page2?.items ?? [])].map((card) => card.id);
    expect(new Set(all).size).toBe(count);
  });

  it('writes one empty page when there are no articles', () => {
    expect([...collect(emitIndex(corpusOf([])))]).toEqual([
      ['/data/index/1.json', { page: 1, pageCount: 1, total: 0, items: [], pinned: 0 }],
    ]);
  });
});
