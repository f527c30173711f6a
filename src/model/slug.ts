/**
 * The contract's slug rule, shared by tags and authors:
 * NFKD, strip combining marks, recompose with NFC (so Hangul stays in syllables), lower-case,
 * runs of anything that is not a letter or digit become one "-", trimmed at both ends.
 */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id pattern of the contract; ids and aliases are URL-safe as they are. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
