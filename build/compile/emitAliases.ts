/** Aliases: a small redirect document at each earlier id, so old links and bookmarks keep working. */
import { dataPath } from '../../src/model/paths.ts';
import type { ArticleDocument } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function* emitAliases({ articles }: Pick<Corpus, 'articles'>): Generator<Emitted<ArticleDocument>> {
  for (const article of articles) {
    for (const alias of article.aliases ?? []) {
      yield { path: dataPath.article(alias), document: { kind: 'redirect', to: article.id } };
    }
  }
}
