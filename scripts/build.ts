/**
 * `npm run build [-- --full]`: the static site into dist/ (or OUT_DIR), through a staging folder that is
 * swapped in only on success, so a failed build (bad content included) leaves dist/ as it was.
 * Incremental unless `--full` (or BUILD_FULL=1): see build/siteBuild.ts.
 * Every failure is one line to act on; only a bug in Broadsheet itself prints a stack trace.
 */
import { parseArgs } from 'node:util';
import { INTERNAL_ERROR_NOTE, classifyFailure } from '../build/failures.ts';
import { resolveContentDir } from '../build/load.ts';
import { buildSite } from '../build/siteBuild.ts';

const outDir = process.env.OUT_DIR || 'dist';
const { values } = parseArgs({ options: { full: { type: 'boolean', default: false } } });
const full = values.full || process.env.BUILD_FULL === '1';
try {
  const started = performance.now();
  const result = await buildSite({
    root: process.cwd(),
    outDir,
    full,
    rebundle: full,
    report: (line) => console.log(line),
  });
  const { pages, files, changes } = result;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Built ${outDir}/ in ${seconds} s${full ? ' (full build)' : ''}: ${pages.rendered + pages.reused} prerendered pages ` +
      `(${pages.rendered} rendered, ${pages.reused} unchanged), ${files.written} files written, ${files.reused} unchanged` +
      `${result.fromSpare ? ' (the site the last build replaced was brought up to date, so they stayed where they were)' : ''}` +
      `${result.bundled ? '; the app was bundled' : ''}.`,
  );
  console.log(
    `Changes since the last build: ${changes.added.length} added, ${changes.changed.length} changed, ` +
      `${changes.removed.length} removed, listed in ${result.changesFile}`,
  );
  if (!process.env.SITE_URL) {
    console.warn(
      'SITE_URL is not set: the prerendered HTML has no canonical or sharing URL (the app adds them in the browser). ' +
        'For a public site, build with SITE_URL=https://your.site npm run build',
    );
  }
} catch (error) {
  const failure = classifyFailure(error, resolveContentDir(process.cwd()));
  switch (failure.kind) {
    case 'content':
      // Already printed, one problem a line, as they were found.
      break;
    case 'plain':
      console.error(failure.line);
      break;
    case 'internal':
      console.error(INTERNAL_ERROR_NOTE);
      console.error(failure.error);
      break;
  }
  console.error(`\nBuild failed; ${outDir} was left as it was.`);
  process.exit(1);
}
