// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MORE_IN_SECTION, emitArticles } from '../../build/compile/emitArticles.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf, day } from './corpusOf.ts';
import type { ArticleDocument } from '../../src/model/compiled.ts';

const body = (document: ArticleDocument | undefined) => {
  if (document?.kind !== 'article') throw new Error('not an article');
  return document;
};

describe('emitArticles', () => {
  it('writes each article without its related ids, related picks first, as cards', () => {
    const documents = collect(
      emitArticles(
        corpusOf(
          [
            article('main', { publishedAt: day(10), tags: ['Topic'], related: ['pick'], aliases: ['main-old'] }),
            article('pick', { publishedAt: day(1), byline: [{ name: 'Picked Writer' }] }),
            article('topical', { publishedAt: day(9), tags: ['Topic'], byline: [{ name: 'Other Writer' }] }),
          ],
          { main: ['pick'] },
        ),
      ),
    );
    // Aliases are emitAliases' job.
    expect([...documents.keys()].sort()).toEqual([
      '/data/articles/main.json',
      '/data/articles/pick.json',
      '/data/articles/topical.json',
    ]);
    const main = body(documents.get('/data/articles/main.json'));
    expect(main.article).not.toHaveProperty('related');
    expect(main.article.aliases).toEqual(['main-old']);
    expect(main.related.map((card) => [card.id, card.editorsPick, card.reasons])).toEqual([
      ['pick', true, ["Editor's pick"]],
      ['topical', false, ['Also tagged Topic']],
    ]);
    expect(main.related[0]).not.toHaveProperty('sections');
  });

  it(`offers at most ${MORE_IN_SECTION} more from the section, nearest in time, none already related`, () => {
    const desk = Array.from({ length: 20 }, (_, i) =>
      article(`desk-${i}`, { publishedAt: day(i), section: 'World', byline: [{ name: `Writer ${i}` }] }),
    );
    const documents = collect(emitArticles(corpusOf([...desk, article('other-desk', { section: 'Sport' })])));
    const more = body(documents.get('/data/articles/desk-10.json')).moreInSection.map((card) => card.id);
    expect(more).toHaveLength(MORE_IN_SECTION);
    expect(more).not.toContain('desk-10');
    expect(more).not.toContain('other-desk');
    const related = body(documents.get('/data/articles/desk-10.json')).related.map((card) => card.id);
    expect(more.filter((id) => related.includes(id))).toEqual([]);
  });
});
