/** /data/site.json: the site's settings and section menu, and (in dev) the content problems. */
import { PAGE_SIZE } from '../../src/model/compiled.ts';
import { dataPath } from '../../src/model/paths.ts';
import { type Problem, formatProblem } from '../../src/model/problems.ts';
import type { SiteDocument } from '../../src/model/compiled.ts';
import type { SiteConfig } from '../../src/model/schema.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function emitSite(
  { sections }: Pick<Corpus, 'sections'>,
  site: SiteConfig,
  problems: readonly Problem[],
): Emitted<SiteDocument> {
  return {
    path: dataPath.site(),
    document: {
      name: site.name,
      description: site.description,
      locale: site.locale,
      timeZone: site.timeZone,
      pageSize: PAGE_SIZE,
      sections: sections.map(({ slug, name }) => ({ slug, name })),
      problems: problems.map(formatProblem),
    },
  };
}
