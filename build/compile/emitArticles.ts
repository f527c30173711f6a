/** Articles: each one's document, with its related articles ranked and resolved to cards, and more in its section. */
import { dataPath } from '../../src/model/paths.ts';
import { hashOf } from '../incremental/buildState.ts';
import { createRanker, nearestInList, sectionSlugs, type RankingMemo } from '../ranking.ts';
import type { ArticleDocument, Card } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

/** How many "more in this section" cards an article shows. */
export const MORE_IN_SECTION = 4;

export function* emitArticles(
  corpus: Pick<
    Corpus,
    'articles' | 'hashes' | 'cards' | 'picks' | 'tagLists' | 'tagLabels' | 'tagSlugs' | 'authorLists' | 'sectionLists'
  >,
  rankingMemo?: RankingMemo,
): Generator<Emitted<ArticleDocument>> {
  const { articles, hashes, cards, picks, sectionLists } = corpus;
  const ranker = createRanker(corpus, rankingMemo && { memo: rankingMemo, hashes });
  for (const [ordinal, article] of articles.entries()) {
    const ranked = ranker(ordinal, picks[ordinal] ?? []);
    const related = ranked.map(({ ordinal: o, editorsPick, reasons }) => ({
      ...(cards[o] as Card),
      editorsPick,
      reasons,
    }));
    const relatedOrdinals = new Set(ranked.map((pick) => pick.ordinal));
    // The section's articles nearest in time, newest first, not already among the related ones.
    const [section] = sectionSlugs(article);
    const more = nearestInList(section === undefined ? [] : (sectionLists.get(section) ?? []), ordinal, 6)
      .filter((o) => !relatedOrdinals.has(o))
      .slice(0, MORE_IN_SECTION);
    const { related: _picks, $schema: _schema, ...body } = article;
    // The article's file and the files of the cards it shows (a card is made from its article alone), with how each
    // related one was chosen: the same inputs make the same bytes.
    const inputs = hashOf(
      JSON.stringify([
        hashes[ordinal],
        ranked.map((pick) => [hashes[pick.ordinal], pick.editorsPick, pick.reasons]),
        more.map((o) => hashes[o]),
      ]),
    );
    yield {
      path: dataPath.article(article.id),
      document: { kind: 'article', article: body, related, moreInSection: more.map((o) => cards[o] as Card) },
      inputs,
    };
  }
}
