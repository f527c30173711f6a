/** Section fronts: each section's articles newest first, in pages like a tag's, named as the menu names it. */
import { dataPath } from '../../src/model/paths.ts';
import { paginate } from './paginate.ts';
import type { Card, SectionPage } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function* emitSections({
  cards,
  sections,
  sectionLists,
}: Pick<Corpus, 'cards' | 'sections' | 'sectionLists'>): Generator<Emitted<SectionPage>> {
  for (const section of sections) {
    const ordinals = sectionLists.get(section.slug) ?? [];
    const pages = paginate(ordinals.map((ordinal) => cards[ordinal] as Card));
    for (const [i, items] of pages.entries()) {
      yield {
        path: dataPath.sectionPage(section.slug, i + 1),
        document: { page: i + 1, pageCount: pages.length, total: ordinals.length, items, section },
      };
    }
  }
}
