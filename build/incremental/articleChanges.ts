/**
 * Which article documents an incremental build may keep without making them again, worked out from what changed
 * since the last build instead of from every article: at 100,000 articles, ranking every article's neighbours only
 * to find that its related list is the same took most of an edit's build.
 *
 * An article's document is its own file, its editor's picks (and their cards), and its ranked related articles and
 * "more in this section", which ranking.ts takes from its neighbours in time in each of its tag, author and section
 * lists, weighted by its tags' rounded counts and the corpus's rounded size. So a document can change only when:
 * - its own file changed;
 * - an article that changed (added, edited or deleted) is, or was, within a neighbour's reach of it in a list it is
 *   in (before or after the change: each version's place in the list is checked);
 * - one of its tags changed weight or label, or the corpus's rounded size changed (then every article is made);
 * - its picks resolve to other articles, or to one that changed.
 * Every other article's document is kept. Each build records what the next needs for this (`CorpusSummary`).
 */
import { NEIGHBOURS, roundedCount } from '../ranking.ts';
import type { Corpus } from '../compile/corpus.ts';

/** What the next build needs to know of this build's corpus (kept in the build state). */
export interface CorpusSummary {
  /** The corpus's size, as the tag weights count it (ranking.ts roundedCount). */
  total: number;
  /** Each tag's article count as the weights count it, and its label. */
  tags: Record<string, [count: number, label: string]>;
  /** Each article by id: its file's hash, its publishing time, the lists it is in, and its picks' ids. */
  articles: Record<string, [hash: string, publishedAt: string, lists: string[], picks: string[]]>;
}

type ListCorpus = Pick<
  Corpus,
  'articles' | 'hashes' | 'picks' | 'tagSlugs' | 'tagLists' | 'tagLabels' | 'authorLists' | 'sectionLists'
>;

/** The summary of a corpus. An article's lists are keys: `t:` a tag, `a:` an author, `s:` a section, each by slug. */
export function summarize(corpus: ListCorpus): CorpusSummary {
  const lists = corpus.articles.map((_, ordinal) => (corpus.tagSlugs[ordinal] ?? []).map((slug) => `t:${slug}`));
  const add = (prefix: string, groups: ReadonlyMap<string, readonly number[]>) => {
    for (const [slug, ordinals] of groups) for (const ordinal of ordinals) lists[ordinal]?.push(`${prefix}${slug}`);
  };
  add('a:', corpus.authorLists);
  add('s:', corpus.sectionLists);
  // Made with fromEntries, so that no id or slug can reach an object's prototype.
  const articles: CorpusSummary['articles'] = Object.fromEntries(
    corpus.articles.map((article, ordinal) => {
      const picks = (corpus.picks[ordinal] ?? []).map((o) => corpus.articles[o]?.id ?? '');
      return [article.id, [corpus.hashes[ordinal] ?? '', article.publishedAt, lists[ordinal] ?? [], picks]];
    }),
  );
  const tags: CorpusSummary['tags'] = Object.fromEntries(
    [...corpus.tagLists].map(([slug, ordinals]) => [
      slug,
      [roundedCount(ordinals.length), corpus.tagLabels.get(slug) ?? slug],
    ]),
  );
  return { total: roundedCount(corpus.articles.length), tags, articles };
}

/** The list of the corpus a key names. */
function listOf(corpus: ListCorpus, key: string): readonly number[] | undefined {
  const slug = key.slice(2);
  if (key.startsWith('t:')) return corpus.tagLists.get(slug);
  if (key.startsWith('a:')) return corpus.authorLists.get(slug);
  return corpus.sectionLists.get(slug);
}

/**
 * Where an article published at `publishedAt` with this id stands (or would stand) in a list: the number of the
 * list's articles that come before it, newest first, ties by id (compile/corpus.ts's order).
 */
function placeIn(corpus: ListCorpus, list: readonly number[], publishedAt: string, id: string): number {
  const time = Date.parse(publishedAt);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const other = corpus.articles[list[mid] ?? 0];
    const otherTime = other ? Date.parse(other.publishedAt) : 0;
    const before = otherTime > time || (otherTime === time && (other?.id ?? '') < id);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For each ordinal of the corpus, whether its document is the same as the last build made (`true`: it may be kept).
 * Undefined when there is no last build to compare with, or when every document may have changed.
 */
export function unchangedArticles(
  corpus: ListCorpus,
  now: CorpusSummary,
  previous: CorpusSummary | undefined,
): boolean[] | undefined {
  if (!previous || previous.total !== now.total) return undefined;
  // As maps: an article may be called "constructor", which every object has.
  const nowArticles = new Map(Object.entries(now.articles));
  const before = new Map(Object.entries(previous.articles));
  const changed = new Set<string>();
  for (const [id, [hash]] of nowArticles) if (before.get(id)?.[0] !== hash) changed.add(id);
  for (const id of before.keys()) if (!nowArticles.has(id)) changed.add(id);

  const unchanged = corpus.articles.map(() => true);
  const makeAgain = (ordinal: number | undefined) => {
    if (ordinal !== undefined) unchanged[ordinal] = false;
  };
  // Everything within a neighbour's reach of a place in a list; one more, so a deletion's place is covered too.
  const around = (list: readonly number[], place: number) => {
    const reach = NEIGHBOURS + 1;
    for (let i = Math.max(0, place - reach); i <= Math.min(list.length - 1, place + reach); i++) makeAgain(list[i]);
  };
  for (const id of changed) {
    for (const version of [nowArticles.get(id), before.get(id)]) {
      if (!version) continue;
      const [, publishedAt, lists] = version;
      for (const key of lists) {
        const list = listOf(corpus, key);
        if (list) around(list, placeIn(corpus, list, publishedAt, id));
      }
    }
  }
  const tagsBefore = new Map(Object.entries(previous.tags));
  for (const [slug, weight] of Object.entries(now.tags)) {
    const was = tagsBefore.get(slug);
    if (was && was[0] === weight[0] && was[1] === weight[1]) continue;
    for (const ordinal of corpus.tagLists.get(slug) ?? []) makeAgain(ordinal);
  }
  corpus.articles.forEach((article, ordinal) => {
    if (changed.has(article.id)) return makeAgain(ordinal);
    const picks = nowArticles.get(article.id)?.[3] ?? [];
    const picked = before.get(article.id)?.[3] ?? [];
    if (picks.length !== picked.length || picks.some((id, i) => id !== picked[i] || changed.has(id))) {
      makeAgain(ordinal);
    }
  });
  return unchanged;
}
