/**
 * What every emit step reads: the accepted articles newest first (an article's position is its ordinal), their
 * cards, and the articles of each tag, author and section. Built once, so no step slugifies or sorts again.
 */
import { slugify } from '../../src/model/slug.ts';
import { compareTagCounts } from '../../src/model/tagOrder.ts';
import { authorSlugs, groupBy, sectionSlugs, tagSlugs } from '../ranking.ts';
import { toCard } from './cards.ts';
import { preferredSpelling } from './spelling.ts';
import type { Card, SectionSummary, TagCount } from '../../src/model/compiled.ts';
import type { Article } from '../../src/model/schema.ts';
import type { SiteChecks } from './checkSite.ts';
import type { Accepted } from './validate.ts';

export interface Corpus {
  /** Newest `publishedAt` first, ties by id. */
  articles: Article[];
  /** The hash of each article's file: what its document and its card are made from. */
  hashes: string[];
  cards: Card[];
  /** The editor's related picks of each article, as ordinals. */
  picks: number[][];
  /** The tag slugs of each article, each once, in the order written. */
  tagSlugs: string[][];
  /** For each tag, author and section (by slug): its articles' ordinals, ascending (newest first). */
  tagLists: Map<string, number[]>;
  authorLists: Map<string, number[]>;
  sectionLists: Map<string, number[]>;
  /** Every section in menu order: those site.json lists, in its order, then the rest most articles first. */
  sections: SectionSummary[];
  /** The ordinals of the articles the editors pinned to the front page, in the order it shows them. */
  pinned: number[];
  /** The label shown for each tag slug: its most used spelling. */
  tagLabels: Map<string, string>;
  /** Every tag, most used first (src/model/tagOrder.ts). */
  allTags: TagCount[];
}

const compareNewestFirst = (a: Article, b: Article) =>
  Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** How often each spelling of a key is used. */
export function tally(counts: Map<string, Map<string, number>>, key: string, spelling: string) {
  const spellings = counts.get(key) ?? new Map<string, number>();
  spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
  counts.set(key, spellings);
}

const noEdits: SiteChecks = { front: { pinned: [] }, sectionOrder: [] };

export function buildCorpus(accepted: readonly Accepted[], edits: SiteChecks = noEdits): Corpus {
  const sorted = [...accepted].sort((a, b) => compareNewestFirst(a.article, b.article));
  const articles = sorted.map((entry) => entry.article);
  const ordinalOf = new Map(articles.map((article, ordinal) => [article.id, ordinal]));
  const picksById = new Map(accepted.map((entry) => [entry.article.id, entry.picks]));
  const picks = articles.map((article) =>
    (picksById.get(article.id) ?? []).map((id) => ordinalOf.get(id)).filter((o): o is number => o !== undefined),
  );

  const tagLists = groupBy(articles, tagSlugs);
  const tagSpellings = new Map<string, Map<string, number>>();
  for (const article of articles) for (const label of article.tags ?? []) tally(tagSpellings, slugify(label), label);
  const tagLabels = new Map([...tagSpellings].map(([slug, spellings]) => [slug, preferredSpelling(spellings)]));
  const partial = { tagLists, tagLabels };
  const sectionLists = groupBy(articles, sectionSlugs);
  return {
    articles,
    hashes: sorted.map((entry) => entry.hash),
    cards: articles.map(toCard),
    picks,
    tagSlugs: articles.map((article) => [...new Set(tagSlugs(article))]),
    tagLists,
    authorLists: groupBy(articles, authorSlugs),
    sectionLists,
    sections: sectionMenu(articles, sectionLists, edits.sectionOrder),
    pinned: edits.front.pinned.map((id) => ordinalOf.get(id)).filter((o): o is number => o !== undefined),
    tagLabels,
    // Most used first; ties in label order, so the list is stable from build to build.
    allTags: [...tagLists.keys()].map((slug) => tagCount(partial, slug)).sort(compareTagCounts),
  };
}

/** A tag's slug, label and number of articles. */
export function tagCount({ tagLists, tagLabels }: Pick<Corpus, 'tagLists' | 'tagLabels'>, slug: string): TagCount {
  return { slug, label: tagLabels.get(slug) ?? slug, count: tagLists.get(slug)?.length ?? 0 };
}

/** The sections in menu order, each named by its most used spelling. */
function sectionMenu(
  articles: readonly Article[],
  sectionLists: ReadonlyMap<string, number[]>,
  listed: readonly string[],
): SectionSummary[] {
  const spellings = new Map<string, Map<string, number>>();
  for (const { section } of articles) if (section) tally(spellings, slugify(section), section);
  const summary = (slug: string): SectionSummary => ({
    slug,
    name: preferredSpelling(spellings.get(slug) ?? new Map<string, number>()),
    count: sectionLists.get(slug)?.length ?? 0,
  });
  const order = new Set(listed);
  const rest = [...sectionLists.keys()]
    .filter((slug) => !order.has(slug))
    .map(summary)
    // Most articles first; ties in name order, so the menu is stable from build to build.
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...[...order].map(summary), ...rest];
}
