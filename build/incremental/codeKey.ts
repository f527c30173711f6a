/**
 * What the built pages depend on besides the content: the app's code, the build's code, the dependencies, the
 * page template and the settings read from the environment. One hash over all of it; when it changes, nothing of
 * an earlier build is reused (when in doubt, everything is rebuilt).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Files and folders of the project whose bytes make the site (folders are read whole). */
const CODE_PATHS = [
  'src',
  'build',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.node.json',
];
/** Settings the build reads from the environment that change what it writes. */
const ENVIRONMENT = ['SITE_URL'];

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    yield* filesUnder(join(path, entry.name));
  }
}

/** The hash of the code at `paths` (by default everything that makes the site), the Node version and the settings. */
export function codeKey(
  root: string,
  environment: NodeJS.ProcessEnv = process.env,
  paths: readonly string[] = CODE_PATHS,
): string {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of ENVIRONMENT) hash.update(`${name}=${environment[name] ?? ''}\n`);
  for (const path of paths) {
    for (const file of filesUnder(join(root, path))) {
      hash.update(`${relative(root, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}
