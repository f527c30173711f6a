/**
 * One site build in a process of its own, for the build benchmark (scripts/bench/build.ts): CONTENT_DIR, OUT_DIR and
 * BUILD_FULL as for `npm run build`. Prints one JSON line: the build's own counts, its wall time, and the process's
 * peak memory (worker threads included).
 */
import { buildSite } from '../../build/siteBuild.ts';

const started = performance.now();
const result = await buildSite({
  root: process.cwd(),
  outDir: process.env.OUT_DIR ?? 'dist',
  full: process.env.BUILD_FULL === '1',
  rebundle: process.env.BUILD_FULL === '1',
});
console.log(
  JSON.stringify({
    ms: performance.now() - started,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    pages: result.pages,
    files: result.files,
    changes: {
      added: result.changes.added.length,
      changed: result.changes.changed.length,
      removed: result.changes.removed.length,
    },
  }),
);
