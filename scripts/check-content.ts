/** `npm run check-content`: validate CONTENT_DIR alone, print every problem, exit 1 if any. */
import { loadContent, resolveContentDir } from '../build/load.ts';
import { formatProblem } from '../src/model/problems.ts';

const contentDir = resolveContentDir(process.cwd());
const started = performance.now();
const { problems, stats } = loadContent(contentDir, 'strict');
const ms = Math.round(performance.now() - started);

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${contentDir}`);
  process.exit(1);
}
console.log(
  `${contentDir}: ${stats.articles} articles, ${stats.sections} sections, ${stats.tags} tags, ${stats.authors} authors, ` +
    `${stats.documents} documents, compiled in ${ms} ms`,
);
