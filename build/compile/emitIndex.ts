/** The front page's list: every card, newest first, in pages of PAGE_SIZE. */
import { dataPath } from '../../src/model/paths.ts';
import { paginate } from './paginate.ts';
import type { IndexPage } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function* emitIndex({ cards }: Pick<Corpus, 'cards'>): Generator<Emitted<IndexPage>> {
  const pages = paginate(cards);
  for (const [i, items] of pages.entries()) {
    yield {
      path: dataPath.index(i + 1),
      document: { page: i + 1, pageCount: pages.length, total: cards.length, items },
    };
  }
}
