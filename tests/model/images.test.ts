// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isResponsive, parseVariantPath, variantPath, variantWidths, webpSrcSet } from '../../src/model/images.ts';

describe('responsive images', () => {
  it('makes variants of raster images only, never of SVGs or remote images', () => {
    expect(isResponsive('images/a.jpg')).toBe(true);
    expect(isResponsive('images/a.PNG')).toBe(true);
    expect(isResponsive('images/a.svg')).toBe(false);
    expect(isResponsive('https://example.org/a.jpg')).toBe(false);
  });

  it('offers only widths smaller than the original', () => {
    expect(variantWidths(2000)).toEqual([480, 960, 1600]);
    expect(variantWidths(960)).toEqual([480]);
    expect(variantWidths(300)).toEqual([]);
  });

  it('names variants after the original, and reads the names back', () => {
    expect(variantPath('images/a b.jpg', 480)).toBe('images/a b.jpg.480w.webp');
    expect(parseVariantPath('images/a b.jpg.480w.webp')).toEqual({ src: 'images/a b.jpg', width: 480 });
    expect(parseVariantPath('images/a.svg.480w.webp')).toBeUndefined();
    expect(parseVariantPath('images/a.jpg.500w.webp')).toBeUndefined();
  });

  it('writes a srcset with encoded URLs and widths', () => {
    expect(webpSrcSet({ src: 'images/a b.jpg', width: 1000 })).toBe(
      '/media/images/a%20b.jpg.480w.webp 480w, /media/images/a%20b.jpg.960w.webp 960w',
    );
    expect(webpSrcSet({ src: 'images/a.svg', width: 1000 })).toBe('');
  });
});
