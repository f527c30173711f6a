/**
 * Strict UTF-8 decoding for content files. Node's `readFileSync(path, 'utf8')` replaces every bad byte with
 * U+FFFD, which silently changes what an author wrote; here a bad byte is an error that says where it is.
 */

// Fatal: a bad byte throws instead of becoming U+FFFD. A leading byte order mark is dropped (ignoreBOM: false).
const strict = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode 15, table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF), or -1 when every byte is well formed.
 * TextDecoder says only that decoding failed, not where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const continuation = (at: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[at];
    return byte !== undefined && byte >= low && byte <= high;
  };
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let length = 0;
    if (lead <= 0x7f) length = 1;
    else if (lead >= 0xc2 && lead <= 0xdf) length = continuation(i + 1) ? 2 : 0;
    else if (lead === 0xe0) length = continuation(i + 1, 0xa0) && continuation(i + 2) ? 3 : 0;
    else if (lead === 0xed) length = continuation(i + 1, 0x80, 0x9f) && continuation(i + 2) ? 3 : 0;
    else if (lead >= 0xe1 && lead <= 0xef) length = continuation(i + 1) && continuation(i + 2) ? 3 : 0;
    else if (lead === 0xf0) length = continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    else if (lead >= 0xf1 && lead <= 0xf3)
      length = continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    else if (lead === 0xf4)
      length = continuation(i + 1, 0x80, 0x8f) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The text of a file, or why it is not UTF-8 (with the byte offset and line of the first bad byte). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { ok: false, reason: 'is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8' };
    }
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason:
        `is not valid UTF-8: byte ${hex(bytes[offset] ?? 0)} at offset ${offset} (line ${lineAt(bytes, offset)}) ` +
        'is not part of a UTF-8 character; save the file as UTF-8',
    };
  }
}
