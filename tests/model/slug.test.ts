// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, slugify } from '../../src/model/slug.ts';

describe('slugify', () => {
  it.each([
    ['US-South Korea-Japan drills', 'us-south-korea-japan-drills'],
    ['Kim Jong Un', 'kim-jong-un'],
    ['Séoul', 'seoul'],
    ['평양', '평양'],
  ])('follows the contract example %j → %j', (label, slug) => {
    expect(slugify(label)).toBe(slug);
  });

  it('keeps Hangul as syllables, not decomposed jamo', () => {
    const slug = slugify('평양');
    expect(slug).toHaveLength(2);
    expect(slug.normalize('NFC')).toBe(slug);
  });

  it('removes combining marks, whether precomposed or decomposed', () => {
    expect(slugify('Café Crème')).toBe('cafe-creme');
    expect(slugify('Cafe\u0301')).toBe('cafe');
    expect(slugify('Zürich Ångström')).toBe('zurich-angstrom');
    expect(slugify('Łódź')).toBe('łodz');
  });

  it('applies compatibility decomposition (NFKD)', () => {
    expect(slugify('ﬁnance')).toBe('finance');
    expect(slugify('Ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth');
    expect(slugify('Ⅻ')).toBe('xii');
  });

  it('lower-cases letters of any script', () => {
    expect(slugify('ΑΘΗΝΑ')).toBe('αθηνα');
    expect(slugify('МОСКВА')).toBe('москва');
  });

  it('keeps digits of any script', () => {
    expect(slugify('G7 summit 2025')).toBe('g7-summit-2025');
    expect(slugify('٣ days')).toBe('٣-days');
  });

  it('replaces every run of non-letters and non-digits with one hyphen', () => {
    expect(slugify('a!!!b')).toBe('a-b');
    expect(slugify('a — b')).toBe('a-b');
    expect(slugify('a---b')).toBe('a-b');
    expect(slugify('a_b.c/d')).toBe('a-b-c-d');
    expect(slugify('Russia\'s "war"')).toBe('russia-s-war');
    expect(slugify('a\t\n b')).toBe('a-b');
  });

  it('trims hyphens from both ends', () => {
    expect(slugify('  North Korea  ')).toBe('north-korea');
    expect(slugify('--a--')).toBe('a');
    expect(slugify('¡Hola!')).toBe('hola');
    expect(slugify('(2025)')).toBe('2025');
  });

  it.each(['', '   ', '!!!', '---', '🙂🙂', '\u0301'])('gives an empty slug for %j', (label) => {
    expect(slugify(label)).toBe('');
  });

  it('gives the same slug for labels that differ in case, accents and punctuation', () => {
    const spellings = ['North Korea', 'north-korea', 'NORTH  KOREA', 'North_Korea!', 'nórth korea'];
    expect(new Set(spellings.map(slugify))).toEqual(new Set(['north-korea']));
  });

  it('is idempotent, never starts or ends with a hyphen and never has two in a row', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (label) => {
        const slug = slugify(label);
        expect(slugify(slug)).toBe(slug);
        expect(slug).not.toMatch(/^-|-$|--/);
      }),
    );
  });

  it('makes ASCII labels into valid ids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (label) => {
        const slug = slugify(label);
        if (slug !== '') expect(slug).toMatch(ID_PATTERN);
      }),
    );
  });
});

describe('ID_PATTERN', () => {
  it('matches lower-case words joined by single hyphens', () => {
    expect(ID_PATTERN.test('my-article-2')).toBe(true);
    expect(ID_PATTERN.test('my--article')).toBe(false);
    expect(ID_PATTERN.test('My-article')).toBe(false);
    expect(ID_PATTERN.test('-a')).toBe(false);
    expect(ID_PATTERN.test('')).toBe(false);
  });
});
