/**
 * The contract's slug rule, shared by tags and authors:
 * NFKD, strip combining marks, recompose with NFC (so Hangul stays in syllables), lower-case,
 * runs of anything that is not a letter or digit become one "-", trimmed at both ends.
 */
export function slugify(label: string): string {
  let slug = slugs.get(label);
  if (slug === undefined) {
    slug = foldText(label)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
    // A newsroom has a few thousand labels, each slugified for every article that carries it, several times a
    // compile (a second at 100,000 articles). The bound keeps hostile content from growing the memo without end.
    if (slugs.size >= MAX_REMEMBERED_SLUGS) slugs.clear();
    slugs.set(label, slug);
  }
  return slug;
}

const MAX_REMEMBERED_SLUGS = 50_000;
const slugs = new Map<string, string>();

/**
 * Text as slugs and search compare it: NFKD, combining marks removed, recomposed with NFC (so Hangul stays in
 * syllables), lower case. "Séoul" and "SEOUL" fold alike; "평양" stays "평양".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** The id pattern of the contract; ids and aliases are URL-safe as they are. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The longest slug, in bytes of UTF-8. A slug names folders and files of the built site (`tags/{slug}/index.html`,
 * `data/facets/{slug}.json`), and file systems limit a name to 255 bytes (ext4, XFS, Btrfs, ZFS, APFS) or 255
 * UTF-16 units (NTFS, exFAT), eCryptfs to 143: 128 + ".json" stays under all of them, with room to spare.
 */
export const MAX_SLUG_BYTES = 128;

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Device names Windows reserves in any case and with any extension (`con`, `con.json`): a file so named cannot be
 * created or served there.
 */
export function isReservedFileName(name: string): boolean {
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i.test(name);
}

/**
 * A slug as a file system that ignores case (Windows, macOS) compares it, near enough: upper-casing first also folds
 * `ς`/`σ`, `ß`/`ss` and `ı`/`i`. Two slugs that fold alike would be one folder there.
 */
export function foldedName(slug: string): string {
  return slug.toUpperCase().toLowerCase().normalize('NFC');
}
