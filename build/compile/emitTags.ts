/**
 * Tags: each tag's pages with the tags that occur with it, the facet that answers an AND of tags, and the list of
 * all tags. The work is the sum over articles of (its tags)², which the schema's per-article tag limit bounds.
 */
import { TOP_TAG_COUNT } from '../../src/model/compiled.ts';
import { dataPath } from '../../src/model/paths.ts';
import { compareTagCounts } from '../../src/model/tagOrder.ts';
import { tagCount } from './corpus.ts';
import { paginate } from './paginate.ts';
import type { AllTags, Card, TagFacet, TagPage, TopTags } from '../../src/model/compiled.ts';
import type { Corpus } from './corpus.ts';
import type { Emitted } from './types.ts';

type TagsCorpus = Pick<Corpus, 'cards' | 'tagSlugs' | 'tagLists' | 'tagLabels' | 'allTags'>;

export function* emitTags(corpus: TagsCorpus): Generator<Emitted<TagPage | TagFacet | AllTags | TopTags>> {
  for (const [slug, ordinals] of corpus.tagLists) yield* emitTag(corpus, slug, ordinals);
  yield { path: dataPath.allTags(), document: { tags: corpus.allTags } };
  yield {
    path: dataPath.topTags(),
    document: { tags: corpus.allTags.slice(0, TOP_TAG_COUNT), total: corpus.allTags.length },
  };
}

function* emitTag(
  corpus: TagsCorpus,
  slug: string,
  ordinals: readonly number[],
): Generator<Emitted<TagPage | TagFacet>> {
  const coCounts = new Map<string, number>();
  const dictionary: { slug: string; label: string }[] = [];
  const dictionaryIndex = new Map<string, number>();
  const rows = ordinals.map((ordinal) =>
    (corpus.tagSlugs[ordinal] ?? [])
      .filter((other) => other !== slug)
      .map((other) => {
        coCounts.set(other, (coCounts.get(other) ?? 0) + 1);
        let index = dictionaryIndex.get(other);
        if (index === undefined) {
          index = dictionary.length;
          dictionaryIndex.set(other, index);
          dictionary.push({ slug: other, label: corpus.tagLabels.get(other) ?? other });
        }
        return index;
      }),
  );
  const tag = tagCount(corpus, slug);
  const coTags = [...coCounts]
    .map(([other, count]) => ({ ...tagCount(corpus, other), count }))
    .sort(compareTagCounts)
    .slice(0, TOP_TAG_COUNT);
  const pages = paginate(ordinals.map((ordinal) => corpus.cards[ordinal] as Card));
  for (const [i, items] of pages.entries()) {
    yield {
      path: dataPath.tagPage(slug, i + 1),
      document: {
        page: i + 1,
        pageCount: pages.length,
        total: ordinals.length,
        items,
        tag,
        coTags,
        coTagTotal: coCounts.size,
      },
    };
  }
  yield { path: dataPath.tagFacet(slug), document: { tag, tags: dictionary, rows } };
}
