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

  it('writes one empty page when there are no articles', () => {
    expect([...collect(emitIndex(corpusOf([])))]).toEqual([
      ['/data/index/1.json', { page: 1, pageCount: 1, total: 0, items: [] }],
    ]);
  });
});
