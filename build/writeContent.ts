/**
 * The content's images in the built site, under /media (with WebP copies of raster images at each responsive
 * width), compared by the hash of their source bytes, so an incremental build writes only what changed. (The
 * documents under /data are written by the compile as it makes them: siteBuild.ts.)
 */
import { RESPONSIVE_WIDTHS, isResponsive, variantPath } from '../src/model/images.ts';
import { mediaUrl } from '../src/model/paths.ts';
import { ContentError } from './contentError.ts';
import { hashOf } from './incremental/buildState.ts';
import { MediaError, readMedia, resizedWebp } from './media.ts';
import type { CompileOutput } from './compile.ts';
import type { OutputWriter } from './incremental/outputWriter.ts';

/**
 * Writes each image and its WebP copies. `previous` is what the last build of the same code made of each source
 * (its bytes' hash); an image whose bytes are unchanged, and whose files are still as published, is linked.
 * Returns the hash of each source, for the next build.
 */
export async function writeMedia(
  media: CompileOutput['media'],
  contentDir: string,
  writer: OutputWriter,
  previous: Record<string, string> | undefined,
): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const [path, src] of media) {
    let image: Buffer;
    try {
      ({ bytes: image } = await readMedia(contentDir, src));
    } catch (error) {
      // Checked by the compile; a file changed since is reported as a problem line of its own.
      if (!(error instanceof MediaError)) throw error;
      const line = `${src}: (root): ${error.reason}`;
      console.error(line);
      throw new ContentError([line]);
    }
    const hash = hashOf(image);
    hashes[src] = hash;
    const file = path.slice(1);
    // Every width is made (never enlarged), so whatever width the article declares, each srcset entry exists.
    const variants = isResponsive(src)
      ? RESPONSIVE_WIDTHS.map((width) => ({
          width,
          file: decodeURIComponent(mediaUrl(variantPath(src, width))).slice(1),
        }))
      : [];
    const files = [file, ...variants.map((variant) => variant.file)];
    if (previous?.[src] === hash && files.every((f) => writer.canReuse(f))) {
      files.forEach((f) => writer.reuse(f));
      continue;
    }
    writer.write(file, image);
    for (const variant of variants) writer.write(variant.file, await resizedWebp(image, variant.width));
  }
  return hashes;
}
