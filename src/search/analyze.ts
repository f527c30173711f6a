/**
 * How text becomes search terms, the same for the index build and for a reader's query: words are runs of
 * letters and digits in any script; each is folded like a slug (case, accents and Unicode forms do not count), and
 * a word of plain Latin letters is reduced to its English stem (Porter), so "Bridges" and "bridge" are one term.
 * Other scripts match as written. Pure: used by the build (Node) and the browser.
 */
import { stemmer } from 'stemmer';
import { foldText } from '../model/slug.ts';

/** A word of the text, where it is, and the term it is indexed or searched under. */
export interface Token {
  start: number;
  end: number;
  term: string;
}

/** Combining marks stay inside a word, so a decomposed "é" does not split "Séoul". */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const LATIN = /^[a-z]+$/;
/** Longer runs are not words a reader types (hashes, URLs run together); they are cut to this many characters. */
const MAX_TERM_LENGTH = 40;

/** Terms by the word as written: a newsroom repeats its words, and folding (three Unicode normalisations) is the cost. */
const terms = new Map<string, string>();
const TERM_CACHE_LIMIT = 200_000;

function analyze(word: string): string {
  const folded = foldText(word).slice(0, MAX_TERM_LENGTH);
  return LATIN.test(folded) ? stemmer(folded) : folded;
}

/** The term for one word: folded, then stemmed when it is a plain Latin word. */
export function termOf(word: string): string {
  let term = terms.get(word);
  if (term === undefined) {
    term = analyze(word);
    // The build meets every word of the newsroom: the cache is bounded so memory is too.
    if (terms.size >= TERM_CACHE_LIMIT) terms.clear();
    terms.set(word, term);
  }
  return term;
}

/** Calls `each` with every word of `text` as written, in order (the index build maps words to terms itself). */
export function eachWord(text: string, each: (word: string) => void): void {
  for (const match of text.matchAll(WORD)) each(match[0]);
}

/** Every word of `text` with its position and term, in order, one at a time (so a reader can stop early). */
export function* tokens(text: string): Generator<Token> {
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term) yield { start: match.index, end: match.index + match[0].length, term };
  }
}

/** Every word of `text` with its position and term, in order. */
export function tokenize(text: string): Token[] {
  return [...tokens(text)];
}

/** The distinct terms of `text`, in order of first use. */
export function termsOf(text: string): string[] {
  return [...new Set(tokenize(text).map((token) => token.term))];
}
