/**
 * The AND of several tags, answered from the rarest tag's facet: every article carrying all the
 * tags carries the rarest one, so its facet alone holds the whole result, in newest-first order,
 * and the tags of each article in it. Nothing here grows with the size of the corpus.
 */
import { compareTagCounts } from '../model/tagOrder';
import type { TagCount, TagFacet } from '../model/compiled';

export interface FilterResult {
  /** The tag whose list the result is drawn from. */
  pivot: TagCount;
  /** Positions in the pivot tag's list (and so in its pages) of the matching articles, newest first. */
  positions: number[];
  /** Every other tag within the result, with the number of matching articles carrying it. */
  counts: TagCount[];
}

/** Picks the smallest facet; ties go to the first chosen, so the result is stable. */
export function pickPivot<T extends { tag: TagCount }>(facets: readonly T[]): T | undefined {
  return facets.reduce<T | undefined>(
    (best, facet) => (!best || facet.tag.count < best.tag.count ? facet : best),
    undefined,
  );
}

export function filterByTags(pivot: TagFacet, selected: readonly string[]): FilterResult {
  const required = selected.filter((slug) => slug !== pivot.tag.slug);
  const positions: number[] = [];
  const counts = new Map<number, number>();
  pivot.rows.forEach((row, position) => {
    const slugs = new Set(row.map((index) => pivot.tags[index]?.slug));
    if (!required.every((slug) => slugs.has(slug))) return;
    positions.push(position);
    for (const index of row) counts.set(index, (counts.get(index) ?? 0) + 1);
  });
  const selectedSet = new Set(selected);
  const tagCounts = [...counts]
    .map(([index, count]) => ({ ...(pivot.tags[index] ?? { slug: '', label: '' }), count }))
    .filter((tag) => tag.slug && !selectedSet.has(tag.slug))
    .sort(compareTagCounts);
  return { pivot: pivot.tag, positions, counts: tagCounts };
}

/** Where the items of one result page live: which of the pivot's pages, and the offset in each. */
export function locatePage(positions: readonly number[], page: number, pageSize: number) {
  const slice = positions.slice((page - 1) * pageSize, page * pageSize);
  return slice.map((position) => ({ sourcePage: Math.floor(position / pageSize) + 1, offset: position % pageSize }));
}

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** One page of the AND of `tags`, from the pivot's facet: its numbers, and where in the pivot's pages its items are. */
export function andPage(facet: TagFacet, tags: readonly string[], page: number, pageSize: number) {
  const result = filterByTags(facet, tags);
  const located = locatePage(result.positions, page, pageSize);
  return {
    total: result.positions.length,
    pageCount: pageCountOf(result.positions.length, pageSize),
    counts: result.counts,
    located,
    sourcePages: [...new Set(located.map((item) => item.sourcePage))],
  };
}
