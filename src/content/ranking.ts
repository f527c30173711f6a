/**
 * Related-article ranking, computed at build time.
 *
 * Editor picks come first, in the editor's order. The rest are ranked by a score that sums:
 * shared tags weighted by rarity (inverse document frequency), a shared author, the same section,
 * a text similarity of headline and standfirst, all damped by the distance in time.
 * Candidates are the near-in-time neighbours in each tag, author and section list, so the cost
 * stays linear in the corpus instead of quadratic.
 */
import type { Article } from './schema';
import { plainText } from './inline';
import { slugify } from './slug';

export const MAX_RELATED = 6;
/** How many neighbours on each side, in each shared list, are considered as candidates. */
const NEIGHBOURS = 30;
const AUTHOR_WEIGHT = 0.6;
const SECTION_WEIGHT = 0.3;
const TEXT_WEIGHT = 2;
/** A candidate this many days away counts half as much as one published the same day. */
const HALF_LIFE_DAYS = 60;

export interface RankInput {
  /** Articles sorted newest first; positions in this array are the article's ordinal. */
  articles: readonly Article[];
  /** For each tag slug, ordinals of its articles in ascending order (newest first). */
  tagLists: ReadonlyMap<string, readonly number[]>;
  /** Labels to name a shared tag in a reason, by slug. */
  tagLabels: ReadonlyMap<string, string>;
}

export interface RelatedPick {
  ordinal: number;
  editorsPick: boolean;
  reasons: string[];
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or says that the their this to was were will with after over new'.split(' '),
);

function words(article: Article): Set<string> {
  const text = `${article.headline} ${article.standfirst ? plainText(article.standfirst) : ''}`.toLowerCase();
  return new Set((text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2 && !STOP_WORDS.has(word)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function neighbours(list: readonly number[], ordinal: number, into: Set<number>) {
  // Lists are sorted ascending, so the article's own position is found by binary search.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < ordinal) lo = mid + 1;
    else hi = mid;
  }
  for (let i = Math.max(0, lo - NEIGHBOURS); i < Math.min(list.length, lo + NEIGHBOURS + 1); i++) {
    const candidate = list[i];
    if (candidate !== undefined && candidate !== ordinal) into.add(candidate);
  }
}

function groupBy(articles: readonly Article[], keys: (article: Article) => string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  articles.forEach((article, ordinal) => {
    for (const key of new Set(keys(article))) {
      const list = groups.get(key);
      if (list) list.push(ordinal);
      else groups.set(key, [ordinal]);
    }
  });
  return groups;
}

export const tagSlugs = (article: Article) => (article.tags ?? []).map(slugify);
export const authorSlugs = (article: Article) => article.byline.map((author) => slugify(author.name));

/** Returns a function giving the related picks of an article, given its ordinal and resolved editor picks. */
export function createRanker({ articles, tagLists, tagLabels }: RankInput) {
  const total = articles.length;
  const authorLists = groupBy(articles, authorSlugs);
  const sectionLists = groupBy(articles, (article) => (article.section ? [article.section] : []));
  const wordSets = articles.map(words);
  const tagSets = articles.map((article) => new Set(tagSlugs(article)));
  const authorSets = articles.map((article) => new Set(authorSlugs(article)));
  const idf = (slug: string) => Math.log(1 + total / (tagLists.get(slug)?.length ?? total));

  return function related(ordinal: number, editorPicks: readonly number[]): RelatedPick[] {
    const article = articles[ordinal];
    if (!article) return [];
    const picks: RelatedPick[] = editorPicks
      .filter((pick, index) => pick !== ordinal && editorPicks.indexOf(pick) === index)
      .slice(0, MAX_RELATED)
      .map((pick) => ({ ordinal: pick, editorsPick: true, reasons: ["Editor's pick"] }));
    if (picks.length >= MAX_RELATED) return picks;

    const candidates = new Set<number>();
    for (const slug of tagSets[ordinal] ?? []) neighbours(tagLists.get(slug) ?? [], ordinal, candidates);
    for (const slug of authorSets[ordinal] ?? []) neighbours(authorLists.get(slug) ?? [], ordinal, candidates);
    if (article.section) neighbours(sectionLists.get(article.section) ?? [], ordinal, candidates);
    for (const pick of picks) candidates.delete(pick.ordinal);

    const published = Date.parse(article.publishedAt);
    const scored: { ordinal: number; score: number; reasons: string[] }[] = [];
    for (const candidate of candidates) {
      const other = articles[candidate];
      if (!other) continue;
      const sharedTags = [...(tagSets[candidate] ?? [])].filter((slug) => tagSets[ordinal]?.has(slug));
      const sharedAuthor = [...(authorSets[candidate] ?? [])].some((slug) => authorSets[ordinal]?.has(slug));
      const sameSection = !!article.section && other.section === article.section;
      const textSimilarity = jaccard(wordSets[ordinal] ?? new Set(), wordSets[candidate] ?? new Set());

      const relevance =
        sharedTags.reduce((sum, slug) => sum + idf(slug), 0) +
        (sharedAuthor ? AUTHOR_WEIGHT : 0) +
        (sameSection ? SECTION_WEIGHT : 0) +
        TEXT_WEIGHT * textSimilarity;
      if (relevance <= 0) continue;
      const days = Math.abs(published - Date.parse(other.publishedAt)) / 86_400_000;
      const score = relevance * Math.pow(0.5, days / HALF_LIFE_DAYS);

      const reasons: string[] = [];
      if (sharedTags.length > 0) {
        reasons.push(`Also tagged ${sharedTags.map((slug) => tagLabels.get(slug) ?? slug).join(', ')}`);
      }
      if (sharedAuthor) reasons.push('Same author');
      if (sameSection && sharedTags.length === 0) reasons.push(`Also in ${article.section}`);
      scored.push({ ordinal: candidate, score, reasons });
    }
    // Ties go to the newer article, which has the smaller ordinal.
    scored.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
    return [
      ...picks,
      ...scored.slice(0, MAX_RELATED - picks.length).map(({ ordinal: o, reasons }) => ({ ordinal: o, editorsPick: false, reasons })),
    ];
  };
}
