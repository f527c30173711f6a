/**
 * Excerpts: a short stretch of an article's text around the first words that match a query, cut at word
 * boundaries, as segments marked or not. The page renders them as React elements (<mark>), never as HTML.
 */
import { tokenize, tokens } from './analyze.ts';

export interface Segment {
  text: string;
  match: boolean;
}

/** About this many characters of text around the first match. */
export const EXCERPT_LENGTH = 180;
/** How much of that comes before the match, so the reader sees what leads up to it. */
const LEAD_IN = 50;

/** `text` cut into segments, the words whose term is in `terms` marked. */
export function highlight(text: string, terms: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const token of tokenize(text)) {
    if (!terms.has(token.term)) continue;
    if (token.start > at) segments.push({ text: text.slice(at, token.start), match: false });
    segments.push({ text: text.slice(token.start, token.end), match: true });
    at = token.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/**
 * Where to cut `text` around its first match: from a word boundary up to LEAD_IN characters before the match (if
 * one is no more than twice that before it), to the end of the first word that reaches EXCERPT_LENGTH characters on.
 * None when `text` has no match. The words are read only as far as that end: a record's text is 1,200 characters,
 * and a search computes ten excerpts while its results are waited for.
 */
function stretchOf(text: string, terms: ReadonlySet<string>): [start: number, end: number] | undefined {
  // Where the words before the first match start: the stretch starts at one of them, or at the match.
  const starts: number[] = [];
  let from: number | undefined;
  for (const token of tokens(text)) {
    if (from === undefined) {
      if (!terms.has(token.term)) {
        starts.push(token.start);
        continue;
      }
      const reach = Math.max(0, token.start - LEAD_IN);
      let lead = token.start <= reach ? token.start : undefined;
      for (let i = starts.length - 1; lead === undefined && i >= 0; i--) {
        const start = starts[i] ?? 0;
        if (start <= reach) lead = start;
      }
      from = lead !== undefined && token.start - lead <= LEAD_IN * 2 ? lead : token.start;
    }
    if (token.end >= from + EXCERPT_LENGTH) return [from, token.end];
  }
  return from === undefined ? undefined : [from, text.length];
}

/**
 * A stretch of about EXCERPT_LENGTH characters of the first of `texts` that contains a match, with the matches
 * marked, and an ellipsis where it was cut; the start of the first text, unmarked, when none matches.
 */
export function excerpt(texts: readonly string[], terms: ReadonlySet<string>): Segment[] {
  for (const text of texts) {
    const stretch = stretchOf(text, terms);
    if (!stretch) continue;
    const [start, end] = stretch;
    return withEllipses(highlight(text.slice(start, end), terms), start > 0, end < text.length);
  }
  const [text = ''] = texts;
  let end = text.length;
  for (const token of tokens(text)) {
    if (token.end < EXCERPT_LENGTH) continue;
    end = token.end;
    break;
  }
  return withEllipses([{ text: text.slice(0, end), match: false }], false, end < text.length);
}

function withEllipses(segments: Segment[], before: boolean, after: boolean): Segment[] {
  const out = segments.filter((segment) => segment.text.length > 0);
  if (before) out.unshift({ text: '… ', match: false });
  if (after) out.push({ text: ' …', match: false });
  return out;
}
