/** What the compiler takes in and gives back. */
import type { CompiledArticle } from '../../src/model/compiled.ts';
import type { Problem } from '../../src/model/problems.ts';
import type { Article } from '../../src/model/schema.ts';
import type { CorpusSummary } from '../incremental/articleChanges.ts';
import type { RankingMemo } from '../ranking.ts';

export interface SourceFile {
  /** Relative to CONTENT_DIR, forward slashes. */
  file: string;
  text: string;
}

/**
 * An article file: its text, or only the hash of its text (incremental/buildState.ts hashOf) when `articleCache`
 * knows what those bytes were accepted as, so the loader need not hold the text.
 */
export interface ArticleSource {
  /** Relative to CONTENT_DIR, forward slashes. */
  file: string;
  text?: string;
  hash?: string;
}

export interface CompileInput {
  site?: SourceFile;
  articles: ArticleSource[];
  /** Whether a content-relative path names an existing file. */
  fileExists: (relativePath: string) => boolean;
  /** Why an existing file cannot be published as an image (its bytes, its name), as a message; or undefined. */
  imageProblem?: (relativePath: string) => string | undefined;
  /**
   * Articles already accepted by the schema, by the hash of their file's text (build/incremental/articleCache.ts): a
   * file found there is not parsed or validated again. Filled with what this compile accepts.
   */
  articleCache?: {
    has: (hash: string) => boolean;
    get: (hash: string) => Article | undefined;
    set: (hash: string, article: Article) => void;
  };
  /**
   * Where each document goes as soon as it is made (the site build writes it to disk): then `documents` comes back
   * empty, and the compile never holds the whole output (over a gigabyte of text at 100,000 articles).
   */
  writeDocument?: (path: string, text: string, inputs?: string) => void;
  /**
   * Whether the document at `path` is already written as the last build made it from the same `inputs` (Emitted):
   * then it is not serialized or written again (the site build links it). Only with `writeDocument`.
   */
  reuseDocument?: (path: string, inputs: string) => boolean;
  /**
   * Hands on each article as published (its document's `article`) with the hash of its file, as it is made: the site
   * build indexes it. `kept`: its document was kept (`keptArticles`), and its text has not been read.
   */
  onArticle?: (article: CompiledArticle, hash: string, kept: boolean) => void;
  /**
   * The dev server: documents are serialized, and articles' made, only when asked for (`CompileOutput.documentAt`),
   * so a large newsroom is served in seconds. `documents` then comes back empty.
   */
  onDemand?: boolean;
  /** Related lists ranked by an earlier compile, reused when what they were ranked from is the same (ranking.ts). */
  rankingMemo?: RankingMemo;
  /**
   * The last build's corpus (CompileOutput.corpusSummary), and a way to keep the document it wrote at a path: an
   * article whose document cannot have changed (incremental/articleChanges.ts) is then neither made nor ranked, only
   * kept (`keep` says false when the last copy is gone, and the document is made after all). Only with `writeDocument`.
   */
  keptArticles?: { previous: CorpusSummary; keep: (path: string) => boolean };
  /** Problems met while reading the content folder (unreadable files, an empty newsroom), reported with the rest. */
  readProblems?: Problem[];
  /**
   * `strict` (build, check-content): any problem fails the whole compile.
   * `lenient` (dev server): a bad article is left out and reported; the rest is served.
   */
  mode: 'strict' | 'lenient';
}

export interface CompileOutput {
  problems: Problem[];
  /** Decoded URL path (e.g. `/data/site.json`) → JSON text. Empty when strict and there are problems, or when
   * the documents went to `writeDocument`. */
  documents: Map<string, string>;
  /** With `onDemand`: the document at a decoded path, serialized (an article's made) now; undefined if none. */
  documentAt?: (path: string) => string | undefined;
  /** With `onDemand`: every published article, as its document holds it (what search indexes). */
  compiledArticles?: () => Iterable<CompiledArticle>;
  /** Decoded URL path (e.g. `/media/images/a.svg`) → content-relative source path. */
  media: Map<string, string>;
  /** The pages to prerender; empty when strict and there are problems. */
  pages: PageList;
  stats: { articles: number; tags: number; authors: number; sections: number; documents: number };
  /** With `writeDocument`: what the next build needs to know of this corpus (`keptArticles`). */
  corpusSummary?: CorpusSummary;
  /** With `keptArticles`: how many article documents were kept without being made. */
  articlesKept?: number;
}

/** The pages the site build prerenders, by kind, as percent-encoded site paths (src/model/pageUrls.ts). */
export interface PageList {
  front: string[];
  article: string[];
  tag: string[];
  author: string[];
  section: string[];
}

/** One compiled document, at its URL path (percent-encoded, as dataPath spells it). */
export interface Emitted<T> {
  path: string;
  document: T;
  /**
   * A hash of everything the document's bytes are made from, when the emit step can tell it without serializing the
   * document: a build whose last run wrote the same inputs (and the same code) links that file instead.
   */
  inputs?: string;
}
