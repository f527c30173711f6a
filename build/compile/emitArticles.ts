/** Articles: each one's document, with its related articles ranked and resolved to cards, and more in its section. */
import { dataPath } from '../../src/model/paths.ts';
import { shareSections } from '../incremental/articleCache.ts';
import { hashOf } from '../incremental/buildState.ts';
import { createRanker, nearestInList, sectionSlugs, type RankingMemo } from '../ranking.ts';
import type { ArticleDocument, Card, CompiledArticle } from '../../src/model/compiled.ts';
import type { Article } from '../../src/model/schema.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

/** How many "more in this section" cards an article shows. */
export const MORE_IN_SECTION = 4;

type ArticleCorpus = Pick<
  Corpus,
  'articles' | 'hashes' | 'cards' | 'picks' | 'tagLists' | 'tagLabels' | 'tagSlugs' | 'authorLists' | 'sectionLists'
>;

/**
 * An article as its document publishes it: what the editor wrote, without the picks (they become `related`). Copied
 * by its properties' descriptors, so sections the article cache reads only when asked for (incremental/articleCache.ts)
 * are still read only then: a build that reuses an article's document never reads its text.
 */
export function compiledArticle(article: Article): CompiledArticle {
  const { related: _picks, $schema: _schema, ...descriptors } = Object.getOwnPropertyDescriptors(article);
  const copy = Object.defineProperties({}, descriptors) as CompiledArticle;
  shareSections(article, copy);
  return copy;
}

/**
 * Makes the document of the article at a given ordinal. The ranker's tables over the whole corpus are built once, so
 * making one document costs only its own ranking: the dev server makes each one when it is first asked for.
 */
export function articleEmitter(
  corpus: ArticleCorpus,
  rankingMemo?: RankingMemo,
): (ordinal: number) => Emitted<ArticleDocument> {
  const { articles, hashes, cards, picks, sectionLists } = corpus;
  // Built at the first article made: an incremental build that keeps every article's document needs no ranker.
  let ranker: ReturnType<typeof createRanker> | undefined;
  return (ordinal) => {
    const article = articles[ordinal] as Article;
    ranker ??= createRanker(corpus, rankingMemo && { memo: rankingMemo, hashes });
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
    // The article's file and the files of the cards it shows (a card is made from its article alone), with how each
    // related one was chosen: the same inputs make the same bytes.
    const inputs = hashOf(
      JSON.stringify([
        hashes[ordinal],
        ranked.map((pick) => [hashes[pick.ordinal], pick.editorsPick, pick.reasons]),
        more.map((o) => hashes[o]),
      ]),
    );
    return {
      path: dataPath.article(article.id),
      document: {
        kind: 'article',
        article: compiledArticle(article),
        related,
        moreInSection: more.map((o) => cards[o] as Card),
      },
      inputs,
    };
  };
}

/** Every article's document, in the corpus's order. */
export function* emitArticles(corpus: ArticleCorpus, rankingMemo?: RankingMemo): Generator<Emitted<ArticleDocument>> {
  const emit = articleEmitter(corpus, rankingMemo);
  for (let ordinal = 0; ordinal < corpus.articles.length; ordinal++) yield emit(ordinal);
}
