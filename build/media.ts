/**
 * Images that are what they claim. A `src` names a file in the content folder; its bytes, not its
 * name, must be a supported image (JPEG, PNG, WebP, AVIF, GIF or a safe SVG), its name must end in
 * that type's extension (static hosts pick the Content-Type from the name), and a raster image must
 * decode, since the build resizes it. Served media (dev server and build) are read only through
 * `readMedia`, which applies the same checks to the bytes it returns.
 *
 * The type is sniffed by `file-type` (signatures of binary formats); it leaves text formats alone, so
 * an SVG is recognised by parsing it (svgSafety.ts). Decoding is sharp's, the library that resizes.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describeFsError, locateFile, openContentRoot, type ContentRoot } from './contentFiles.ts';
import { checkSvg } from './svgSafety.ts';
import { decodeUtf8 } from './utf8.ts';

type ImageType = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'svg';

const IMAGE_TYPES: Record<ImageType, { name: string; contentType: string; extensions: string[] }> = {
  jpeg: { name: 'JPEG', contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
  png: { name: 'PNG', contentType: 'image/png', extensions: ['.png'] },
  webp: { name: 'WebP', contentType: 'image/webp', extensions: ['.webp'] },
  avif: { name: 'AVIF', contentType: 'image/avif', extensions: ['.avif'] },
  gif: { name: 'GIF', contentType: 'image/gif', extensions: ['.gif'] },
  svg: { name: 'SVG', contentType: 'image/svg+xml', extensions: ['.svg'] },
};

/** file-type's names for the types we publish (an animated PNG is a PNG to browsers and hosts). */
const SNIFFED: Record<string, ImageType> = {
  jpg: 'jpeg',
  png: 'png',
  apng: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

const SUPPORTED = 'JPEG, PNG, WebP, AVIF, GIF or SVG';

/** Larger than any picture a page should carry; reading more could exhaust the build's memory. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** `reason` completes a sentence whose subject is the file, e.g. `is not an image: ...`. */
export type ImageVerdict = { ok: true; type: ImageType } | { ok: false; reason: string };

/** Headers for served media: the sniffed type only, and no script or fetch from an SVG opened on its own. */
export const MEDIA_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
};

/** A short, printable look at the start of a text, so an editor recognises the file. */
function preview(text: string): string {
  const trimmed = text.trim();
  const start = trimmed.slice(0, 40);
  return JSON.stringify(start.length < trimmed.length ? `${start}…` : start);
}

function sharpReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

async function contentType(bytes: Uint8Array): Promise<ImageVerdict> {
  // A view made here, because file-type checks `instanceof Uint8Array`, and a Buffer from another realm
  // (tests under jsdom) fails that check.
  const sniffed = await fileTypeFromBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const raster = sniffed ? SNIFFED[sniffed.ext] : undefined;
  if (raster) return { ok: true, type: raster };
  // file-type reports an XML declaration as `xml`; an SVG may start with one.
  if (sniffed && sniffed.ext !== 'xml') {
    return {
      ok: false,
      reason: `is not a supported image: its bytes are ${sniffed.ext.toUpperCase()} (${sniffed.mime}), not ${SUPPORTED}`,
    };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, reason: `is not a supported image (${SUPPORTED}): its bytes are not one` };
  const svg = checkSvg(decoded.text);
  switch (svg.kind) {
    case 'not-svg':
      return {
        ok: false,
        reason: `is not an image: its bytes are text (it begins ${preview(decoded.text)}), not ${SUPPORTED}`,
      };
    case 'malformed':
      return { ok: false, reason: `is an SVG that ${svg.reason}` };
    case 'svg': {
      if (svg.findings.length === 0) return { ok: true, type: 'svg' };
      const listed = svg.findings.slice(0, 4).join(', ');
      const more = svg.findings.length > 4 ? ` and ${svg.findings.length - 4} more` : '';
      return {
        ok: false,
        reason:
          `is an SVG that contains ${listed}${more}; a published SVG must be a drawing only ` +
          '(no script, event handlers, <foreignObject>, javascript: links or references to other files or sites)',
      };
    }
  }
}

/** Whether bytes are a publishable image whose name (the `src`) agrees with its type. */
async function verifyImageBytes(bytes: Uint8Array, src: string): Promise<ImageVerdict> {
  const verdict = await contentType(bytes);
  if (!verdict.ok) return verdict;
  const type = IMAGE_TYPES[verdict.type];
  const extension = extname(src).toLowerCase();
  if (!type.extensions.includes(extension)) {
    return {
      ok: false,
      reason: `is a ${type.name} image, but its name ends in "${extname(src)}"; rename it to end in ${type.extensions.join(' or ')}`,
    };
  }
  if (verdict.type !== 'svg') {
    try {
      // Every byte decoded, as the build's resizing does (a header alone can hide a truncated or corrupt body),
      // but into a thumbnail: JPEG and WebP then decode at reduced scale, 7-14 times faster than in full.
      await sharp(bytes).resize({ width: 64, withoutEnlargement: true }).raw().toBuffer();
    } catch (error) {
      return { ok: false, reason: `cannot be decoded as a ${type.name} image (${sharpReason(error)})` };
    }
  }
  return verdict;
}

/** Verdicts by real path, kept while the file is unchanged, so the dev server re-checks only edited images. */
const verdicts = new Map<string, { stamp: string; verdict: ImageVerdict }>();
const stampOf = (stats: { size: number; mtimeMs: number; ino: number }) =>
  `${stats.size}:${stats.mtimeMs}:${stats.ino}`;

export class MediaError extends Error {
  readonly reason: string;
  constructor(src: string, reason: string) {
    super(`image file "${src}" ${reason}`);
    this.name = 'MediaError';
    this.reason = reason;
  }
}

export interface MediaFile {
  bytes: Buffer;
  type: ImageType;
  contentType: string;
}

/**
 * The one way media are read for publishing: resolved inside the content folder, read once, and checked
 * (type, name, decoding) on the very bytes returned. Throws MediaError, whose message is a sentence.
 */
export async function readMedia(contentDir: string, src: string): Promise<MediaFile> {
  const root = openContentRoot(contentDir);
  if (!('real' in root)) throw new MediaError(src, `cannot be read: ${root.message}`);
  return readFromRoot(root, src);
}

async function readFromRoot(root: ContentRoot, src: string): Promise<MediaFile> {
  const located = locateFile(root, src);
  if (located.kind === 'missing') throw new MediaError(src, 'does not exist in the content folder');
  if (located.kind === 'problem') throw new MediaError(src, located.reason);
  let read: { bytes: Buffer; stamp: string } | { reason: string; stamp: string };
  try {
    const handle = await open(located.real, 'r');
    try {
      const stats = await handle.stat();
      read =
        stats.size > MAX_IMAGE_BYTES
          ? {
              reason: `is ${Math.round(stats.size / 1024 / 1024)} MB; an image may be at most 50 MB`,
              stamp: stampOf(stats),
            }
          : { bytes: await handle.readFile(), stamp: stampOf(stats) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new MediaError(src, describeFsError(error));
  }
  const cached = verdicts.get(located.real);
  const verdict: ImageVerdict =
    cached?.stamp === read.stamp
      ? cached.verdict
      : 'reason' in read
        ? { ok: false, reason: read.reason }
        : await verifyImageBytes(read.bytes, src);
  verdicts.set(located.real, { stamp: read.stamp, verdict });
  if (!verdict.ok) throw new MediaError(src, verdict.reason);
  if ('reason' in read) throw new MediaError(src, read.reason);
  return { bytes: read.bytes, type: verdict.type, contentType: IMAGE_TYPES[verdict.type].contentType };
}

/**
 * The verdict on a located file if it is known and the file unchanged since; undefined when it must be
 * verified (verifyImages). The compiler is synchronous: it asks this, and load.ts verifies what it could not answer.
 */
export function knownVerdict(real: string, stats: { size: number; mtimeMs: number; ino: number }) {
  const cached = verdicts.get(real);
  return cached?.stamp === stampOf(stats) ? cached.verdict : undefined;
}

/** Verdicts on images by `src`, a few at a time (sharp decodes on libuv's small thread pool). */
export async function verifyImages(root: ContentRoot, srcs: Iterable<string>, concurrency = 4) {
  const queue = [...srcs];
  const results = new Map<string, ImageVerdict>();
  const worker = async () => {
    for (let src = queue.shift(); src !== undefined; src = queue.shift()) {
      try {
        results.set(src, { ok: true, type: (await readFromRoot(root, src)).type });
      } catch (error) {
        if (!(error instanceof MediaError)) throw error;
        results.set(src, { ok: false, reason: error.reason });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return results;
}

/** A WebP copy of a raster image at a given width (never enlarged). */
export function resizedWebp(image: Buffer, width: number): Promise<Buffer> {
  return sharp(image).resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
}
