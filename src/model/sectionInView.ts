/**
 * Which section a reader is in: the last section heading that has scrolled above the upper third of the window
 * (where eyes rest when reading). None while the reader is still above the first heading.
 */
export function sectionInView(
  headings: readonly { id: string; top: number }[],
  viewportHeight: number,
): string | undefined {
  let current: string | undefined;
  for (const { id, top } of headings) if (top <= viewportHeight / 3) current = id;
  return current;
}
