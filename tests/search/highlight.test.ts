import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/search/analyze';
import { EXCERPT_LENGTH, excerpt, highlight } from '../../src/search/highlight';

const terms = (...words: string[]) => new Set(words.map(termOf));
const marked = (segments: { text: string; match: boolean }[]) =>
  segments.filter((segment) => segment.match).map((segment) => segment.text);
const joined = (segments: { text: string }[]) => segments.map((segment) => segment.text).join('');

describe('highlighting', () => {
  it('marks every word whose term is asked for, as written in the text', () => {
    const segments = highlight('Two bridges, one Bridge and a bride in Séoul.', terms('bridge', 'seoul'));
    expect(marked(segments)).toEqual(['bridges', 'Bridge', 'Séoul']);
    expect(joined(segments)).toBe('Two bridges, one Bridge and a bride in Séoul.');
  });

  it('marks Korean words as written', () => {
    expect(marked(highlight('평양과 평양 그리고 원산', terms('평양')))).toEqual(['평양']);
  });

  it('keeps markup in the text as text: segments are strings, never HTML', () => {
    const segments = highlight('<b>bridge</b> & <script>', terms('bridge'));
    expect(joined(segments)).toBe('<b>bridge</b> & <script>');
    expect(marked(segments)).toEqual(['bridge']);
  });

  it('cuts a short stretch around the first match, at word boundaries, with ellipses', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20);
    const text = `${filler}the harbour wall opened ${filler}`;
    const segments = excerpt([text], terms('harbour'));
    const shown = joined(segments);
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(shown.length).toBeLessThan(EXCERPT_LENGTH + 80);
    expect(marked(segments)).toEqual(['harbour']);
    expect(shown).toMatch(/… (lorem|ipsum|dolor|sit|amet) /);
  });

  it('starts at a match at the very start, and at the match when the word before it reaches too far back', () => {
    expect(excerpt(['harbour at the start of a text'], terms('harbour'))).toEqual([
      { text: 'harbour', match: true },
      { text: ' at the start of a text', match: false },
    ]);
    // The long word before the match starts 121 characters before it: more than twice the lead-in.
    expect(excerpt([`a ${'y'.repeat(120)} harbour wall`], terms('harbour'))).toEqual([
      { text: '… ', match: false },
      { text: 'harbour', match: true },
      { text: ' wall', match: false },
    ]);
  });

  it('takes the next text when the first has no match, and the start unmarked when none has', () => {
    expect(marked(excerpt(['nothing here', 'the bridges of Velmora'], terms('bridge')))).toEqual(['bridges']);
    const none = excerpt(['nothing here at all', 'nor here'], terms('bridge'));
    expect(marked(none)).toEqual([]);
    expect(joined(none)).toBe('nothing here at all');
  });
});
