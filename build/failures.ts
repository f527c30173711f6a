/**
 * What `build` and `dev` print when something fails. Content problems are printed as
 * `<file>: <JSON path>: <message>` where they are found; operator mistakes and file-system errors
 * become one plain sentence naming the path; only a genuine bug in Broadsheet earns a stack trace.
 */
import { relative, sep } from 'node:path';
import { isInside } from './pathWithin.ts';

/** A mistake in how a command was run (a setting, a folder): its message is one sentence to act on. */
export class OperatorError extends Error {
  override name = 'OperatorError';
}

/** Node's file-system error codes, in words an editor or operator can act on. */
const SYSTEM_ERRORS: Record<string, string> = {
  EISDIR: 'is a folder where a file was expected',
  ENOTDIR: 'is, or is inside, a file where a folder was expected',
  ENOENT: 'does not exist (or is a symlink to something that does not exist)',
  EACCES: 'cannot be read or written: permission denied',
  EPERM: 'cannot be changed: operation not permitted',
  ELOOP: 'is a symlink that leads back to itself',
  ENAMETOOLONG: 'has a name too long for the file system',
  ENOSPC: 'cannot be written: the disk is full',
  EDQUOT: 'cannot be written: the disk quota is used up',
  EROFS: 'cannot be written: the file system is read-only',
  EMFILE: 'cannot be opened: too many files are open at once',
  EBUSY: 'is in use by another program',
  EEXIST: 'already exists',
  ENOTEMPTY: 'is a folder that is not empty',
  EXDEV: 'is on another file system, so it cannot be moved there',
  EIO: 'could not be read or written: an input/output error from the disk',
};

interface SystemError {
  code: string;
  path?: string;
  syscall?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `error` and whatever a bundler wrapped it in or with (`errors`, `cause`), outermost first. */
function unwrapped(error: unknown, depth = 0): unknown[] {
  if (!isRecord(error) || depth > 4) return [error];
  const inner = [...(Array.isArray(error.errors) ? (error.errors as unknown[]) : []), error.cause];
  return [error, ...inner.filter((e) => e !== undefined).flatMap((e) => unwrapped(e, depth + 1))];
}

/** A Node system error (Rolldown keeps the code of an error thrown in a plugin hook as `pluginCode`). */
function asSystemError(error: unknown): SystemError | undefined {
  if (!isRecord(error)) return undefined;
  const code = [error.code, error.pluginCode].find((c): c is string => typeof c === 'string' && c in SYSTEM_ERRORS);
  if (!code) return undefined;
  return {
    code,
    path: typeof error.path === 'string' ? error.path : undefined,
    syscall: typeof error.syscall === 'string' ? error.syscall : undefined,
  };
}

/** A system error as one line: `<file>: (root): <words>` inside the content folder, `<path>: <words>` elsewhere. */
function systemErrorLine({ code, path, syscall }: SystemError, contentDir: string): string {
  const words = `${SYSTEM_ERRORS[code] ?? code} (${code})`;
  if (path === undefined) {
    // Node leaves out the path when the file was already open (a read of a folder, say).
    return `a file could not be ${syscall === 'write' ? 'written' : 'read'}: it ${words}`;
  }
  if (isInside(contentDir, path)) return `${relative(contentDir, path).split(sep).join('/')}: (root): ${words}`;
  return `${path}: ${words}`;
}

/** Errors whose message is already one sentence to act on. */
const PLAIN_ERRORS = new Set(['OperatorError', 'PrerenderError', 'DamagedTails']);

export type Failure =
  /** Content problems: their lines were printed where they were found. */
  | { kind: 'content' }
  /** An operator mistake or a file-system error: one line to act on. */
  | { kind: 'plain'; line: string }
  /** A bug in Broadsheet itself: the only kind that deserves a stack trace. */
  | { kind: 'internal'; error: unknown };

/** Sorts a failure of `build` or `dev` into what should be printed for it. */
export function classifyFailure(error: unknown, contentDir: string): Failure {
  const errors = unwrapped(error);
  // The build's ContentError (build/vitePlugin.ts): its problems were printed one a line as they were found.
  if (errors.some((e) => isRecord(e) && e.name === 'ContentError')) return { kind: 'content' };
  // By name: Vite may load the plugin that threw through a module graph of its own.
  // A page that failed to prerender (build/prerender.ts) names its URL in one sentence too.
  const operator = errors.find((e) => isRecord(e) && PLAIN_ERRORS.has(String(e.name)) && typeof e.message === 'string');
  if (isRecord(operator)) return { kind: 'plain', line: String(operator.message) };
  const system = errors.map(asSystemError).find((e) => e !== undefined);
  if (system) return { kind: 'plain', line: systemErrorLine(system, contentDir) };
  return { kind: 'internal', error };
}

/** Said before the stack trace of an internal error, so nobody hunts for a mistake in their content. */
export const INTERNAL_ERROR_NOTE =
  'Internal error: this is a bug in Broadsheet, not a problem with the content or the settings. Please report it with the trace below.';
