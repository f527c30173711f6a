/**
 * The content compiler: content sources in, the static JSON documents the app fetches out, and the list of
 * pages to prerender. Pure (no file system): `load.ts` reads CONTENT_DIR and hands the sources in.
 *
 * One validate step, then small emit steps over the accepted articles (build/compile/). Nothing it writes grows
 * with the whole corpus except the full tag list, which only the "all tags" view fetches: the front page reads
 * one index page and the top tags.
 */
import { dataPath } from '../src/model/paths.ts';
import { buildCorpus } from './compile/corpus.ts';
import { emitAliases } from './compile/emitAliases.ts';
import { articleEmitter, compiledArticle } from './compile/emitArticles.ts';
import { emitAuthors } from './compile/emitAuthors.ts';
import { emitIdShards } from './compile/emitIdShards.ts';
import { emitIndex } from './compile/emitIndex.ts';
import { emitMedia } from './compile/emitMedia.ts';
import { emitSections } from './compile/emitSections.ts';
import { emitSite } from './compile/emitSite.ts';
import { emitTags } from './compile/emitTags.ts';
import { noPages, pageList } from './compile/pageList.ts';
import { validate } from './compile/validate.ts';
import { summarize, unchangedArticles } from './incremental/articleChanges.ts';
import { hashOf } from './incremental/buildState.ts';
import type { Corpus } from './compile/corpus.ts';
import type { CompileInput, CompileOutput, Emitted } from './compile/types.ts';

export type { ArticleSource, CompileInput, CompileOutput, PageList, SourceFile } from './compile/types.ts';

export function compileContent(input: CompileInput): CompileOutput {
  const { site, edits, problems, accepted } = validate(input);
  if (input.mode === 'strict' && problems.length > 0) {
    const stats = { articles: 0, tags: 0, authors: 0, sections: 0, documents: 0 };
    return { problems, documents: new Map(), media: new Map(), pages: noPages(), stats };
  }

  const corpus = buildCorpus(accepted, edits);
  // Keyed by the decoded path, which is also the file's path under dist/ (UTF-8 names for non-Latin slugs).
  const documents = new Map<string, string>();
  // On demand: the documents made, serialized only when asked for (the tag lists alone are 250 MB of JSON at 100k).
  const unserialized = new Map<string, unknown>();
  let count = 0;
  const listInputs = input.writeDocument && cardInputs(corpus);
  const write = (emitted: Iterable<Emitted<unknown>>) => {
    for (const { path, document, inputs: given } of emitted) {
      count++;
      const decoded = decodeURIComponent(path);
      if (input.onDemand) {
        unserialized.set(decoded, document);
      } else if (!input.writeDocument) {
        documents.set(decoded, JSON.stringify(document));
      } else {
        const made = given === undefined && listInputs ? listInputs(document) : { inputs: given };
        const { inputs } = made;
        // Unless made from the same inputs as the copy the last build wrote: then neither serialized nor hashed again.
        if (inputs === undefined || !input.reuseDocument?.(decoded, inputs)) {
          input.writeDocument(decoded, made.text ?? JSON.stringify(document), inputs);
        }
      }
    }
  };
  write(emitIndex(corpus));
  write(emitTags(corpus));
  write(emitAuthors(corpus));
  write(emitSections(corpus));
  // One document an article, in the corpus's order; or, on demand, each when it is first asked for.
  const corpusSummary = input.writeDocument && summarize(corpus);
  let articlesKept: number | undefined;
  if (!input.onDemand) {
    const { keptArticles, rankingMemo, onArticle } = input;
    const unchanged = corpusSummary && keptArticles && unchangedArticles(corpus, corpusSummary, keptArticles.previous);
    const emit = articleEmitter(corpus, rankingMemo);
    if (unchanged) articlesKept = 0;
    corpus.articles.forEach((article, ordinal) => {
      const hash = corpus.hashes[ordinal] ?? '';
      if (unchanged?.[ordinal] && keptArticles?.keep(decodeURIComponent(dataPath.article(article.id)))) {
        // Its related list is the one kept: still in use, so not forgotten at the next save.
        rankingMemo?.keep?.(article.id);
        onArticle?.(compiledArticle(article), hash, true);
        articlesKept = (articlesKept ?? 0) + 1;
        count++;
        return;
      }
      const emitted = emit(ordinal);
      if (emitted.document.kind === 'article') onArticle?.(emitted.document.article, hash, false);
      write([emitted]);
    });
  }
  write(emitAliases(corpus));
  write(emitIdShards(corpus));
  write([emitSite(corpus, site, problems)]);

  return {
    problems,
    documents,
    ...(corpusSummary && { corpusSummary }),
    ...(articlesKept !== undefined && { articlesKept }),
    ...(input.onDemand && onDemand(corpus, unserialized, input.rankingMemo)),
    media: emitMedia(corpus),
    pages: pageList(corpus),
    stats: {
      articles: corpus.articles.length,
      tags: corpus.allTags.length,
      authors: corpus.authorLists.size,
      sections: corpus.sectionLists.size,
      documents: count + (input.onDemand ? corpus.articles.length : 0),
    },
  };
}

/**
 * The inputs of a document that holds cards (a list page): its JSON with each card written as the hash of its
 * article's file, which is all a card is made from (compile/cards.ts). A page of 20 cards is then hashed from a
 * few hundred bytes instead of serialized whole, and a build that finds the same inputs links the last copy. A
 * document that holds no card comes back as its own text (its bytes are its inputs: the writer compares their hash).
 */
function cardInputs(corpus: Corpus): (document: unknown) => { inputs?: string; text?: string } {
  const cardHashes = new Map<object, string>();
  corpus.cards.forEach((card, ordinal) => cardHashes.set(card, corpus.hashes[ordinal] ?? ''));
  return (document) => {
    let cards = 0;
    const text = JSON.stringify(document, (_key, value: unknown) => {
      const hash = typeof value === 'object' && value !== null ? cardHashes.get(value) : undefined;
      if (hash === undefined) return value;
      cards++;
      return { card: hash };
    });
    return cards === 0 ? { text } : { inputs: hashOf(text) };
  };
}

/**
 * The documents, serialized as they are asked for, and the articles' made then too: the ranker's tables are built
 * at the first article, and each one after costs its own ranking (milliseconds), where making all of them takes a
 * minute at 100,000 articles.
 */
function onDemand(
  corpus: Corpus,
  unserialized: ReadonlyMap<string, unknown>,
  rankingMemo: CompileInput['rankingMemo'],
): Pick<CompileOutput, 'documentAt' | 'compiledArticles'> {
  let articles: { emit: ReturnType<typeof articleEmitter>; ordinals: Map<string, number> } | undefined;
  const article = (path: string) => {
    articles ??= {
      emit: articleEmitter(corpus, rankingMemo),
      ordinals: new Map(corpus.articles.map((article, o) => [decodeURIComponent(dataPath.article(article.id)), o])),
    };
    const ordinal = articles.ordinals.get(path);
    return ordinal === undefined ? undefined : articles.emit(ordinal).document;
  };
  return {
    documentAt: (path) => {
      const document = unserialized.get(path) ?? article(path);
      return document === undefined ? undefined : JSON.stringify(document);
    },
    compiledArticles: () => corpus.articles.map(compiledArticle),
  };
}
