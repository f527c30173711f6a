/**
 * The app's client and server bundles, built by Vite once per version of the code (build/incremental/codeKey.ts)
 * and kept in node_modules/.cache: they do not depend on the content, so a build after a content change, or a second
 * newsroom built from the same code, bundles nothing. A new set is built beside the cache and renamed into place
 * whole, so a build that dies meanwhile leaves no half set; a few recent sets are kept, older ones removed.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLevel } from 'vite';

export interface Bundles {
  /** The client build: index.html (the page template), assets, public files, and `.vite/manifest.json`. */
  client: string;
  /** The server bundle's folder (entry-server.js). */
  server: string;
  /** Whether this build made them (false: reused). */
  built: boolean;
}

const KEEP = 3;
/** A set used this recently may belong to a build still running (of other code): never removed. */
const IN_USE_MS = 60 * 60_000;

function prune(folder: string, keep: string) {
  const sets = readdirSync(folder)
    .filter((name) => name !== keep)
    .map((name) => ({ name, used: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  // Unfinished sets of builds that died, and all but the most recently used complete ones, once an hour unused.
  const old = ({ used }: { used: number }) => Date.now() - used > IN_USE_MS;
  for (const { name } of sets.filter((set) => set.name.includes('.tmp-') && old(set))) {
    rmSync(join(folder, name), { recursive: true, force: true });
  }
  for (const { name } of sets
    .filter((set) => !set.name.includes('.tmp-'))
    .slice(KEEP - 1)
    .filter(old)) {
    rmSync(join(folder, name), { recursive: true, force: true });
  }
}

const complete = ({ client, server }: { client: string; server: string }) =>
  existsSync(join(server, 'entry-server.js')) && existsSync(join(client, 'index.html'));

/**
 * Without the bundler's advice on slow plugins: on a busy machine Tailwind's one transform passes its threshold, and
 * an operator would read ten lines about plugin timings in the middle of the build's report.
 */
const QUIET = { checks: { bundlerTimings: false } };

/**
 * The bundles of the code `key` names: the kept set, or (none kept, or `force`) a new one. A forced set takes the
 * kept set's place when there is none, so the build after a `--full` one bundles nothing; when there is one, it may
 * be in use by another build, and the new set is used by this build alone (and pruned later).
 */
export async function appBundles(
  root: string,
  key: string,
  logLevel: LogLevel,
  { force = false }: { force?: boolean } = {},
): Promise<Bundles> {
  const folder = join(root, 'node_modules/.cache/broadsheet-bundles');
  const kept = join(folder, key);
  const keptPaths = { client: join(kept, 'client'), server: join(kept, 'server') };
  const done = force && complete(keptPaths) ? `${kept}-${process.pid}` : kept;
  const paths = { client: join(done, 'client'), server: join(done, 'server') };
  if (!force && complete(paths)) {
    const now = new Date();
    utimesSync(done, now, now);
    return { ...paths, built: false };
  }
  const making = `${done}.tmp-${process.pid}`;
  rmSync(making, { recursive: true, force: true });
  // Loaded only to bundle: through the build's TypeScript loader, Vite's modules took a second to load, on every
  // build, though most builds reuse the bundles.
  const { build } = await import('vite');
  // Always a production bundle, even when a test runner has set NODE_ENV=test.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      logLevel,
      mode: 'production',
      build: { outDir: join(making, 'client'), emptyOutDir: true, rolldownOptions: QUIET },
    });
    await build({
      root,
      logLevel,
      mode: 'production',
      build: {
        rolldownOptions: QUIET,
        ssr: 'src/entry-server.tsx',
        outDir: join(making, 'server'),
        emptyOutDir: true,
        manifest: false,
        copyPublicDir: false,
      },
    });
  } catch (error) {
    rmSync(making, { recursive: true, force: true });
    throw error;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  if (complete(paths)) {
    // Another build of the same code finished first (and may be using its set): keep that one.
    rmSync(making, { recursive: true, force: true });
  } else {
    rmSync(done, { recursive: true, force: true });
    renameSync(making, done);
  }
  prune(folder, key);
  return { ...paths, built: true };
}
