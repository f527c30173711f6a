/**
 * Excerpts: a short stretch of an article's text around the first words that match a query, cut at word
 * boundaries, as segments marked or not. The page renders them as React elements (<mark>), never as HTML.
 */
import { tokenize } from './analyze.ts';

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
 * A stretch of about EXCERPT_LENGTH characters of the first of `texts` that contains a match, with the matches
 * marked, and an ellipsis where it was cut; the start of the first text, unmarked, when none matches.
 */
export function excerpt(texts: readonly string[], terms: ReadonlySet<string>): Segment[] {
  for (const text of texts) {
    const tokens = tokenize(text);
    const first = tokens.find((token) => terms.has(token.term));
    if (!first) continue;
    // Start at a word boundary before the match, end at one after the length.
    const startToken = [...tokens].reverse().find((token) => token.start <= Math.max(0, first.start - LEAD_IN));
    const start = startToken && first.start - startToken.start <= LEAD_IN * 2 ? startToken.start : first.start;
    const endToken = tokens.find((token) => token.end >= start + EXCERPT_LENGTH);
    const end = endToken ? endToken.end : text.length;
    return withEllipses(highlight(text.slice(start, end), terms), start > 0, end < text.length);
  }
  const [text = ''] = texts;
  const end = tokenize(text).find((token) => token.end >= EXCERPT_LENGTH)?.end ?? text.length;
  return withEllipses([{ text: text.slice(0, end), match: false }], false, end < text.length);
}

function withEllipses(segments: Segment[], before: boolean, after: boolean): Segment[] {
  const out = segments.filter((segment) => segment.text.length > 0);
  if (before) out.unshift({ text: '… ', match: false });
  if (after) out.push({ text: ' …', match: false });
  return out;
}
