// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sectionInView } from '../../src/model/sectionInView.ts';

describe('the section a reader is in', () => {
  const headings = (tops: number[]) => tops.map((top, i) => ({ id: `s${i}`, top }));

  it('is none above the first heading', () => {
    expect(sectionInView(headings([500, 1400]), 900)).toBeUndefined();
    expect(sectionInView([], 900)).toBeUndefined();
  });

  it('is the last heading that has scrolled above the upper third of the window', () => {
    expect(sectionInView(headings([300, 1400]), 900)).toBe('s0');
    expect(sectionInView(headings([-800, 200, 600]), 900)).toBe('s1');
    expect(sectionInView(headings([-2000, -900, -10]), 900)).toBe('s2');
  });
});
