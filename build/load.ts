/**
 * Reads CONTENT_DIR and compiles it: the only part of the compiler that touches files. Reading is
 * contentFiles.ts (safe paths, strict UTF-8, what is ignored), images are media.ts (bytes that are what
 * they claim); check-content, build and dev all come through here, so they judge content alike.
 */
import { resolve } from 'node:path';
import { noPages } from './compile/pageList.ts';
import { compileContent, type CompileInput, type CompileOutput } from './compile.ts';
import { locateFile, openContentRoot, readContentTree } from './contentFiles.ts';
import { knownVerdict, verifyImages, type ImageVerdict } from './media.ts';
import type { Problem } from '../src/model/problems.ts';
import type { FileHashes } from './incremental/fileHashes.ts';

export const DEFAULT_CONTENT_DIR = 'content';

/** CONTENT_DIR from the environment, absolute or relative to the repository root. */
export function resolveContentDir(root: string, env: string | undefined = process.env.CONTENT_DIR): string {
  return resolve(root, env && env.trim() ? env : DEFAULT_CONTENT_DIR);
}

export interface LoadOutput extends CompileOutput {
  /** Files left unread and why (e.g. `articles/notes.txt`); they fail nothing but are worth a look. */
  warnings: Problem[];
}

/**
 * `articleCache` and `rankingMemo`: what earlier compiles did, reused (build/incremental/compileCaches.ts);
 * `writeDocument`: where the documents go as they are made, instead of the output's `documents` (`reuseDocument`:
 * which of them the last build already wrote from the same inputs); `onArticle`: each article as published.
 */
export interface LoadOptions extends Pick<
  CompileInput,
  'articleCache' | 'rankingMemo' | 'writeDocument' | 'reuseDocument' | 'keptArticles' | 'onArticle' | 'onDemand'
> {
  /** The hashes of article files read before (incremental/fileHashes.ts): an unchanged one is not read again. */
  fileHashes?: FileHashes;
  /** Build an empty newsroom instead of refusing it. Default: the environment's ALLOW_EMPTY=1. */
  allowEmpty?: boolean;
}

const EMPTY_STATS = { articles: 0, tags: 0, authors: 0, sections: 0, documents: 0 };

export async function loadContent(
  folder: string,
  mode: 'strict' | 'lenient',
  {
    allowEmpty = process.env.ALLOW_EMPTY === '1',
    articleCache,
    rankingMemo,
    writeDocument,
    reuseDocument,
    keptArticles,
    onArticle,
    onDemand,
    fileHashes,
  }: LoadOptions = {},
): Promise<LoadOutput> {
  const root = openContentRoot(folder);
  if (!('real' in root))
    return {
      problems: [root],
      warnings: [],
      documents: new Map(),
      media: new Map(),
      pages: noPages(),
      stats: EMPTY_STATS,
    };
  const tree = readContentTree(root, {
    allowEmpty,
    known: articleCache && ((hash) => articleCache.has(hash)),
    fileHashes,
  });

  // The compiler is synchronous; an image's bytes are checked asynchronously. So the first compile answers
  // from verdicts already known (from an earlier compile of an unchanged file) and notes the rest; those
  // are verified, and only if one fails is the content compiled again, to report it and (in dev) leave out
  // the article that uses it, as for a missing image.
  const pending = new Set<string>();
  let fresh = new Map<string, ImageVerdict>();
  const compile = () =>
    compileContent({
      site: tree.site,
      articles: tree.articles,
      mode,
      articleCache,
      rankingMemo,
      writeDocument,
      reuseDocument,
      keptArticles,
      onArticle,
      onDemand,
      readProblems: tree.problems,
      fileExists: (src) => locateFile(root, src).kind !== 'missing',
      imageProblem: (src) => {
        const located = locateFile(root, src);
        if (located.kind === 'problem') return `image file "${src}" ${located.reason}`;
        if (located.kind === 'missing') return undefined;
        const verdict = fresh.get(src) ?? knownVerdict(located.real, located.stats);
        if (verdict === undefined) pending.add(src);
        return verdict && !verdict.ok ? `image file "${src}" ${verdict.reason}` : undefined;
      },
    });
  let output = compile();
  if (pending.size > 0) {
    fresh = await verifyImages(root, pending);
    if ([...fresh.values()].some((verdict) => !verdict.ok)) output = compile();
  }
  return { ...output, warnings: tree.warnings };
}
