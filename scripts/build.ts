/**
 * `npm run build`: a Vite build into a temporary folder beside dist/, swapped in only on success,
 * so a failed build (bad content included) leaves the earlier dist/ exactly as it was.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = process.cwd();
// OUT_DIR (default dist/) lets tests build elsewhere; staging sits beside it so the swap is a rename.
const dist = resolve(root, process.env.OUT_DIR || 'dist');
const staging = `${dist}.staging-${process.pid}`;
const retired = `${dist}.retired-${process.pid}`;

try {
  await build({ root, logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  // Content problems were already printed one a line; anything else gets its own message.
  // (Vite wraps a plugin's error, so the content error may sit in `errors`.)
  const failure = error as { name?: string; errors?: { name?: string }[] };
  const contentProblems = failure.name === 'ContentError' || !!failure.errors?.some((e) => e.name === 'ContentError');
  if (!contentProblems) console.error(error);
  console.error('\nBuild failed; dist/ was left as it was.');
  process.exit(1);
}

if (existsSync(dist)) renameSync(dist, retired);
renameSync(staging, dist);
rmSync(retired, { recursive: true, force: true });
console.log(`Built ${dist}`);
