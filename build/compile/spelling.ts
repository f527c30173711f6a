/** The label shown for a tag or author spelled in several ways: the most used, then the first. */
export function preferredSpelling(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [label, count] of spellings) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}
