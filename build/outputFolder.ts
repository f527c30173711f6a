/**
 * The output folder, handled so that no operator mistake can destroy data:
 * - refused before anything is touched when it is, contains or lies inside the content folder, the
 *   project folder or one of its source folders, or already holds files that are not a build;
 * - one build at a time: a lock file beside it (`dist.lock`), taken over when its build is dead;
 * - built in a staging folder beside it and swapped in by two renames only when everything
 *   succeeded; on SIGINT, SIGTERM or SIGHUP the staging and cache folders are removed and the
 *   published site is left as it was (or, while the build's thread is busy for long, `stopAtOnce`, the
 *   signal ends it at once); leftovers of a build that was killed outright (SIGKILL, a power cut) are
 *   removed by the next build, which also puts back a site left aside mid-swap.
 *
 * A symlink at OUT_DIR (a web root) is followed: the folder it finally points to is what is
 * replaced, by the same two renames inside that folder's parent, and the link itself is left as it
 * is. So the site behind the link is updated whether the web server's root names the link or the
 * folder. Readers get the old site or the new one, never a mix; for the microseconds between the
 * two renames the folder's path does not exist.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { OperatorError } from './failures.ts';
import { isInside } from './pathWithin.ts';

/** Folders of the project that a build must never replace, wrap, or write into. */
export const SOURCE_FOLDERS = [
  'src',
  'build',
  'scripts',
  'tests',
  'docs',
  'public',
  'deploy',
  'content',
  'node_modules',
  '.git',
] as const;

/** Generated, git-ignored folders inside a source folder, where the browser tests and benchmarks build. */
const BUILD_FOLDERS_IN_SOURCES = ['tests/e2e/.artifacts'];

export interface OutputRequest {
  /** The project folder (where package.json and node_modules are). */
  root: string;
  /** OUT_DIR as the operator gave it: absolute, or relative to `root`. */
  outDir: string;
  /** The content folder, absolute. */
  contentDir: string;
  /** A file every build writes: an existing folder without it is not a build and is never replaced. */
  marker: string;
}

export interface OutputPaths {
  /** OUT_DIR, absolute. */
  out: string;
  /** The real folder that is replaced: `out`, or where the symlink at `out` finally points. */
  target: string;
  /** The lock file beside `target`. */
  lock: string;
  /** OUT_DIR as given, and where it points when it is a symlink: how messages name it. */
  shown: string;
}

/** The real path where `path` would land: symlinks resolved in the part that exists, the rest appended. */
function realPathOf(path: string): string {
  const rest: string[] = [];
  let existing = path;
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return path;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

const lstatOf = (path: string) => lstatSync(path, { throwIfNoEntry: false });

interface Guarded {
  path: string;
  what: string;
  /** Whether a build may go inside it (the project folder: dist/ lives there). */
  mayHoldOutput: boolean;
}

function guardedFolders(root: string, contentDir: string): Guarded[] {
  return [
    { path: root, what: `the project folder (${root})`, mayHoldOutput: true },
    { path: contentDir, what: `the content folder (CONTENT_DIR, ${contentDir})`, mayHoldOutput: false },
    ...SOURCE_FOLDERS.map((name) => ({
      path: join(root, name),
      what: `the project's ${name}/ folder`,
      mayHoldOutput: false,
    })),
  ];
}

type Relation = 'is' | 'contains' | 'is inside';

/** How `candidate` relates to a guarded folder (by its path or its real path), when that forbids building there. */
function forbiddenRelation(candidate: string, guarded: Guarded, allowedInside: string[]): Relation | undefined {
  for (const path of new Set([guarded.path, realPathOf(guarded.path)])) {
    if (candidate === path) return 'is';
    if (isInside(candidate, path)) return 'contains';
    if (!guarded.mayHoldOutput && isInside(path, candidate) && !allowedInside.some((f) => isInside(f, candidate))) {
      return 'is inside';
    }
  }
  return undefined;
}

const CONSEQUENCE: Record<Relation, string> = {
  is: 'a build replaces its output folder as a whole, so it would be deleted',
  contains: 'a build replaces its output folder as a whole, so it would be deleted',
  'is inside': 'the built site would be mixed with files that are not to be published',
};

/**
 * Where a build of `request` goes, or an OperatorError saying why it must not: checked before
 * anything is created, moved or deleted.
 */
export function resolveOutput({ root, outDir, contentDir, marker }: OutputRequest): OutputPaths {
  const out = resolve(root, outDir);
  let target = realPathOf(out);
  let shown = outDir;
  if (lstatOf(out)?.isSymbolicLink()) {
    try {
      target = realpathSync(out);
    } catch {
      throw new OperatorError(
        `Refusing to build into ${outDir}: it is a symlink to ${readlinkSync(out)}, which does not exist; create that folder or point the link at the web root.`,
      );
    }
    shown = `${outDir} (a symlink to ${target})`;
  }
  const targetStat = lstatOf(target);
  if (targetStat && !targetStat.isDirectory()) {
    throw new OperatorError(`Refusing to build into ${shown}: it is a file, not a folder; set OUT_DIR to a folder.`);
  }

  const allowedInside = BUILD_FOLDERS_IN_SOURCES.map((folder) => join(root, folder));
  for (const guarded of guardedFolders(resolve(root), resolve(contentDir))) {
    for (const candidate of new Set([out, target])) {
      const relation = forbiddenRelation(candidate, guarded, allowedInside);
      if (!relation) continue;
      throw new OperatorError(
        `Refusing to build into ${shown}: it ${relation} ${guarded.what}, and ${CONSEQUENCE[relation]}; set OUT_DIR to a folder of its own, such as dist.`,
      );
    }
  }

  if (targetStat && readdirSync(target).length > 0 && !existsSync(join(target, marker))) {
    throw new OperatorError(
      `Refusing to build into ${shown}: it holds files that are not a Broadsheet build (there is no ${marker}), and a build replaces the whole folder; empty it or set OUT_DIR to another folder.`,
    );
  }
  return { out, target, lock: `${target}.lock`, shown };
}

// ---------------------------------------------------------------------------------------------
// The lock. proper-lockfile was considered: it judges a lock stale by an mtime its holder refreshes
// on a timer, but the compile runs synchronously for many seconds on a large newsroom, so the
// timer would stall and a second build would take over a live lock. Here a lock names its
// process, and is stale only when that process is gone.

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

type LockState =
  { kind: 'missing' } | { kind: 'unreadable'; text: string } | { kind: 'held'; text: string; owner: LockOwner };

function readLock(path: string): LockState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { kind: 'missing' };
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedAt === 'string') {
      return { kind: 'held', text, owner: { pid: value.pid, host: value.host, startedAt: value.startedAt } };
    }
  } catch {
    // Not JSON: nobody's lock (ours are written whole before they are linked into place).
  }
  return { kind: 'unreadable', text };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process on another machine (a shared file system) cannot be checked, so its lock is taken as live. */
const ownerIsAlive = (owner: LockOwner) => owner.host !== hostname() || processIsAlive(owner.pid);

/** Creates `path` with the content of `file`, atomically, unless `path` exists. */
function linkUnlessExists(file: string, path: string): boolean {
  try {
    linkSync(file, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes a stale lock (text `stale`), guarded by a second lock so that two builds finding the same
 * stale lock cannot both remove it, one of them removing the other's fresh lock instead.
 */
function removeStaleLock(lock: string, stale: string, mine: string) {
  const guard = `${lock}.takeover`;
  if (!linkUnlessExists(mine, guard)) {
    const holder = readLock(guard);
    // A build that died during its own takeover: its guard is stale too.
    if (holder.kind === 'unreadable' || (holder.kind === 'held' && !ownerIsAlive(holder.owner))) {
      rmSync(guard, { force: true });
    } else pause(20);
    return;
  }
  try {
    const now = readLock(lock);
    if (now.kind !== 'missing' && now.text === stale) rmSync(lock, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

function busyMessage(owner: LockOwner, shown: string, lock: string): string {
  const who =
    owner.host === hostname()
      ? `Another build (process ${owner.pid}, started ${owner.startedAt})`
      : `A build on ${owner.host} (process ${owner.pid}, started ${owner.startedAt})`;
  return `${who} is writing ${shown}; wait for it to finish and build again, or if no build is running, delete ${lock}.`;
}

/** Takes the lock of `paths`, or throws an OperatorError naming the build that holds it. Returns the release. */
export function acquireLock({ lock, shown }: OutputPaths): () => void {
  const text = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() });
  // Written whole, then linked into place: another build never reads half a lock.
  const mine = `${lock}-${process.pid}`;
  mkdirSync(dirname(lock), { recursive: true });
  writeFileSync(mine, text);
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (linkUnlessExists(mine, lock)) {
        return () => {
          const now = readLock(lock);
          if (now.kind !== 'missing' && now.text === text) rmSync(lock, { force: true });
        };
      }
      const held = readLock(lock);
      if (held.kind === 'missing') continue;
      if (held.kind === 'held' && ownerIsAlive(held.owner))
        throw new OperatorError(busyMessage(held.owner, shown, lock));
      removeStaleLock(lock, held.text, mine);
    }
    throw new OperatorError(`Could not take the lock ${lock} for ${shown}: other builds keep taking it; build again.`);
  } finally {
    rmSync(mine, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Leftovers and signals.

const LEFTOVER = /^(.*)\.(staging|retired|removing|lock)-(\d+)(?:-\d+)?$/;
/** The file that says which build kept a spare (`<out>.spare`): written into it when it stops being published. */
export const SPARE_MARKER = '.broadsheet-spare';
const CACHE_PREFIX = 'broadsheet-prerender-';

/**
 * Removes what builds of this output that were killed outright left beside it, and the prerender
 * caches of dead builds. Called with the lock held, so no live build of this output owns any of it.
 * A site left aside mid-swap (killed between the two renames) is put back when nothing replaced it.
 * A replaced site still being removed in the background (the build before this one, moments ago) is left to a
 * background removal when `inBackground`: removing it here made a build right after another wait for it (18 s
 * of a 20,000-article edit build).
 */
function removeLeftovers(target: string, cacheRoot: string, warn: (line: string) => void, inBackground: boolean) {
  const parent = dirname(target);
  const name = basename(target);
  for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
    const match = LEFTOVER.exec(entry);
    if (!match || match[1] !== name || Number(match[3]) === process.pid) continue;
    const path = join(parent, entry);
    const kind = match[2];
    // A lock being written by a live build that is about to find ours: not ours to remove.
    if (kind === 'lock' && processIsAlive(Number(match[3]))) continue;
    if (kind === 'retired' && !existsSync(target)) {
      renameSync(path, target);
      warn(`Put back ${target} from ${entry}: a build was stopped between its two renames.`);
      continue;
    }
    if (kind === 'removing' && inBackground) removeInBackground(path);
    else rmSync(path, { recursive: true, force: true });
  }
  for (const entry of existsSync(cacheRoot) ? readdirSync(cacheRoot) : []) {
    if (!entry.startsWith(CACHE_PREFIX)) continue;
    const pid = Number(entry.slice(CACHE_PREFIX.length));
    if (Number.isInteger(pid) && pid !== process.pid && !processIsAlive(pid)) {
      rmSync(join(cacheRoot, entry), { recursive: true, force: true });
    }
  }
}

/**
 * Deletes a folder in a process of its own that outlives this one. The folder is already renamed
 * `<out>.removing-<pid>`, so nothing else is named like it, and a build that starts meanwhile may delete it too
 * (two deletions of one folder do not get in each other's way).
 */
let removals = 0;

function removeInBackground(folder: string) {
  const remover = spawn(
    process.execPath,
    ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder],
    { detached: true, stdio: 'ignore' },
  );
  // No process could be started: remove it here, as before.
  remover.on('error', () => rmSync(folder, { recursive: true, force: true }));
  remover.unref();
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `cleanUp` on a stop signal, then lets the signal do what it would have done. Armed at once; `disarm` leaves a
 * stop signal to its default (the process ends at once), and `arm` takes it back.
 */
function onStopSignal(cleanUp: (signal: NodeJS.Signals) => void): { arm: () => void; disarm: () => void } {
  let armed = false;
  const handler = (signal: NodeJS.Signals) => {
    disarm();
    cleanUp(signal);
    // With no listener left, the signal ends the process as usual (and its exit status says so); a
    // host that listens too (a test runner) decides for itself.
    process.kill(process.pid, signal);
  };
  const arm = () => {
    if (armed) return;
    armed = true;
    for (const signal of STOP_SIGNALS) process.on(signal, handler);
  };
  const disarm = () => {
    armed = false;
    for (const signal of STOP_SIGNALS) process.off(signal, handler);
  };
  arm();
  return { arm, disarm };
}

// ---------------------------------------------------------------------------------------------

export interface PreparedOutput extends OutputPaths {
  /** Where the build writes; swapped in by `publish`. */
  staging: string;
  /** Scratch space for the build (the prerender's server bundle), removed with the staging folder. */
  cache: string;
  /** Where the spare is kept (`<out>.spare`), if there is one. */
  spare: string;
  /**
   * Makes the spare (the site the last build replaced, kept beside the output as `<out>.spare`) the staging folder,
   * when it is the one `token` names (the last build's state says which it kept); otherwise removes it. Call before
   * anything is written. Whether the staging folder is now the spare.
   */
  takeSpare: (token: string | undefined) => boolean;
  /**
   * Replaces the published site with the staging folder. With `keepReplaced`, the replaced site is kept as the spare,
   * marked with that token, for the next build to bring up to date instead of staging every file anew.
   */
  publish: (keepReplaced?: string) => void;
  /**
   * From now on a stop signal ends the build at once, as SIGKILL would, until `stopCleanly`. For work that holds the
   * main thread for long: a signal's listener runs only when the thread is free, and reading the state and the caches
   * and compiling are synchronous (a Ctrl-C 8 s into a cold build of 20,000 articles took 28.6 s to answer). The
   * published site is untouched either way, and the next build removes what this one left.
   */
  stopAtOnce: () => void;
  /** A stop signal removes the staging and cache folders and releases the lock before it ends the build (the default). */
  stopCleanly: () => void;
  /** Removes the staging and cache folders and releases the lock; safe to call more than once. */
  dispose: () => void;
}

export interface PrepareOptions extends OutputRequest {
  /** Where build scratch folders go: it must be inside node_modules for the prerender's imports to resolve. */
  cacheRoot: string;
  /**
   * Remove the replaced site in a detached process once the new one is published, instead of before `dispose`
   * returns. Deleting a site of 100,000 pages (a folder each) takes longer than an incremental build itself.
   */
  removeOldSiteInBackground?: boolean;
  warn?: (line: string) => void;
}

/** Checks the output folder, takes its lock, clears old leftovers and arms the stop-signal clean-up. */
export function prepareOutput(options: PrepareOptions): PreparedOutput {
  const paths = resolveOutput(options);
  const release = acquireLock(paths);
  const { target, shown } = paths;
  const staging = `${target}.staging-${process.pid}`;
  const retired = `${target}.retired-${process.pid}`;
  const spare = `${target}.spare`;
  const spareMarker = join(spare, SPARE_MARKER);
  const cache = join(options.cacheRoot, `${CACHE_PREFIX}${process.pid}`);
  try {
    removeLeftovers(
      target,
      options.cacheRoot,
      options.warn ?? ((line) => console.warn(line)),
      options.removeOldSiteInBackground === true,
    );
  } catch (error) {
    release();
    throw error;
  }

  let published = false;
  let disposed = false;
  /** Renamed out of the way at once (so a build that starts meanwhile cannot take it), then deleted in the background. */
  const removeAside = (folder: string) => {
    if (!existsSync(folder)) return;
    // Numbered: an earlier build in this process may still be removing its own replaced site.
    const removing = `${target}.removing-${process.pid}-${++removals}`;
    try {
      renameSync(folder, removing);
      removeInBackground(removing);
    } catch {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  const removeScratch = () => {
    if (published && options.removeOldSiteInBackground === true) removeAside(retired);
    for (const folder of [staging, cache, retired]) rmSync(folder, { recursive: true, force: true });
  };
  const stopSignal = onStopSignal((signal) => {
    removeScratch();
    release();
    process.stderr.write(
      `\nBuild stopped by ${signal}: its staging and cache folders were removed; ${shown} ${published ? 'had already been updated' : 'was left as it was'}.\n`,
    );
  });

  return {
    ...paths,
    staging,
    cache,
    spare,
    takeSpare(token) {
      const found = lstatOf(spare);
      if (!found) return false;
      // Only a folder of its own: a link (to wherever) is removed, never followed, so no build writes or sweeps there.
      if (!found.isDirectory()) {
        removeAside(spare);
        return false;
      }
      let marked: string | undefined;
      try {
        marked = readFileSync(spareMarker, 'utf8');
      } catch {
        // No marker: not a spare this build can vouch for.
      }
      if (token === undefined || marked !== token || existsSync(staging)) {
        removeAside(spare);
        return false;
      }
      rmSync(spareMarker);
      renameSync(spare, staging);
      return true;
    },
    publish(keepReplaced) {
      const hadSite = existsSync(target);
      if (hadSite) renameSync(target, retired);
      try {
        renameSync(staging, target);
      } catch (error) {
        if (hadSite) renameSync(retired, target);
        throw error;
      }
      published = true;
      if (keepReplaced === undefined || !hadSite) return;
      // Not published any more, so marking it changes no site. A spare left by an earlier build is not this one's.
      removeAside(spare);
      writeFileSync(join(retired, SPARE_MARKER), keepReplaced);
      renameSync(retired, spare);
    },
    stopAtOnce: stopSignal.disarm,
    stopCleanly() {
      if (!disposed) stopSignal.arm();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stopSignal.disarm();
      removeScratch();
      release();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Vite's manifest says which files each route loads. It is needed to write the app shell and by the
// size checks, but it must not be published, so it leaves the staging folder before the swap.

/** Where the manifest of the build published at `target` is kept (outside any published folder). */
export function manifestCopyPath(root: string, target: string): string {
  const key = createHash('sha256').update(resolve(target)).digest('hex').slice(0, 12);
  return join(root, 'node_modules/.cache/broadsheet-manifests', `${basename(target)}-${key}.json`);
}

/** Keeps a copy of Vite's manifest outside any published folder, for the size checks. */
export function keepManifest(text: string, copy: string): void {
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, text);
}

/** Reads Vite's manifest from the staging folder, removes it from there and keeps a copy. Returns its text. */
export function takeManifest(staging: string, copy: string): string {
  const folder = join(staging, '.vite');
  const text = readFileSync(join(folder, 'manifest.json'), 'utf8');
  rmSync(folder, { recursive: true, force: true });
  keepManifest(text, copy);
  return text;
}

/** The manifest of the build published at `outDir` (the copy `takeManifest` kept). */
export function readBuildManifest(root: string, outDir: string): string {
  const target = realPathOf(resolve(root, outDir));
  const path = manifestCopyPath(root, target);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new OperatorError(`No build manifest for ${relative(root, target) || target}: build it first (${path}).`);
  }
  return readFileSync(path, 'utf8');
}
