/**
 * Related-article ranking, computed at build time.
 *
 * Editor picks come first, in the editor's order. The rest are ranked by a score that sums:
 * shared tags weighted by rarity (inverse document frequency), a shared author, the same section,
 * a text similarity of headline and standfirst, all damped by the distance in time.
 * Candidates are the near-in-time neighbours in each tag, author and section list, so the cost
 * stays linear in the corpus instead of quadratic.
 *
 * Incremental: given a memo (kept between builds), an article's ranked list is reused when everything it was ranked
 * from hashes the same (its signature: its own file, its candidates' files, the weights of its tags). So that one
 * new article does not change every tag's weight, the counts in the weight are rounded (see `roundedCount`).
 */
import { createHash } from 'node:crypto';
import { plainText } from '../src/model/inline.ts';
import { slugify } from '../src/model/slug.ts';
import type { Article } from '../src/model/schema.ts';

export const MAX_RELATED = 6;
/** How many neighbours on each side, in each shared list, are considered as candidates. */
export const NEIGHBOURS = 15;
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
  /** What the compile's corpus already holds (compile/corpus.ts), so they are not worked out again. */
  tagSlugs?: readonly (readonly string[])[];
  authorLists?: ReadonlyMap<string, readonly number[]>;
  sectionLists?: ReadonlyMap<string, readonly number[]>;
}

/**
 * Rankings kept from an earlier compile, with the hash of each article's file (compile/corpus.ts): an article's
 * signature is made of these hashes, which stand for everything ranking reads of it.
 */
export interface KeptRankings {
  memo: RankingMemo;
  hashes: readonly string[];
}

/** An article's ranked (not picked) related articles, kept with the signature of what they were ranked from. */
export interface KeptRanking {
  signature: string;
  ranked: { id: string; reasons: string[] }[];
}

/** Rankings kept from an earlier compile, by article id (incremental/keptStore.ts). */
export interface RankingMemo {
  get: (id: string) => KeptRanking | undefined;
  set: (id: string, ranking: KeptRanking) => void;
  /** Marks a kept ranking as still in use, without reading it (an article whose document was kept whole). */
  keep?: (id: string) => void;
}

/**
 * A count as the tag weight uses it: exact up to 64, then rounded to a sixteenth of a doubling (about 4%). A tag's
 * weight then changes only when its count crosses a step (one article in about 25 for a common tag), and so does
 * the corpus size; otherwise adding or deleting an article changes the weights of no other article's tags, and only
 * the lists of its neighbours in time need ranking again. The rounding is far below what tells tags apart.
 */
export function roundedCount(count: number): number {
  if (count <= 64) return count;
  return Math.round(2 ** (Math.round(Math.log2(count) * 16) / 16));
}

export interface RelatedPick {
  ordinal: number;
  editorsPick: boolean;
  reasons: string[];
}

const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or says that the their this to was were will with after over new'.split(
    ' ',
  ),
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

/**
 * The ordinals within `radius` places of `ordinal` in a list sorted ascending (newest first),
 * the article itself left out: its neighbours in time, found by binary search.
 */
export function nearestInList(list: readonly number[], ordinal: number, radius: number): number[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < ordinal) lo = mid + 1;
    else hi = mid;
  }
  return list.slice(Math.max(0, lo - radius), lo + radius + 1).filter((candidate) => candidate !== ordinal);
}

function neighbours(list: readonly number[], ordinal: number, into: Set<number>) {
  for (const candidate of nearestInList(list, ordinal, NEIGHBOURS)) into.add(candidate);
}

/** For each key, the ordinals of the articles that have it, ascending. */
export function groupBy(articles: readonly Article[], keys: (article: Article) => string[]): Map<string, number[]> {
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
export const sectionSlugs = (article: Article) => (article.section ? [slugify(article.section)] : []);

/** Returns a function giving the related picks of an article, given its ordinal and resolved editor picks. */
export function createRanker(input: RankInput, kept?: KeptRankings) {
  const { articles, tagLists, tagLabels } = input;
  const memo = kept?.memo;
  const total = roundedCount(articles.length);
  const authorLists = input.authorLists ?? groupBy(articles, authorSlugs);
  const sectionLists = input.sectionLists ?? groupBy(articles, sectionSlugs);
  const sectionOf = articles.map((article) => sectionSlugs(article)[0]);
  const sameSectionAs = (ordinal: number, candidate: number) =>
    sectionOf[ordinal] !== undefined && sectionOf[candidate] === sectionOf[ordinal];
  // Everything a comparison needs is computed once per article, not once per pair; the words only when an article
  // is compared at all (with a memo, most lists are kept).
  const wordSets: (Set<string> | undefined)[] = [];
  const wordsOf = (ordinal: number) => {
    let set = wordSets[ordinal];
    if (set === undefined) {
      const article = articles[ordinal];
      set = article ? words(article) : new Set<string>();
      wordSets[ordinal] = set;
    }
    return set;
  };
  const tagArrays = input.tagSlugs ?? articles.map((article) => [...new Set(tagSlugs(article))]);
  const tagSets = tagArrays.map((slugs) => new Set(slugs));
  const authorSets = articles.map((article) => new Set(authorSlugs(article)));
  const times = articles.map((article) => Date.parse(article.publishedAt));
  const idfCache = new Map<string, number>();
  const idf = (slug: string) => {
    let weight = idfCache.get(slug);
    if (weight === undefined) {
      weight = Math.log(1 + total / roundedCount(tagLists.get(slug)?.length ?? articles.length));
      idfCache.set(slug, weight);
    }
    return weight;
  };
  const empty = new Set<string>();

  /**
   * The idf of the tags two articles share, walking the shorter tag list, so an article with many tags costs no more
   * per candidate than its candidate's tags. Summed in the article's own tag order either way, so the floating-point
   * sum (and with it every tie) is the same whichever list is walked.
   */
  const sharedTagWeight = (
    own: readonly string[],
    ownIndex: ReadonlyMap<string, number>,
    other: readonly string[],
    otherSet: ReadonlySet<string>,
  ): number => {
    let weight = 0;
    if (own.length <= other.length) {
      for (const slug of own) if (otherSet.has(slug)) weight += idf(slug);
      return weight;
    }
    const shared: number[] = [];
    for (const slug of other) {
      const index = ownIndex.get(slug);
      if (index !== undefined) shared.push(index);
    }
    shared.sort((a, b) => a - b);
    for (const index of shared) weight += idf(own[index] ?? '');
    return weight;
  };

  /**
   * Everything `related` reads to rank an article: its file, its picks, its tags' weights and labels, and its
   * candidates' files in order (their order in time decides ties).
   */
  const signatureOf = (ordinal: number, picks: readonly RelatedPick[], candidates: ReadonlySet<number>) => {
    const hashes = kept?.hashes ?? [];
    const ownTags = tagArrays[ordinal] ?? [];
    const hash = createHash('sha1').update(hashes[ordinal] ?? '');
    hash.update(JSON.stringify([picks.map((pick) => articles[pick.ordinal]?.id), ownTags.map(idf)]));
    hash.update(JSON.stringify(ownTags.map((slug) => tagLabels.get(slug) ?? slug)));
    for (const candidate of [...candidates].sort((a, b) => a - b)) hash.update(hashes[candidate] ?? '');
    return hash.digest('base64');
  };
  const ordinalOf = memo ? new Map(articles.map((article, ordinal) => [article.id, ordinal])) : undefined;

  return function related(ordinal: number, editorPicks: readonly number[]): RelatedPick[] {
    const article = articles[ordinal];
    if (!article) return [];
    const picks: RelatedPick[] = editorPicks
      .filter((pick, index) => pick !== ordinal && editorPicks.indexOf(pick) === index)
      .slice(0, MAX_RELATED)
      .map((pick) => ({ ordinal: pick, editorsPick: true, reasons: ["Editor's pick"] }));
    if (picks.length >= MAX_RELATED) return picks;

    const ownTags = tagArrays[ordinal] ?? [];
    const ownTagIndex = new Map(ownTags.map((slug, i) => [slug, i]));
    const ownAuthors = authorSets[ordinal] ?? empty;
    const ownWords = wordsOf(ordinal);
    const candidates = new Set<number>();
    for (const slug of ownTags) neighbours(tagLists.get(slug) ?? [], ordinal, candidates);
    for (const slug of ownAuthors) neighbours(authorLists.get(slug) ?? [], ordinal, candidates);
    const ownSection = sectionOf[ordinal];
    if (ownSection !== undefined) neighbours(sectionLists.get(ownSection) ?? [], ordinal, candidates);
    for (const pick of picks) candidates.delete(pick.ordinal);

    const signature = memo ? signatureOf(ordinal, picks, candidates) : '';
    const kept = memo?.get(article.id);
    if (kept && kept.signature === signature && ordinalOf) {
      const ranked = kept.ranked.flatMap(({ id, reasons }) => {
        const o = ordinalOf.get(id);
        return o === undefined ? [] : [{ ordinal: o, editorsPick: false, reasons }];
      });
      // Always whole (a kept id is a candidate, so it exists); anything else is ranked again below.
      if (ranked.length === kept.ranked.length) return [...picks, ...ranked];
    }

    const published = times[ordinal] ?? 0;
    const scored: { ordinal: number; score: number }[] = [];
    for (const candidate of candidates) {
      const tagWeight = sharedTagWeight(ownTags, ownTagIndex, tagArrays[candidate] ?? [], tagSets[candidate] ?? empty);
      let sharedAuthor = false;
      for (const slug of authorSets[candidate] ?? empty) if (ownAuthors.has(slug)) sharedAuthor = true;
      const sameSection = sameSectionAs(ordinal, candidate);

      const relevance =
        tagWeight +
        (sharedAuthor ? AUTHOR_WEIGHT : 0) +
        (sameSection ? SECTION_WEIGHT : 0) +
        TEXT_WEIGHT * jaccard(ownWords, wordsOf(candidate));
      if (relevance <= 0) continue;
      const days = Math.abs(published - (times[candidate] ?? 0)) / 86_400_000;
      scored.push({ ordinal: candidate, score: relevance * Math.pow(0.5, days / HALF_LIFE_DAYS) });
    }
    // Ties go to the newer article, which has the smaller ordinal.
    scored.sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);

    // Reasons are worded only for the articles that are shown.
    const reasonsFor = (candidate: number): string[] => {
      const sharedTags = (tagArrays[candidate] ?? []).filter((slug) => tagSets[ordinal]?.has(slug));
      const reasons: string[] = [];
      if (sharedTags.length > 0)
        reasons.push(`Also tagged ${sharedTags.map((slug) => tagLabels.get(slug) ?? slug).join(', ')}`);
      if ([...(authorSets[candidate] ?? empty)].some((slug) => ownAuthors.has(slug))) reasons.push('Same author');
      if (sharedTags.length === 0 && article.section && sameSectionAs(ordinal, candidate)) {
        reasons.push(`Also in ${article.section}`);
      }
      return reasons;
    };
    const ranked = scored
      .slice(0, MAX_RELATED - picks.length)
      .map(({ ordinal: o }) => ({ ordinal: o, editorsPick: false, reasons: reasonsFor(o) }));
    memo?.set(article.id, {
      signature,
      ranked: ranked.map(({ ordinal: o, reasons }) => ({ id: articles[o]?.id ?? '', reasons })),
    });
    return [...picks, ...ranked];
  };
}
