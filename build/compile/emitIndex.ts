/**
 * The front page's list, in pages of PAGE_SIZE: the editors' pins first (the lead, then the top stories, from
 * site.json `front`), then every other card newest first. Page 2 goes on with the same list.
 */
import { PAGE_SIZE } from '../../src/model/compiled.ts';
import { dataPath } from '../../src/model/paths.ts';
import { paginate } from './paginate.ts';
import type { Card, IndexPage } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function* emitIndex({ cards, pinned }: Pick<Corpus, 'cards' | 'pinned'>): Generator<Emitted<IndexPage>> {
  const pins = new Set(pinned);
  const list = [
    ...pinned.map((ordinal) => cards[ordinal] as Card),
    ...cards.filter((_, ordinal) => !pins.has(ordinal)),
  ];
  const pages = paginate(list);
  for (const [i, items] of pages.entries()) {
    yield {
      path: dataPath.index(i + 1),
      document: {
        page: i + 1,
        pageCount: pages.length,
        total: list.length,
        items,
        pinned: Math.max(0, Math.min(items.length, pinned.length - i * PAGE_SIZE)),
      },
    };
  }
}
