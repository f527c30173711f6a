// @vitest-environment node
/**
 * The output folder (build/outputFolder.ts) on a scratch project: what it refuses before touching
 * anything, the lock, leftovers of killed builds, the swap behind a symlinked web root, and the
 * build manifest kept out of the published folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperatorError } from '../../build/failures.ts';
import {
  SOURCE_FOLDERS,
  acquireLock,
  manifestCopyPath,
  prepareOutput,
  readBuildManifest,
  resolveOutput,
  takeManifest,
} from '../../build/outputFolder.ts';

const MARKER = 'app-shell.html';

let scratch: string;
let root: string;
let contentDir: string;

beforeEach(() => {
  // Real paths: tmpdir() may itself sit behind a symlink, and the module compares real paths.
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'broadsheet-output-')));
  root = join(scratch, 'project');
  for (const folder of SOURCE_FOLDERS) mkdirSync(join(root, folder), { recursive: true });
  mkdirSync(join(root, 'tests/e2e/.artifacts'), { recursive: true });
  contentDir = join(root, 'content');
  mkdirSync(join(contentDir, 'articles'), { recursive: true });
  writeFileSync(join(contentDir, 'site.json'), '{}');
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** The message of the OperatorError `run` throws (failing the test when it throws nothing or something else). */
function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OperatorError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal, got none');
}

const resolveAt = (outDir: string, content = contentDir) =>
  resolveOutput({ root, outDir, contentDir: content, marker: MARKER });

/** Every path under `dir`, with file contents: to show nothing was touched. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        out[`${full}/`] = '';
        walk(full);
      } else out[full] = entry.isSymbolicLink() ? `-> ${readlinkSync(full)}` : readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A pid that belonged to a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not start a process');
  return child.pid;
}

describe('resolveOutput refuses an output folder that would destroy or pollute something', () => {
  it('the content folder itself, with a sentence saying why and what to do', () => {
    expect(refusalOf(() => resolveAt('content'))).toBe(
      `Refusing to build into content: it is the content folder (CONTENT_DIR, ${contentDir}), and a build replaces its output folder as a whole, so it would be deleted; set OUT_DIR to a folder of its own, such as dist.`,
    );
  });

  it('a folder inside the content folder', () => {
    expect(refusalOf(() => resolveAt('content/site'))).toMatch(
      /^Refusing to build into content\/site: it is inside the content folder/,
    );
  });

  it('a folder that contains the content folder (content kept outside the project)', () => {
    const newsroom = join(scratch, 'newsroom');
    mkdirSync(join(newsroom, 'content'), { recursive: true });
    expect(refusalOf(() => resolveAt(newsroom, join(newsroom, 'content')))).toMatch(
      /^Refusing to build into .*newsroom: it contains the content folder \(CONTENT_DIR, .*newsroom\/content\)/,
    );
  });

  it('the project folder, or a folder that contains it', () => {
    expect(refusalOf(() => resolveAt('.'))).toMatch(/^Refusing to build into \.: it is the project folder \(/);
    expect(refusalOf(() => resolveAt('..'))).toMatch(/^Refusing to build into \.\.: it contains the project folder/);
    expect(refusalOf(() => resolveAt('/'))).toMatch(/it contains the project folder/);
  });

  it.each(SOURCE_FOLDERS.filter((folder) => folder !== 'content'))(
    'the %s/ folder, and any folder inside it',
    (folder) => {
      // Checked with content kept elsewhere, so the source folder is what the refusal names.
      const elsewhere = join(scratch, 'elsewhere');
      expect(refusalOf(() => resolveAt(folder, elsewhere))).toContain(`it is the project's ${folder}/ folder`);
      expect(refusalOf(() => resolveAt(`${folder}/site`, elsewhere))).toContain(
        `it is inside the project's ${folder}/ folder`,
      );
    },
  );

  it("the project's sample newsroom, even when CONTENT_DIR points elsewhere", () => {
    expect(refusalOf(() => resolveAt('content', join(scratch, 'elsewhere')))).toContain(
      "it is the project's content/ folder",
    );
  });

  it('a symlink that leads to the content folder, naming where it leads', () => {
    symlinkSync(contentDir, join(root, 'dist'));
    expect(refusalOf(() => resolveAt('dist'))).toBe(
      `Refusing to build into dist (a symlink to ${contentDir}): it is the content folder (CONTENT_DIR, ${contentDir}), and a build replaces its output folder as a whole, so it would be deleted; set OUT_DIR to a folder of its own, such as dist.`,
    );
  });

  it('a path through a symlinked folder that lands inside a source folder', () => {
    symlinkSync(join(root, 'src'), join(scratch, 'alias'));
    expect(refusalOf(() => resolveAt(join(scratch, 'alias/site')))).toContain("it is inside the project's src/ folder");
  });

  it('a symlink to nothing, a file, and a folder holding files that are not a build', () => {
    symlinkSync(join(scratch, 'nowhere'), join(root, 'dangling'));
    expect(refusalOf(() => resolveAt('dangling'))).toBe(
      `Refusing to build into dangling: it is a symlink to ${join(scratch, 'nowhere')}, which does not exist; create that folder or point the link at the web root.`,
    );
    writeFileSync(join(root, 'notes.txt'), 'mine');
    expect(refusalOf(() => resolveAt('notes.txt'))).toBe(
      'Refusing to build into notes.txt: it is a file, not a folder; set OUT_DIR to a folder.',
    );
    const documents = join(scratch, 'documents');
    mkdirSync(documents);
    writeFileSync(join(documents, 'thesis.txt'), 'years of work');
    expect(refusalOf(() => resolveAt(documents))).toBe(
      `Refusing to build into ${documents}: it holds files that are not a Broadsheet build (there is no ${MARKER}), and a build replaces the whole folder; empty it or set OUT_DIR to another folder.`,
    );
  });

  it('refuses before touching anything: no lock, no folder, every file as it was', () => {
    writeFileSync(join(contentDir, 'articles/a.json'), '{"id":"a"}');
    const before = snapshot(scratch);
    expect(() =>
      prepareOutput({
        root,
        outDir: 'content',
        contentDir,
        marker: MARKER,
        cacheRoot: join(root, 'node_modules/.cache'),
      }),
    ).toThrow(OperatorError);
    expect(snapshot(scratch)).toEqual(before);
  });
});

describe('resolveOutput accepts a folder of its own', () => {
  it('dist/ in the project, made or not yet made, and a folder elsewhere', () => {
    expect(resolveAt('dist')).toEqual({
      out: join(root, 'dist'),
      target: join(root, 'dist'),
      lock: join(root, 'dist.lock'),
      shown: 'dist',
    });
    mkdirSync(join(root, 'dist'));
    expect(resolveAt('dist').target).toBe(join(root, 'dist'));
    writeFileSync(join(root, 'dist', MARKER), '<!doctype html>');
    expect(resolveAt('dist').target).toBe(join(root, 'dist'));
    expect(resolveAt(join(scratch, 'www/site')).target).toBe(join(scratch, 'www/site'));
  });

  it("the browser tests' build folder, though it is inside tests/", () => {
    expect(resolveAt('tests/e2e/.artifacts/dist-sample').target).toBe(join(root, 'tests/e2e/.artifacts/dist-sample'));
    expect(refusalOf(() => resolveAt('tests/e2e/.artifacts'))).toContain("it is inside the project's tests/ folder");
  });

  it('a symlink to a web root: the folder it finally points to is what is replaced, its lock beside it', () => {
    const webRoot = join(scratch, 'www/broadsheet');
    mkdirSync(webRoot, { recursive: true });
    symlinkSync(webRoot, join(scratch, 'www/current'));
    symlinkSync(join(scratch, 'www/current'), join(root, 'dist'));
    expect(resolveAt('dist')).toEqual({
      out: join(root, 'dist'),
      target: webRoot,
      lock: `${webRoot}.lock`,
      shown: `dist (a symlink to ${webRoot})`,
    });
  });
});

describe('the lock', () => {
  const pathsOf = (outDir: string) => resolveAt(outDir);

  it('lets one build in, refuses a second with who holds it and what to do, and is gone once released', () => {
    const paths = pathsOf('dist');
    const release = acquireLock(paths);
    const owner = JSON.parse(readFileSync(paths.lock, 'utf8')) as { pid: number; host: string };
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    expect(refusalOf(() => acquireLock(paths))).toMatch(
      new RegExp(
        `^Another build \\(process ${process.pid}, started [0-9T:.Z-]+\\) is writing dist; wait for it to finish and build again, or if no build is running, delete ${paths.lock}\\.$`,
      ),
    );
    release();
    expect(existsSync(paths.lock)).toBe(false);
    acquireLock(paths)();
    // Nothing else is left beside the output.
    expect(readdirSync(root).filter((name) => name.startsWith('dist'))).toEqual([]);
  });

  it("takes over a lock whose build died, and a lock that is not one of ours; never another machine's", () => {
    const paths = pathsOf('dist');
    const dead = deadPid();
    writeFileSync(paths.lock, JSON.stringify({ pid: dead, host: hostname(), startedAt: '2025-01-01T00:00:00.000Z' }));
    const release = acquireLock(paths);
    expect((JSON.parse(readFileSync(paths.lock, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    release();

    writeFileSync(paths.lock, 'garbled');
    acquireLock(paths)();

    writeFileSync(paths.lock, JSON.stringify({ pid: dead, host: 'build-02', startedAt: '2025-01-01T00:00:00.000Z' }));
    expect(refusalOf(() => acquireLock(paths))).toBe(
      `A build on build-02 (process ${dead}, started 2025-01-01T00:00:00.000Z) is writing dist; wait for it to finish and build again, or if no build is running, delete ${paths.lock}.`,
    );
  });

  it('a release never removes a lock another build has taken since', () => {
    const paths = pathsOf('dist');
    const release = acquireLock(paths);
    const other = JSON.stringify({ pid: deadPid(), host: 'elsewhere', startedAt: '2025-01-01T00:00:00.000Z' });
    writeFileSync(paths.lock, other);
    release();
    expect(readFileSync(paths.lock, 'utf8')).toBe(other);
  });
});

describe('prepareOutput: staging, swap and leftovers', () => {
  const cacheRoot = () => join(root, 'node_modules/.cache');
  const prepare = (outDir: string, warn: (line: string) => void = () => undefined) =>
    prepareOutput({ root, outDir, contentDir, marker: MARKER, cacheRoot: cacheRoot(), warn });
  /** As the site build prepares it: the replaced site is removed in the background. */
  const prepareInBackground = () =>
    prepareOutput({
      root,
      outDir: 'dist',
      contentDir,
      marker: MARKER,
      cacheRoot: cacheRoot(),
      removeOldSiteInBackground: true,
    });

  function writeSite(folder: string, text: string) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, MARKER), text);
    writeFileSync(join(folder, 'index.html'), text);
  }

  it('updates a symlinked web root in place: the link stays, the folder it points to holds the new site', () => {
    const webRoot = join(scratch, 'www/broadsheet');
    writeSite(webRoot, 'old');
    writeFileSync(join(webRoot, 'stale.html'), 'from the old build');
    symlinkSync(webRoot, join(root, 'dist'));

    const output = prepare('dist');
    expect(output.staging).toBe(`${webRoot}.staging-${process.pid}`);
    expect(existsSync(output.lock)).toBe(true);
    writeSite(output.staging, 'new');
    output.publish();
    output.dispose();

    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'dist'))).toBe(webRoot);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(webRoot, 'stale.html'))).toBe(false);
    // Nothing left beside the web root: no staging, no old site, no lock.
    expect(readdirSync(join(scratch, 'www'))).toEqual(['broadsheet']);
  });

  it('publishes where there was no site yet, and dispose after a failure leaves the old site and nothing else', () => {
    const first = prepare('dist');
    writeSite(first.staging, 'first');
    mkdirSync(first.cache, { recursive: true });
    first.publish();
    first.dispose();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('first');

    const failed = prepare('dist');
    writeSite(failed.staging, 'half-built');
    mkdirSync(failed.cache, { recursive: true });
    failed.dispose();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('first');
    expect(readdirSync(root).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
    expect(existsSync(failed.cache)).toBe(false);
  });

  it('can leave the replaced site to a background process, which removes it after the build has returned', async () => {
    writeSite(join(root, 'dist'), 'old');
    for (let i = 0; i < 50; i++) writeSite(join(root, `dist/articles/a${i}`), 'old page');
    const output = prepareInBackground();
    writeSite(output.staging, 'new');
    output.publish();
    output.dispose();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('new');
    const leftBeside = () => readdirSync(root).filter((name) => name.startsWith('dist'));
    // The old site is only ever renamed aside, never mixed into the new one, and is gone soon after.
    expect(leftBeside().filter((name) => !new RegExp(`^dist(\\.removing-${process.pid}-\\d+)?$`).test(name))).toEqual(
      [],
    );
    for (let waited = 0; leftBeside().length > 1 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(leftBeside()).toEqual(['dist']);
  });

  it('hands over one replaced site after another in one process, and always releases the lock', () => {
    writeSite(join(root, 'dist'), 'first');
    const build = (text: string) => {
      const output = prepareInBackground();
      for (let i = 0; i < 200; i++) writeSite(join(output.staging, `articles/a${i}`), text);
      writeSite(output.staging, text);
      output.publish();
      output.dispose();
    };
    // Back to back: the first removal is still running when the second build hands over its own.
    build('second');
    build('third');
    build('fourth');
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('fourth');
    expect(existsSync(join(root, 'dist.lock'))).toBe(false);
  });

  it('keeps the replaced site as the spare when asked, and hands it over as the staging folder only to its token', () => {
    writeSite(join(root, 'dist'), 'first');
    const second = prepareInBackground();
    expect(second.takeSpare('none yet')).toBe(false);
    writeSite(second.staging, 'second');
    second.publish('token-2');
    second.dispose();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('second');
    // The first site, beside the published one, marked; the published one holds no marker.
    expect(readFileSync(join(root, 'dist.spare/index.html'), 'utf8')).toBe('first');
    expect(readFileSync(join(root, 'dist.spare/.broadsheet-spare'), 'utf8')).toBe('token-2');
    expect(existsSync(join(root, 'dist/.broadsheet-spare'))).toBe(false);

    const third = prepareInBackground();
    expect(third.takeSpare('token-2')).toBe(true);
    expect(readFileSync(join(third.staging, 'index.html'), 'utf8')).toBe('first');
    expect(existsSync(join(third.staging, '.broadsheet-spare'))).toBe(false);
    writeSite(third.staging, 'third');
    third.publish('token-3');
    third.dispose();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('third');
    expect(readFileSync(join(root, 'dist.spare/index.html'), 'utf8')).toBe('second');

    // Another token (a state that does not describe it): the spare is not used, and is removed.
    const fourth = prepareInBackground();
    expect(fourth.takeSpare('token-2')).toBe(false);
    expect(existsSync(join(root, 'dist.spare'))).toBe(false);
    fourth.dispose();
  });

  it('never takes a link at the spare’s place for the spare: the link is removed and what it points to is left alone', () => {
    writeSite(join(root, 'dist'), 'published');
    // Marked as the state expects (a copy of a real spare, say), but elsewhere: a build must not write or sweep there.
    const elsewhere = join(root, 'elsewhere');
    writeSite(elsewhere, 'not ours');
    writeFileSync(join(elsewhere, '.broadsheet-spare'), 'token-1');
    symlinkSync(elsewhere, join(root, 'dist.spare'));
    const output = prepareInBackground();
    expect(output.takeSpare('token-1')).toBe(false);
    expect(existsSync(join(root, 'dist.spare'))).toBe(false);
    expect(existsSync(output.staging)).toBe(false);
    output.dispose();
    expect(readFileSync(join(elsewhere, 'index.html'), 'utf8')).toBe('not ours');
    expect(readFileSync(join(elsewhere, '.broadsheet-spare'), 'utf8')).toBe('token-1');
  });

  it('removes a replaced site that a background removal left behind', () => {
    writeSite(join(root, 'dist'), 'published');
    writeSite(join(root, `dist.removing-${deadPid()}`), 'older');
    writeSite(join(root, `dist.removing-${deadPid()}-3`), 'older still');
    prepare('dist').dispose();
    expect(readdirSync(root).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('published');
  });

  it('still removes a replaced site left behind when it hands removals to the background', async () => {
    writeSite(join(root, 'dist'), 'published');
    const leftover = join(root, `dist.removing-${deadPid()}-1`);
    for (let i = 0; i < 50; i++) writeSite(join(leftover, `articles/a${i}`), 'older');
    prepareInBackground().dispose();
    const leftBeside = () => readdirSync(root).filter((name) => name.startsWith('dist'));
    for (let waited = 0; leftBeside().length > 1 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(leftBeside()).toEqual(['dist']);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('published');
  });

  it('removes what killed builds left beside the output, and the prerender caches of dead builds only', () => {
    writeSite(join(root, 'dist'), 'published');
    const dead = deadPid();
    writeSite(join(root, `dist.staging-${dead}`), 'half-built');
    writeSite(join(root, `dist.retired-${dead}`), 'older');
    writeFileSync(join(root, `dist.lock-${dead}`), 'a lock never linked');
    // Another output's leftovers are not this build's to judge.
    writeSite(join(root, `site.staging-${dead}`), 'another output');
    mkdirSync(join(cacheRoot(), `broadsheet-prerender-${dead}`), { recursive: true });
    // The parent process is alive: its cache belongs to a running build.
    mkdirSync(join(cacheRoot(), `broadsheet-prerender-${process.ppid}`), { recursive: true });

    const output = prepare('dist');
    output.dispose();
    expect(
      readdirSync(root)
        .filter((name) => name.startsWith('dist'))
        .sort(),
    ).toEqual(['dist']);
    expect(existsSync(join(root, `site.staging-${dead}`))).toBe(true);
    expect(readdirSync(cacheRoot())).toEqual([`broadsheet-prerender-${process.ppid}`]);
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('published');
  });

  it('puts back a site that a build killed between its two renames had set aside', () => {
    const dead = deadPid();
    writeSite(join(root, `dist.retired-${dead}`), 'published');
    const warnings: string[] = [];
    const output = prepare('dist', (line) => warnings.push(line));
    output.dispose();
    expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe('published');
    expect(warnings).toEqual([
      `Put back ${join(root, 'dist')} from dist.retired-${dead}: a build was stopped between its two renames.`,
    ]);
  });

  describe('a stop signal', () => {
    /**
     * A child process that prepares the output as a build does, then holds its main thread for 5 s, as the compile
     * does (the signal is sent as soon as it says so; the 5 s only make sure the signal lands while it is busy).
     */
    async function stopWhileBusy(stopAtOnce: boolean) {
      const script = `
        import { mkdirSync } from 'node:fs';
        import { prepareOutput } from ${JSON.stringify(join(process.cwd(), 'build/outputFolder.ts'))};
        const output = prepareOutput(${JSON.stringify({ root, outDir: 'dist', contentDir, marker: MARKER, cacheRoot: cacheRoot() })});
        if (${stopAtOnce}) output.stopAtOnce();
        mkdirSync(output.staging);
        console.log('busy');
        for (const until = Date.now() + 5000; Date.now() < until; );
        console.log('finished');
        // Then free, as a build is between its steps: a listener runs now.
        await new Promise((done) => setTimeout(done, 5000));`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Ended by the signal, or (when a loader listens for it too) with the exit status that says so.
      const exited = new Promise<string>((done) =>
        child.once('exit', (code, signal) => done(signal ?? (code === 130 ? 'SIGINT' : `exit ${code}`))),
      );
      await new Promise<void>((started, failed) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('busy')) started();
        });
        child.once('exit', () => failed(new Error(`the child ended before it was busy:\n${stderr}`)));
      });
      child.kill('SIGINT');
      return { signal: await exited, stdout, stderr, pid: child.pid };
    }

    beforeEach(() => {
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'dist', MARKER), 'published');
    });

    it('while the build holds its thread (stopAtOnce) ends it at once; the next build removes what it left', async () => {
      const { signal, stdout, stderr, pid } = await stopWhileBusy(true);
      expect(signal).toBe('SIGINT');
      expect(stdout).not.toContain('finished');
      expect(stderr).toBe('');
      // Left as a killed build leaves them: its staging folder and its lock.
      expect(existsSync(join(root, `dist.staging-${pid}`))).toBe(true);
      expect(readFileSync(join(root, 'dist.lock'), 'utf8')).toContain(`"pid":${pid}`);

      prepare('dist').dispose();
      expect(readdirSync(root).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
      expect(readFileSync(join(root, 'dist', MARKER), 'utf8')).toBe('published');
    }, 30_000);

    it('otherwise waits for the thread, then removes the staging folder and says so', async () => {
      const { signal, stdout, stderr, pid } = await stopWhileBusy(false);
      expect(signal).toBe('SIGINT');
      expect(stdout).toContain('finished');
      expect(stderr).toContain(
        'Build stopped by SIGINT: its staging and cache folders were removed; dist was left as it was.',
      );
      expect(existsSync(join(root, `dist.staging-${pid}`))).toBe(false);
    }, 30_000);
  });
});

describe('the build manifest', () => {
  it('leaves the staging folder before the swap, and the size checks read the copy kept outside', () => {
    const output = prepareOutput({
      root,
      outDir: 'dist',
      contentDir,
      marker: MARKER,
      cacheRoot: join(root, 'node_modules/.cache'),
    });
    mkdirSync(join(output.staging, '.vite'), { recursive: true });
    writeFileSync(join(output.staging, '.vite/manifest.json'), '{"index.html":{"file":"assets/a.js"}}');
    const copy = manifestCopyPath(root, output.target);
    expect(takeManifest(output.staging, copy)).toBe('{"index.html":{"file":"assets/a.js"}}');
    expect(existsSync(join(output.staging, '.vite'))).toBe(false);
    expect(copy.startsWith(join(root, 'node_modules/.cache/'))).toBe(true);
    writeFileSync(join(output.staging, MARKER), '');
    output.publish();
    output.dispose();
    expect(readdirSync(join(root, 'dist'))).toEqual([MARKER]);
    expect(readBuildManifest(root, 'dist')).toBe('{"index.html":{"file":"assets/a.js"}}');
    expect(refusalOf(() => readBuildManifest(root, 'other'))).toMatch(/^No build manifest for other: build it first/);
  });
});
