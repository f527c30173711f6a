/**
 * Operator mistakes through the real `build` command (node --import tsx scripts/build.ts, as `npm run build` runs
 * it): an output folder that would destroy the content is refused before anything is touched; a
 * symlinked web root is updated behind its link; a build stopped by SIGINT or SIGTERM after its compile removes its
 * staging and cache folders and leaves the published site as it was; a second build of the same
 * output is refused while the first runs, and a lock left by a dead build is taken over; the build
 * manifest is not published. No run prints a stack trace.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestCopyPath } from '../../build/outputFolder.ts';
import { hashTree } from './hashTree';
import { ROOT } from './server';

/**
 * The build as `npm run build` runs it: one Node process with tsx as a loader. (The tsx command runs the script in
 * a child and SIGKILLs it when the child does not answer a signal within 60 ms, which a busy build does not.)
 */
const BUILD = [process.execPath, ['--import', 'tsx', 'scripts/build.ts']] as const;

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'broadsheet-build-safety-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const buildEnv = (outDir: string, contentDir = 'content', full = false) => ({
  ...process.env,
  CONTENT_DIR: contentDir,
  OUT_DIR: outDir,
  BUILD_FULL: full ? '1' : '',
});

function runBuild(outDir: string, contentDir?: string) {
  const result = spawnSync(BUILD[0], BUILD[1], {
    cwd: ROOT,
    env: buildEnv(outDir, contentDir),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `full`: a cold build, which takes long enough to be stopped midway. */
function startBuild(outDir: string, full = false): Started {
  const child = spawn(BUILD[0], BUILD[1], { cwd: ROOT, env: buildEnv(outDir, 'content', full) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Polls `find` every 20 ms until it returns something, failing if the build ends first. */
async function waitFor<T>(what: string, build: Started, find: () => T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = find();
    if (found !== undefined) return found;
    if (build.child.exitCode !== null) throw new Error(`the build ended before ${what}:\n${build.output()}`);
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const stackLines = (text: string) => text.split('\n').filter((line) => /^\s+at /.test(line));

/** A pid that belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not start a process');
  return child.pid;
}

describe('an output folder that would destroy the content', () => {
  it('is refused with one sentence, before anything is touched', () => {
    const newsroom = join(scratch, 'newsroom');
    cpSync(join(ROOT, 'content'), newsroom, { recursive: true });
    const before = hashTree(newsroom);
    for (const outDir of [newsroom, join(newsroom, 'site'), scratch]) {
      const { status, stdout, stderr } = runBuild(outDir, newsroom);
      expect(status, stdout + stderr).toBe(1);
      expect(stderr).toContain(`Refusing to build into ${outDir}: it `);
      expect(stderr).toContain(`the content folder (CONTENT_DIR, ${newsroom})`);
      expect(stderr).toContain(`Build failed; ${outDir} was left as it was.`);
      expect(stackLines(stdout + stderr)).toEqual([]);
      expect(hashTree(newsroom)).toEqual(before);
      expect(readdirSync(scratch)).toEqual(['newsroom']);
    }
    // Three runs of the build command, each loading Node, tsx and the build's modules before it refuses.
  }, 180_000);
});

describe('a symlinked web root', () => {
  const www = join(scratch, 'www');
  const webRoot = join(www, 'broadsheet');
  const link = join(scratch, 'dist');
  let published: Record<string, string>;

  /** What is beside the web root besides itself: staging, old site, lock, all must be gone. */
  const besideWebRoot = () => readdirSync(www);
  /** What is beside the web root once the replaced site's background removal (`<out>.removing-<pid>`) is done. */
  const settledBesideWebRoot = async () => {
    for (
      let waited = 0;
      besideWebRoot().some((name) => name.includes('.removing-')) && waited < 60_000;
      waited += 100
    ) {
      await new Promise((done) => setTimeout(done, 100));
    }
    return besideWebRoot();
  };
  const besideLink = () => readdirSync(scratch).filter((name) => name.startsWith('dist'));

  it('is built into through its link: the link stays, the folder it points to gets the site, no manifest', () => {
    mkdirSync(webRoot, { recursive: true });
    symlinkSync(webRoot, link);
    const { status, stdout, stderr } = runBuild(link);
    expect(status, stdout + stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(webRoot);
    published = hashTree(webRoot);
    expect(Object.keys(published)).toContain('index.html');
    expect(Object.keys(published)).toContain('app-shell.html');
    // Vite's manifest is not published; the copy the size checks read is kept outside.
    expect(Object.keys(published).filter((file) => file.startsWith('.vite'))).toEqual([]);
    expect(existsSync(manifestCopyPath(ROOT, webRoot))).toBe(true);
    // Beside it, only the list of what this build changed (for a deploy to sync).
    expect(besideWebRoot()).toEqual(['broadsheet', 'broadsheet.changes.json']);
    expect(besideLink()).toEqual(['dist']);
  }, 300_000);

  /**
   * Stopped once the content is compiled (until then a stop signal ends the build at once, as the output folder's
   * tests show): once the app's bundle is in the staging folder, or once the prerender is under way.
   */
  async function stopMidway(signal: NodeJS.Signals, when: 'bundled' | 'prerender') {
    const build = startBuild(link, true);
    const stagingName = await waitFor('its staging folder', build, () =>
      besideWebRoot().find((name) => name.startsWith('broadsheet.staging-')),
    );
    // The front page comes first, then the articles: one written means the prerender is under way.
    const reached = join(www, stagingName, when === 'bundled' ? 'assets' : 'articles');
    await waitFor(when === 'bundled' ? 'the bundle' : 'its first article page', build, () =>
      existsSync(reached) ? true : undefined,
    );
    build.child.kill(signal);
    const { code, signal: endedBy } = await build.exited;
    return { code, endedBy, output: build.output() };
  }

  it.each([
    ['SIGINT', 'bundled', 130],
    ['SIGTERM', 'prerender', 143],
  ] as const)(
    'stopped by %s while %s: staging and cache folders removed, the published site untouched',
    async (signal, when, exitCode) => {
      expect(published).toBeDefined();
      const { code, endedBy, output } = await stopMidway(signal, when);
      expect(code === exitCode || endedBy === signal, `exit ${code} ${endedBy}\n${output}`).toBe(true);
      expect(output).toContain(
        `Build stopped by ${signal}: its staging and cache folders were removed; ${link} (a symlink to ${webRoot}) was left as it was.`,
      );
      expect(stackLines(output)).toEqual([]);
      expect(hashTree(webRoot)).toEqual(published);
      expect(await settledBesideWebRoot()).toEqual(['broadsheet', 'broadsheet.changes.json']);
      expect(readlinkSync(link)).toBe(webRoot);
    },
    180_000,
  );

  it('one build at a time: a second is refused while the first runs; a dead build’s lock is taken over', async () => {
    expect(published).toBeDefined();
    const lock = `${webRoot}.lock`;
    const dead = deadPid();
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), startedAt: '2025-01-01T00:00:00.000Z' }));
    // Left by the earlier build: the next one replaces the whole folder.
    writeFileSync(join(webRoot, 'stale.html'), 'from an earlier build');

    // A full build (it bundles the app again): long enough for the second to start while it holds the lock, now that
    // an incremental build of the sample takes a few seconds.
    const first = startBuild(link, true);
    const owner = await waitFor('the first build to take the lock', first, () => {
      try {
        const { pid } = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number };
        return pid === dead ? undefined : pid;
      } catch {
        return undefined;
      }
    });

    const second = runBuild(link);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `^Another build \\(process ${owner}, started [0-9T:.Z-]+\\) is writing ${link} \\(a symlink to ${webRoot}\\); wait for it to finish and build again, or if no build is running, delete ${lock}\\.$`,
        'm',
      ),
    );
    expect(stackLines(second.stdout + second.stderr)).toEqual([]);

    const { code } = await first.exited;
    expect(code, first.output()).toBe(0);
    expect(first.output()).toContain(`Built ${link}/ in`);
    expect(existsSync(join(webRoot, 'stale.html'))).toBe(false);
    expect(existsSync(join(webRoot, 'index.html'))).toBe(true);
    expect(readlinkSync(link)).toBe(webRoot);
    expect(await settledBesideWebRoot()).toEqual(['broadsheet', 'broadsheet.changes.json']);
  }, 300_000);
});
