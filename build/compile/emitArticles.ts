/** Articles: each one's document, with its related articles ranked and resolved to cards, and more in its section. */
import { dataPath } from '../../src/model/paths.ts';
import { createRanker, nearestInList, sectionSlugs, type RankingMemo } from '../ranking.ts';
import type { ArticleDocument, Card } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

/** How many "more in this section" cards an article shows. */
export const MORE_IN_SECTION = 4;

export function* emitArticles(
  corpus: Pick<Corpus, 'articles' | 'cards' | 'picks' | 'tagLists' | 'tagLabels' | 'sectionLists'>,
  rankingMemo?: RankingMemo,
): Generator<Emitted<ArticleDocument>> {
  const { articles, cards, picks, sectionLists } = corpus;
  const ranker = createRanker(corpus, rankingMemo);
  for (const [ordinal, article] of articles.entries()) {
    const related = ranker(ordinal, picks[ordinal] ?? []).map(({ ordinal: o, editorsPick, reasons }) => ({
      ...(cards[o] as Card),
      editorsPick,
      reasons,
    }));
    const relatedIds = new Set(related.map((card) => card.id));
    // The section's articles nearest in time, newest first, not already among the related ones.
    const [section] = sectionSlugs(article);
    const moreInSection = nearestInList(section === undefined ? [] : (sectionLists.get(section) ?? []), ordinal, 6)
      .filter((o) => !relatedIds.has((cards[o] as Card).id))
      .slice(0, MORE_IN_SECTION)
      .map((o) => cards[o] as Card);
    const { related: _picks, $schema: _schema, ...body } = article;
    yield { path: dataPath.article(article.id), document: { kind: 'article', article: body, related, moreInSection } };
  }
}
