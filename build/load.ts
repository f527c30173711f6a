/** Reads CONTENT_DIR from disk and compiles it; the only part of the compiler that touches files. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { compileContent, type CompileOutput, type SourceFile } from './compile.ts';

export const DEFAULT_CONTENT_DIR = 'content';

/** CONTENT_DIR from the environment, absolute or relative to the repository root. */
export function resolveContentDir(root: string, env: string | undefined = process.env.CONTENT_DIR): string {
  return resolve(root, env && env.trim() ? env : DEFAULT_CONTENT_DIR);
}

function readSource(contentDir: string, path: string): SourceFile {
  return { file: relative(contentDir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') };
}

export function loadContent(folder: string, mode: 'strict' | 'lenient'): CompileOutput {
  const contentDir = resolve(folder);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    return {
      problems: [{ file: '.', path: '(root)', message: `content folder ${contentDir} does not exist` }],
      documents: new Map(),
      media: new Map(),
      pages: { front: [], article: [], tag: [], author: [] },
      stats: { articles: 0, tags: 0, authors: 0, sections: 0, documents: 0 },
    };
  }
  const articlesDir = join(contentDir, 'articles');
  const articleFiles = existsSync(articlesDir)
    ? readdirSync(articlesDir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => readSource(contentDir, join(articlesDir, name)))
    : [];
  const sitePath = join(contentDir, 'site.json');
  return compileContent({
    site: existsSync(sitePath) ? readSource(contentDir, sitePath) : undefined,
    articles: articleFiles,
    fileExists: (path) => {
      const full = resolve(contentDir, path);
      return full.startsWith(contentDir + sep) && existsSync(full) && statSync(full).isFile();
    },
    mode,
  });
}
