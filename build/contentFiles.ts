/**
 * Reading CONTENT_DIR safely. The folder is written by many hands and copied between machines, so
 * anything may be in it: folders where files belong, dangling or escaping symbolic links, pipes,
 * unreadable files, bytes that are not UTF-8. Every such case becomes a problem line naming the path;
 * nothing outside the content folder is ever read (every path is resolved, symbolic links included,
 * and must stay inside the folder's real path). A symbolic link that stays inside is followed.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { hashOf } from './incremental/buildState.ts';
import { isSameOrInside } from './pathWithin.ts';
import { decodeUtf8 } from './utf8.ts';
import type { Problem } from '../src/model/problems.ts';
import type { ArticleSource, SourceFile } from './compile.ts';
import type { FileHashes } from './incremental/fileHashes.ts';

/** The content folder: as named by the operator, and its real path (symbolic links resolved). */
export interface ContentRoot {
  dir: string;
  real: string;
}

export type Located =
  | { kind: 'found'; real: string; stats: Stats }
  | { kind: 'missing' }
  /** `reason` completes a sentence whose subject is the path, e.g. `is a folder, not a file`. */
  | { kind: 'problem'; reason: string };

/** What a failed file-system call means to an editor (never a stack trace). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ELOOP':
      return 'is a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'has a name too long for the file system';
    case undefined:
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

const inside = (root: ContentRoot, real: string) => isSameOrInside(root.real, real);

/** `/abs/content/images/x` → `images/x`, for messages. */
const shown = (root: ContentRoot, real: string) => relative(root.real, real).split(sep).join('/');

export function openContentRoot(folder: string): ContentRoot | Problem {
  const dir = resolve(folder);
  try {
    const real = realpathSync(dir);
    if (!statSync(real).isDirectory()) {
      return { file: '.', path: '(root)', message: `content folder ${dir} is a file, not a folder` };
    }
    return { dir, real };
  } catch (error) {
    const reason = describeFsError(error);
    // The wording of a missing folder predates this module; tests and editors know it.
    return { file: '.', path: '(root)', message: `content folder ${dir} ${reason}` };
  }
}

/**
 * Finds a content-relative path (forward slashes) without ever leaving the content folder: each part is
 * looked at in turn, and a symbolic link is followed only when its target is inside the folder.
 */
function locate(root: ContentRoot, relativePath: string): Located {
  const parts = relativePath.split('/');
  if (isAbsolute(relativePath) || parts.some((part) => part === '' || part === '.' || part === '..')) {
    return { kind: 'problem', reason: 'is not a path inside the content folder' };
  }
  let current = root.real;
  for (const [i, part] of parts.entries()) {
    const next = join(current, part);
    const last = i === parts.length - 1;
    let stats: Stats;
    try {
      stats = lstatSync(next);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      return { kind: 'problem', reason: describeFsError(error) };
    }
    if (stats.isSymbolicLink()) {
      const link = shown(root, next);
      let target: string;
      try {
        target = realpathSync(next);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const what = code === 'ENOENT' || code === 'ENOTDIR' ? 'that does not exist' : `that ${describeFsError(error)}`;
        return {
          kind: 'problem',
          reason: last
            ? `is a symbolic link to a file ${what}`
            : `passes through ${link}, a symbolic link to a folder ${what}`,
        };
      }
      if (!inside(root, target)) {
        return {
          kind: 'problem',
          reason: last
            ? `is a symbolic link to ${target}, outside the content folder; only files inside it are read`
            : `passes through ${link}, a symbolic link to ${target}, outside the content folder; only files inside it are read`,
        };
      }
      current = target;
    } else {
      current = next;
    }
  }
  try {
    return { kind: 'found', real: current, stats: statSync(current) };
  } catch (error) {
    return { kind: 'problem', reason: describeFsError(error) };
  }
}

/** A located regular file, or why it cannot be read as one. */
export function locateFile(root: ContentRoot, relativePath: string): Located {
  const located = locate(root, relativePath);
  if (located.kind !== 'found') return located;
  if (located.stats.isDirectory()) return { kind: 'problem', reason: 'is a folder, not a file' };
  // A pipe or a device would block or never end when read.
  if (!located.stats.isFile()) return { kind: 'problem', reason: 'is not a regular file (a pipe, socket or device)' };
  return located;
}

/**
 * Reads a content file as UTF-8. `known` is its real path when a folder listing already showed it to be a
 * regular file in a located folder: that spares three system calls a file, a second at 100,000 articles.
 */
function readSource(root: ContentRoot, file: string, known?: string): { source: SourceFile } | { problem: Problem } {
  const problem = (reason: string) => ({ problem: { file, path: '(root)', message: reason } });
  let real = known;
  if (real === undefined) {
    const located = locateFile(root, file);
    if (located.kind === 'missing') return problem('does not exist');
    if (located.kind === 'problem') return problem(located.reason);
    real = located.real;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(real);
  } catch (error) {
    return problem(describeFsError(error));
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { source: { file, text: decoded.text } } : problem(decoded.reason);
}

export interface ContentTree {
  site?: SourceFile;
  articles: ArticleSource[];
  /** Files that could not be read, and an empty newsroom: they fail check-content and build. */
  problems: Problem[];
  /** Files that are not read (with why): shown, but they fail nothing. */
  warnings: Problem[];
}

export interface ReadOptions {
  /** An empty newsroom is refused unless this is set (ALLOW_EMPTY=1): it is almost always a wrong CONTENT_DIR. */
  allowEmpty: boolean;
  /**
   * Whether the compile already knows the article a file of these bytes (by its hash) was accepted as
   * (incremental/articleCache.ts). Such a file is handed on as its hash alone: at 100,000 articles their text is
   * over half a gigabyte that the compile would otherwise hold to the end for nothing.
   */
  known?: (hash: string) => boolean;
  /** The hashes of files read before (incremental/fileHashes.ts): a known file that `stat` shows unchanged is not read. */
  fileHashes?: FileHashes;
}

const ARTICLE_FILE = /\.json$/;
const hidden = (name: string) => name.startsWith('.');

function listFolder(path: string): Dirent[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
}

const jsonFilesIn = (path: string) =>
  (listFolder(path) ?? []).filter((entry) => /\.json$/i.test(entry.name) && !hidden(entry.name)).length;

/** Why there are no articles, with the likeliest cause first. */
function emptyNewsroom(root: ContentRoot, articlesFolder: boolean): Problem {
  const top = listFolder(root.real) ?? [];
  const looseJson = top.filter((entry) => /\.json$/i.test(entry.name) && entry.name !== 'site.json').length;
  const nested = top.filter(
    (entry) => entry.isDirectory() && !hidden(entry.name) && listFolder(join(root.real, entry.name, 'articles')),
  );
  // Each hint is a sentence of its own.
  const hints: string[] = [];
  if (looseJson > 0) {
    hints.push(
      `${root.dir} itself holds ${looseJson} .json file${looseJson === 1 ? '' : 's'}: is CONTENT_DIR one level too deep? ` +
        'It must name the folder that holds articles/.',
    );
  }
  if (nested.length === 1 && nested[0]) hints.push(`Did you mean CONTENT_DIR=${join(root.dir, nested[0].name)}?`);
  else if (nested.length > 1) {
    const names = nested.slice(0, 5).map((entry) => entry.name);
    const more = nested.length > 5 ? `, and ${nested.length - 5} more` : '';
    hints.push(`Did you mean one of its folders that hold an articles folder (${names.join(', ')}${more})?`);
  }
  const what = articlesFolder
    ? `no article files (*.json) in ${join(root.dir, 'articles')}`
    : `${root.dir} has no articles folder`;
  return {
    file: 'articles',
    path: '(root)',
    message: [
      `${what}, so the site would be empty.`,
      ...hints,
      'To publish an empty site on purpose, set ALLOW_EMPTY=1.',
    ].join(' '),
  };
}

function statIfFile(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** Reads site.json and articles/*.json. Images are read later, and only those that articles use. */
export function readContentTree(root: ContentRoot, options: ReadOptions): ContentTree {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const articles: ArticleSource[] = [];
  const ignore = (file: string, reason: string) =>
    warnings.push({ file, path: '(root)', message: `ignored: ${reason}` });

  let site: SourceFile | undefined;
  const siteFile = readSource(root, 'site.json');
  if ('source' in siteFile) site = siteFile.source;
  else if (siteFile.problem.message !== 'does not exist') problems.push(siteFile.problem);

  const folder = locate(root, 'articles');
  for (const entry of listFolder(root.real) ?? []) {
    if (entry.name !== 'site.json' && /^site\.json$/i.test(entry.name)) {
      ignore(entry.name, 'the site settings are read only from a file named site.json (lower case)');
    } else if (
      folder.kind !== 'missing' &&
      entry.name !== 'site.json' &&
      /\.json$/i.test(entry.name) &&
      !hidden(entry.name)
    ) {
      // Without an articles folder, the empty-newsroom problem speaks for these files (a CONTENT_DIR too deep).
      ignore(entry.name, 'articles are read only from the articles folder');
    }
  }

  let articlesFolder = false;
  if (folder.kind === 'problem') {
    problems.push({ file: 'articles', path: '(root)', message: folder.reason });
  } else if (folder.kind === 'found' && !folder.stats.isDirectory()) {
    problems.push({
      file: 'articles',
      path: '(root)',
      message: 'is a file, not a folder; articles go in a folder named articles, one .json file each',
    });
  } else if (folder.kind === 'found') {
    articlesFolder = true;
    const entries = listFolder(folder.real);
    if (entries === undefined) {
      problems.push({ file: 'articles', path: '(root)', message: 'cannot be listed (permission denied)' });
    }
    for (const entry of entries ?? []) {
      const file = `articles/${entry.name}`;
      // Hidden files are an editor's or the system's own (.DS_Store, Emacs' .#draft.json lock links).
      if (hidden(entry.name)) continue;
      if (ARTICLE_FILE.test(entry.name)) {
        const real = entry.isFile() ? join(folder.real, entry.name) : undefined;
        // Looked at before it is read: a change during the read leaves a signature that no longer matches.
        const stats = real !== undefined && options.fileHashes ? statIfFile(real) : undefined;
        const unchanged = stats && options.fileHashes?.knownHash(real as string, stats);
        if (unchanged !== undefined && options.known?.(unchanged)) {
          articles.push({ file, hash: unchanged });
          continue;
        }
        const read = readSource(root, file, real);
        if ('source' in read) {
          const { file: name, text } = read.source;
          const hash = hashOf(text);
          if (stats) options.fileHashes?.note(real as string, stats, hash);
          articles.push(options.known?.(hash) ? { file: name, hash } : { file: name, text, hash });
        } else problems.push(read.problem);
      } else if (/\.json$/i.test(entry.name)) {
        ignore(file, `only names ending in ".json" (lower case) are read; rename it to end in .json`);
      } else if (entry.isDirectory()) {
        const count = jsonFilesIn(join(folder.real, entry.name));
        ignore(
          file,
          `a folder${count ? ` (with ${count} .json file${count === 1 ? '' : 's'})` : ''}; ` +
            'articles are read only from articles/ itself, not from folders inside it',
        );
      } else {
        ignore(file, 'not a .json file');
      }
    }
  }

  const unreadableArticles = problems.some((problem) => problem.file.startsWith('articles'));
  if (articles.length === 0 && !unreadableArticles) {
    const empty = emptyNewsroom(root, articlesFolder);
    if (options.allowEmpty) warnings.push({ ...empty, message: 'no articles; an empty site is built (ALLOW_EMPTY=1)' });
    else problems.push(empty);
  }
  return { site, articles, problems, warnings };
}

/** A warning line: like a problem line, marked, so an editor can tell the two apart. */
export const formatWarning = (warning: Problem) => `${warning.file}: ${warning.path}: warning: ${warning.message}`;
