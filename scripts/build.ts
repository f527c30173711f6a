/**
 * `npm run build`: the static site into dist/ (or OUT_DIR), through a staging folder that is
 * swapped in only on success, so a failed build (bad content included) leaves dist/ as it was.
 */
import { buildSite } from '../build/siteBuild.ts';

const outDir = process.env.OUT_DIR || 'dist';
try {
  const pages = await buildSite({ root: process.cwd(), outDir });
  console.log(`Built ${outDir}/ with ${pages} prerendered pages`);
  if (!process.env.SITE_URL) {
    console.warn(
      'SITE_URL is not set: canonical and sharing URLs in the prerendered HTML are site paths. ' +
        'For a public site, build with SITE_URL=https://your.site npm run build',
    );
  }
} catch (error) {
  // Content problems were already printed one a line; anything else gets its own message.
  // (Vite wraps a plugin's error, so the content error may sit in `errors`.)
  const failure = error as { name?: string; message?: string; errors?: { name?: string }[] };
  const contentProblems = failure.name === 'ContentError' || !!failure.errors?.some((e) => e.name === 'ContentError');
  // A page that failed to prerender is named in one sentence (build/prerender.ts).
  if (failure.name === 'PrerenderError') console.error(failure.message);
  else if (!contentProblems) console.error(error);
  console.error(`\nBuild failed; ${outDir}/ was left as it was.`);
  process.exit(1);
}
