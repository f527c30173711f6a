/**
 * The search index's postings, written as short strings so a JSON file carries them and gzip squeezes them well:
 * the articles that use a term, as ascending document numbers sent as gaps, each gap a little-endian base-32
 * number in characters of a 64-letter alphabet (the upper half marks a number's last digit); and, beside them,
 * one character per article saying where the term occurs (see `fieldCode`). A term found in every article is a run
 * of one repeated character, which compresses to almost nothing, so no list is larger than its information.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The value of each character code, -1 for a character not in the alphabet. */
const VALUE = new Int8Array(128).fill(-1);
for (let value = 0; value < ALPHABET.length; value++) VALUE[ALPHABET.charCodeAt(value)] = value;
const valueOf = (code: number) => (code < 128 ? (VALUE[code] ?? -1) : -1);

/** Where a term occurs in an article, one bit each, and how often in the body (0–3, capped). */
export interface Fields {
  headline: boolean;
  standfirst: boolean;
  /** A tag, the section or an author's name. */
  label: boolean;
  body: number;
}

export function fieldCode({ headline, standfirst, label, body }: Fields): number {
  return (headline ? 1 : 0) | (standfirst ? 2 : 0) | (label ? 4 : 0) | (Math.min(body, 3) << 3);
}

export function fieldsOf(code: number): Fields {
  return { headline: (code & 1) !== 0, standfirst: (code & 2) !== 0, label: (code & 4) !== 0, body: (code >> 3) & 3 };
}

const CHAR_CODES = [...ALPHABET].map((char) => char.charCodeAt(0));

/** Characters to a string, a slice at a time (a spread of a long list would overflow the stack). */
function charsToString(chars: number[]): string {
  let out = '';
  for (let i = 0; i < chars.length; i += 8192) out += String.fromCharCode(...chars.slice(i, i + 8192));
  return out;
}

export function encodeGaps(documents: ArrayLike<number>): string {
  const chars: number[] = [];
  let previous = -1;
  for (let i = 0; i < documents.length; i++) {
    const document = documents[i] ?? 0;
    let gap = document - previous - 1;
    previous = document;
    while (gap >= 32) {
      chars.push(CHAR_CODES[gap & 31] ?? 0);
      gap = Math.floor(gap / 32);
    }
    chars.push(CHAR_CODES[32 + gap] ?? 0);
  }
  return charsToString(chars);
}

/** The document numbers of `encoded`; undefined when it is not a list this module wrote. */
export function decodeGaps(encoded: string): Int32Array | undefined {
  const documents = new Int32Array(encoded.length);
  let count = 0;
  let previous = -1;
  let gap = 0;
  let scale = 1;
  for (let i = 0; i < encoded.length; i++) {
    const value = valueOf(encoded.charCodeAt(i));
    if (value < 0) return undefined;
    if (value < 32) {
      gap += value * scale;
      scale *= 32;
      if (scale > 2 ** 30) return undefined;
      continue;
    }
    previous += gap + (value - 32) * scale + 1;
    documents[count++] = previous;
    gap = 0;
    scale = 1;
  }
  return scale === 1 ? documents.slice(0, count) : undefined;
}

export function encodeCodes(codes: ArrayLike<number>): string {
  const chars: number[] = [];
  for (let i = 0; i < codes.length; i++) chars.push(CHAR_CODES[(codes[i] ?? 0) & 63] ?? 0);
  return charsToString(chars);
}

export function decodeCodes(encoded: string): Uint8Array | undefined {
  const codes = new Uint8Array(encoded.length);
  for (let i = 0; i < encoded.length; i++) {
    const value = valueOf(encoded.charCodeAt(i));
    if (value < 0) return undefined;
    codes[i] = value;
  }
  return codes;
}

/** FNV-1a over the UTF-16 units of a term: which bucket file holds it, the same in Node and the browser. */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Which of `buckets` bucket files holds `term`. */
export const bucketOf = (term: string, buckets: number) => termHash(term) % buckets;

/** A tag is looked up in the index under its slug with this prefix, which no word can carry. */
export const tagTerm = (slug: string) => `#${slug}`;
