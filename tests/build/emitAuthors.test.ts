// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitAuthors } from '../../build/compile/emitAuthors.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf, day } from './corpusOf.ts';

describe('emitAuthors', () => {
  const documents = collect(
    emitAuthors(
      corpusOf([
        article('a1', { publishedAt: day(3), byline: [{ name: 'José García', role: 'Desk' }, { name: 'Kim' }] }),
        article('a2', { publishedAt: day(2), byline: [{ name: 'jose garcia', role: 'Correspondent' }] }),
        article('a3', { publishedAt: day(1), byline: [{ name: 'José García' }] }),
      ]),
    ),
  );

  it('writes one page per author slug, naming the author by the most used spelling, with every role', () => {
    expect([...documents.keys()].sort()).toEqual(['/data/authors/jose-garcia/1.json', '/data/authors/kim/1.json']);
    const page = documents.get('/data/authors/jose-garcia/1.json');
    expect(page?.author).toEqual({ slug: 'jose-garcia', name: 'José García', roles: ['Correspondent', 'Desk'] });
    expect(page?.items.map((card) => card.id)).toEqual(['a1', 'a2', 'a3']);
    expect(documents.get('/data/authors/kim/1.json')).toMatchObject({ total: 1, author: { roles: [] } });
  });
});
