/**
 * What a build leaves for the next one, beside the project (node_modules/.cache, never published): the code it was
 * built with, every file it wrote with its hash, size and modification time, and for each prerendered page the
 * documents it read. The next build of the same code reuses a file only when its inputs hash the same and the
 * published copy is still the one this build wrote (same size and modification time); anything else is made again.
 * A state that is missing, unreadable or of another shape is discarded, never trusted.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const FileRecord = z.object({
  hash: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  /** A hash of what the file was made from, when its maker could tell (compile/types.ts Emitted). */
  inputs: z.string().optional(),
});
export type FileRecord = z.infer<typeof FileRecord>;

const BuildState = z.object({
  version: z.literal(1),
  codeKey: z.string(),
  /** Every file of the published site (relative, forward slashes) as this build wrote it. */
  files: z.record(z.string(), FileRecord),
  /** For each prerendered page (its file), the documents (their files) it read while rendering. */
  pages: z.record(z.string(), z.array(z.string())),
  /** For each image of the content folder, the hash of its bytes when its files were made. */
  media: z.record(z.string(), z.string()),
});
export type BuildState = z.infer<typeof BuildState>;

export const hashOf = (bytes: string | Buffer) => createHash('sha1').update(bytes).digest('hex');

/** Where the state of the build published at `target` is kept. */
export function statePath(root: string, target: string): string {
  const key = createHash('sha256').update(resolve(target)).digest('hex').slice(0, 12);
  return join(root, 'node_modules/.cache/broadsheet-builds', `${basename(target)}-${key}.json`);
}

export function readState(path: string): BuildState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = BuildState.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `text` to a temporary file renamed into place, so a process killed meanwhile leaves the old file or none. */
export function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export function writeState(path: string, state: BuildState): void {
  writeWhole(path, JSON.stringify(state));
}

export function forgetState(path: string): void {
  rmSync(path, { force: true });
}
