/** Every id and alias, filed by prefix, for the not-found page's "did you mean" (src/model/idGuesses.ts). */
import { shardIds } from '../../src/model/idGuesses.ts';
import { dataPath } from '../../src/model/paths.ts';
import type { IdShard } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

export function* emitIdShards({ articles }: Pick<Corpus, 'articles'>): Generator<Emitted<IdShard>> {
  const entries = articles.flatMap((article) =>
    [article.id, ...(article.aliases ?? [])].map((name) => ({ name, id: article.id, headline: article.headline })),
  );
  for (const shard of shardIds(entries)) yield { path: dataPath.idShard(shard.shard), document: shard };
}
