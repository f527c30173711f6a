/** The one order of tag lists everywhere: most used first, then by label, then by slug (stable across builds). */
export function compareTagCounts(
  a: { count: number; label: string; slug: string },
  b: { count: number; label: string; slug: string },
): number {
  return b.count - a.count || a.label.localeCompare(b.label, 'en') || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
