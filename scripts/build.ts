/**
 * `npm run build`: the static site into dist/ (or OUT_DIR), through a staging folder that is
 * swapped in only on success, so a failed build (bad content included) leaves dist/ as it was.
 * Every failure is one line to act on; only a bug in Broadsheet itself prints a stack trace.
 */
import { INTERNAL_ERROR_NOTE, classifyFailure } from '../build/failures.ts';
import { resolveContentDir } from '../build/load.ts';
import { buildSite } from '../build/siteBuild.ts';

const outDir = process.env.OUT_DIR || 'dist';
try {
  const pages = await buildSite({ root: process.cwd(), outDir, report: (line) => console.log(line) });
  console.log(`Built ${outDir}/ with ${pages} prerendered pages`);
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
