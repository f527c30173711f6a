/**
 * What `npm run dev` serves while the content changes under it. Each change recompiles leniently (a bad
 * article is left out and reported). When loading throws instead (a folder where a file should be, a
 * file gone mid-read, a bug), the server does not stop: it keeps serving the last content that loaded,
 * with the failure added to the problems that the terminal and every page's banner show, and recovers
 * on the next change, or the next retry, that loads.
 */
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../src/model/paths.ts';
import { formatProblem } from '../src/model/problems.ts';
import { compileContent, type CompileOutput } from './compile.ts';
import { formatWarning } from './contentFiles.ts';
import { INTERNAL_ERROR_NOTE, classifyFailure } from './failures.ts';
import type { LoadOutput } from './load.ts';

export interface DevLogger {
  info: (message: string, options?: { timestamp?: boolean }) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

export interface DevContent {
  /** What the server answers with now. */
  current: () => CompileOutput;
  /** Settles once the first load has ended (loaded or failed). */
  ready: Promise<void>;
  /** Loads the content again; never rejects. */
  reload: () => Promise<void>;
}

/** Said after a load failure, in the terminal and the banner. */
export const STILL_SERVING = 'the last content that loaded is served until this is fixed';

/** The document at a decoded path, however the compile holds it (`onDemand` or not). */
export const documentOf = (output: CompileOutput, path: string): string | undefined =>
  output.documents.get(path) ?? output.documentAt?.(path);

/** `output` with `line` first among the problems in its site document (which the page banner shows). */
function withProblem(output: CompileOutput, line: string): CompileOutput {
  // `documents` is looked at first, so the site document set there wins over the one made on demand.
  const documents = new Map(output.documents);
  const sitePath = dataPath.site();
  const siteText = documentOf(output, sitePath);
  if (siteText !== undefined) {
    const site = JSON.parse(siteText) as { problems: string[] };
    documents.set(sitePath, JSON.stringify({ ...site, problems: [line, ...site.problems] }));
  }
  return { ...output, documents };
}

/** A newsroom with nothing in it: what is served when the content has never loaded. */
const nothingLoaded = (): CompileOutput =>
  compileContent({ site: undefined, articles: [], fileExists: () => false, mode: 'lenient' });

export interface DevContentOptions {
  /** Called after each load that follows a change (`reload`), and after a retry that succeeds: pages reload. */
  onUpdate?: () => void;
  /** The least wait before loading again after a failure. */
  retryMs?: number;
  /** How often the files that were once unreadable are looked at (see `pollTroubled`). */
  pollMs?: number;
}

/** What a path is now, in a few bytes: its kind, size and modification time, or that it is missing. */
function statSignature(path: string): string {
  try {
    const stats = statSync(path);
    return `${stats.isFile() ? 'file' : 'other'}:${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * Looks at the given files every `intervalMs` and calls `onChange` when one of them changed. For the files that were
 * once not a readable file (a folder where a file should be): after such a file turns back into a file, a file
 * watcher can stay blind to it (chokidar did), so its next edit would be missed. The folder watch sees it, but on
 * file systems whose folder events are unreliable (network shares) this still does, for a few stat calls a second.
 */
function pollTroubled(onChange: () => void, intervalMs: number) {
  const seen = new Map<string, string>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const look = () => {
    let changed = false;
    for (const [path, before] of seen) {
      const now = statSignature(path);
      if (now === before) continue;
      seen.set(path, now);
      changed = true;
    }
    if (changed) onChange();
  };
  return {
    add(path: string) {
      if (seen.has(path)) return;
      seen.set(path, statSignature(path));
      if (!timer) {
        timer = setInterval(look, intervalMs);
        timer.unref();
      }
    },
  };
}

/**
 * Loads the content at once, and again on each `reload`. After a failure it also tries again on its own,
 * every `retryMs` or twice as long as a load takes: a file that turned into a folder and back can leave
 * a file watcher blind to that path, and the fix must still be seen. Loads are asynchronous
 * (images are verified), so only the latest one started may decide what is served.
 */
export function devContent(
  load: () => Promise<LoadOutput>,
  contentDir: string,
  logger: DevLogger,
  { onUpdate, retryMs = 1000, pollMs = 1000 }: DevContentOptions = {},
): DevContent {
  let lastGood: CompileOutput | undefined;
  let failing: string | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let output: CompileOutput = nothingLoaded();

  /** Whether this load's outcome was taken (false when a newer load started meanwhile). */
  /** What the terminal was last told of a load that succeeded (its warnings and problems). */
  let reported: string | undefined;
  const retryAfter = (started: number) => {
    const wait = Math.max(retryMs, 2 * (performance.now() - started));
    retry = setTimeout(() => void update('retry'), wait);
    retry.unref();
  };

  /** 'stale' when a newer load started meanwhile; 'new' when what is served or said changed. */
  const attempt = async (cause: 'change' | 'retry'): Promise<'stale' | 'same' | 'new'> => {
    const run = ++latest;
    const started = performance.now();
    clearTimeout(retry);
    let loaded: LoadOutput;
    try {
      loaded = await load();
    } catch (error) {
      if (run !== latest) return 'stale';
      const failure = classifyFailure(error, contentDir);
      const line =
        failure.kind === 'plain'
          ? failure.line
          : `the content could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      // Said once, not at every retry.
      const news = line !== failing;
      if (news) {
        logger.error(`\n[content] ${line}\n[content] ${STILL_SERVING}.`);
        if (failure.kind === 'internal') {
          logger.error(
            `${INTERNAL_ERROR_NOTE}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
      }
      failing = line;
      reported = undefined;
      retryAfter(started);
      output = withProblem(lastGood ?? nothingLoaded(), `${line} (${STILL_SERVING})`);
      return news ? 'new' : 'same';
    }
    if (run !== latest) return 'stale';
    const said = [...loaded.warnings.map(formatWarning), ...loaded.problems.map(formatProblem)].join('\n');
    const news = failing !== undefined || said !== reported;
    lastGood = loaded;
    failing = undefined;
    reported = said;
    output = loaded;
    if (cause === 'change' || news) {
      const ms = Math.round(performance.now() - started);
      for (const warning of loaded.warnings) logger.warn(`[content] ${formatWarning(warning)}`);
      if (loaded.problems.length > 0) {
        logger.error(`\n[content] ${loaded.problems.length} problem(s); those articles are left out until fixed:`);
        for (const problem of loaded.problems) logger.error(`  ${formatProblem(problem)}`);
      }
      logger.info(`[content] ${loaded.stats.articles} articles from ${contentDir} in ${ms} ms`, { timestamp: true });
    }
    // While a whole file could not be read, look again on its own too: the watcher can miss the fix (a folder
    // turned back into a file), and after it the file's edits, so that file is polled from now on. An edit inside
    // a readable file is always seen, so a field's problem waits for it.
    const unreadable = loaded.problems.filter((problem) => problem.path === '(root)');
    for (const { file } of unreadable) troubled.add(join(contentDir, file));
    if (unreadable.length > 0) retryAfter(started);
    return news ? 'new' : 'same';
  };

  const update = async (cause: 'change' | 'retry') => {
    const outcome = await attempt(cause);
    // A retry that finds nothing new changes nothing on the page: no reload for it.
    if (outcome !== 'stale' && (cause === 'change' || outcome === 'new')) onUpdate?.();
  };
  const troubled = pollTroubled(() => void update('change'), pollMs);
  const ready = attempt('change').then(() => undefined);
  return { current: () => output, ready, reload: () => update('change') };
}

/** The folders inside `root` (itself included), symbolic links not followed: each is watched on its own. */
function foldersIn(root: string): string[] {
  const folders = [root];
  for (let i = 0; i < folders.length; i++) {
    let entries: Dirent[];
    try {
      entries = readdirSync(folders[i] as string, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) if (entry.isDirectory()) folders.push(join(folders[i] as string, entry.name));
  }
  return folders;
}

export interface FolderWatch {
  close: () => void;
}

/**
 * Calls `onChange` once a burst of changes inside `contentDir` has settled. It watches each folder, not each file: a
 * folder's watch (inotify, FSEvents, ReadDirectoryChangesW) reports its entries being made, written, removed or
 * renamed, and a newsroom has a few folders and many files. Vite's watcher (chokidar) watches every file: at 100,000
 * articles that is 100,000 watches, past the 8,192 many Linux systems allow, and seconds of `stat` calls at start.
 * After each burst the folders are listed again, so a folder made or removed is watched or let go.
 */
export function watchFolders(contentDir: string, onChange: () => void, settleMs = 100): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (closed) return;
      rescan();
      onChange();
    }, settleMs);
  };
  const rescan = () => {
    const now = new Set(foldersIn(contentDir));
    for (const [folder, watcher] of watchers) {
      if (now.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of now) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, changed);
        // A folder removed or unreadable: let go, and watched again if it comes back.
        watcher.on('error', () => {
          watcher.close();
          if (watchers.get(folder) === watcher) watchers.delete(folder);
          changed();
        });
        watchers.set(folder, watcher);
      } catch {
        // Gone between the listing and the watch: the next burst lists the folders again.
      }
    }
  };
  rescan();
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
