// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readingMinutes, sectionAnchors, wordCount } from '../../src/model/reading.ts';
import type { Section } from '../../src/model/schema.ts';

const paragraph = (text: string): Section => ({ blocks: [{ type: 'paragraph', text }] });

describe('wordCount', () => {
  it('counts the words of the headline, standfirst, headings and every kind of block', () => {
    expect(
      wordCount({
        headline: 'One two',
        standfirst: 'three four',
        sections: [
          {
            heading: 'five',
            blocks: [
              { type: 'paragraph', text: 'six seven' },
              { type: 'quote', text: 'eight', attribution: 'not counted' },
              { type: 'list', items: ['nine', 'ten eleven'] },
              { type: 'image', src: 'a.svg', alt: 'alt not counted', caption: 'twelve', width: 1, height: 1 },
              { type: 'image', src: 'b.svg', alt: 'no caption', width: 1, height: 1 },
            ],
          },
          paragraph('thirteen'),
        ],
      }),
    ).toBe(13);
  });

  it('counts words, not markup', () => {
    expect(wordCount({ headline: 'H', sections: [paragraph('*a* **b** [c d](https://example.com/x/y/z)')] })).toBe(5);
  });

  it('treats hyphenated words and apostrophes as one word', () => {
    expect(wordCount({ headline: "Don't stop", sections: [paragraph('well-known north’s')] })).toBe(4);
  });

  it('counts numbers and words in any script, not punctuation', () => {
    expect(wordCount({ headline: '평양 2025 Séoul', sections: [paragraph('— ! , …')] })).toBe(3);
  });

  it('is zero for an article of punctuation only', () => {
    expect(wordCount({ headline: '!!!', sections: [paragraph('...')] })).toBe(0);
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [1, 1],
    [230, 1],
    [344, 1],
    [345, 2],
    [460, 2],
    [2300, 10],
  ])('%i words take %i minute(s)', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});

describe('sectionAnchors', () => {
  it('slugs headings and suffixes repeats with -2, -3', () => {
    expect(sectionAnchors([{ heading: 'Intro' }, { heading: 'Intro' }, { heading: 'intro!' }])).toEqual([
      'intro',
      'intro-2',
      'intro-3',
    ]);
  });

  it('gives no anchor to a section without a heading, without using up a number', () => {
    expect(sectionAnchors([{}, { heading: 'Why it matters' }, {}, { heading: 'Why it matters' }])).toEqual([
      undefined,
      'why-it-matters',
      undefined,
      'why-it-matters-2',
    ]);
  });

  it('keeps anchors unique when a heading looks like a suffixed one', () => {
    const anchors = sectionAnchors([{ heading: 'Intro' }, { heading: 'Intro 2' }, { heading: 'Intro' }]);
    expect(anchors).toEqual(['intro', 'intro-2', 'intro-3']);
    expect(new Set(anchors).size).toBe(3);
  });

  it('uses "section" for a heading with no letters or digits, and non-Latin slugs as they are', () => {
    expect(sectionAnchors([{ heading: '!!!' }, { heading: '???' }, { heading: '평양' }])).toEqual([
      'section',
      'section-2',
      '평양',
    ]);
  });

  it('gives nothing for no sections', () => {
    expect(sectionAnchors([])).toEqual([]);
  });
});
