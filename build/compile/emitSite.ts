/** /data/site.json: the site's settings, its counts, top tags and section menu, and (in dev) the content problems. */
import { PAGE_SIZE, TOP_TAG_COUNT } from '../../src/model/compiled.ts';
import { dataPath } from '../../src/model/paths.ts';
import { type Problem, formatProblem } from '../../src/model/problems.ts';
import type { SiteDocument } from '../../src/model/compiled.ts';
import type { SiteConfig } from '../../src/model/schema.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function emitSite(
  { articles, allTags, sections }: Pick<Corpus, 'articles' | 'allTags' | 'sections'>,
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
      articleCount: articles.length,
      tagCount: allTags.length,
      pageSize: PAGE_SIZE,
      topTags: allTags.slice(0, TOP_TAG_COUNT),
      sections,
      problems: problems.map(formatProblem),
    },
  };
}
