/**
 * `npm run check-content`: validate CONTENT_DIR alone (the same reading, image checks and compile as
 * build and dev), print every problem and warning, exit 1 if there is any problem.
 */
import { formatWarning } from '../build/contentFiles.ts';
import { loadContent, resolveContentDir } from '../build/load.ts';
import { formatProblem } from '../src/model/problems.ts';

const contentDir = resolveContentDir(process.cwd());
const started = performance.now();
const { problems, warnings, stats } = await loadContent(contentDir, 'strict');
const ms = Math.round(performance.now() - started);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
for (const warning of warnings) console.warn(formatWarning(warning));
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  const warned = warnings.length ? ` and ${plural(warnings.length, 'warning')}` : '';
  console.error(`\n${plural(problems.length, 'problem')}${warned} in ${contentDir}`);
  process.exit(1);
}
console.log(
  `${contentDir}: ${stats.articles} articles, ${stats.sections} sections, ${stats.tags} tags, ${stats.authors} authors, ` +
    `${stats.documents} documents, compiled in ${ms} ms` +
    (warnings.length ? ` (${plural(warnings.length, 'warning')})` : ''),
);
