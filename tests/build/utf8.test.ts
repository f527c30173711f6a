// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../build/utf8.ts';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Bytes with structure: pieces of real UTF-8 (all planes) mixed with arbitrary bytes. */
const mixedBytes = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text)),
      fc.uint8Array({ maxLength: 4 }),
    ),
    {
      maxLength: 8,
    },
  )
  .map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));

describe('firstInvalidUtf8', () => {
  it('agrees with the WHATWG decoder: -1 exactly when the bytes decode, else the first bad sequence', () => {
    fc.assert(
      fc.property(mixedBytes, (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset >= 0) {
          expect(decodes(bytes.subarray(0, offset))).toBe(true);
          expect(decodes(bytes.subarray(offset))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['an overlong NUL', [0x41, 0xc0, 0x80], 1],
    ['a surrogate', [0x41, 0x42, 0xed, 0xa0, 0x80], 2],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a lone continuation byte', [0x80], 0],
    ['a sequence cut short at the end', [0x61, 0xe2, 0x82], 1],
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
  ])('finds %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});

describe('decodeUtf8', () => {
  it('strips a byte order mark and keeps everything else', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toEqual({ ok: true, text: '{}' });
    expect(decodeUtf8(new TextEncoder().encode('평양 · Séoul'))).toEqual({ ok: true, text: '평양 · Séoul' });
  });

  it('names the byte, its offset and its line', () => {
    expect(decodeUtf8(Uint8Array.from([0x7b, 0x0a, 0x0a, 0x22, 0xe9, 0x22]))).toEqual({
      ok: false,
      reason:
        'is not valid UTF-8: byte 0xE9 at offset 4 (line 3) is not part of a UTF-8 character; save the file as UTF-8',
    });
  });
});
