/**
 * What a build leaves for the next one, beside the project (node_modules/.cache, never published): the code it was
 * built with, every file it wrote with its hash, size and modification time, and for each prerendered page the
 * documents it read. The next build of the same code reuses a file only when its inputs hash the same and the
 * published copy is still the one this build wrote (same size and modification time); anything else is made again.
 * A state that is missing, damaged or of another format is discarded, never trusted (checkedFile.ts).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readChecked, writeChecked } from './checkedFile.ts';
import type { CorpusSummary } from './articleChanges.ts';

export { hashOf } from './checkedFile.ts';

export interface FileRecord {
  hash: string;
  size: number;
  mtimeMs: number;
  /** A hash of what the file was made from, when its maker could tell (compile/types.ts Emitted). */
  inputs?: string;
}

export interface BuildState {
  version: 1;
  codeKey: string;
  /** Every file of the published site (relative, forward slashes) as this build wrote it. */
  files: Record<string, FileRecord>;
  /** For each prerendered page (its file), the documents (their files) it read while rendering. */
  pages: Record<string, string[]>;
  /** For each image of the content folder, the hash of its bytes when its files were made. */
  media: Record<string, string>;
  /** What the next build needs to know of the articles (incremental/articleChanges.ts). */
  corpus?: CorpusSummary;
  /**
   * The site this build replaced, kept beside the output as `<out>.spare` (outputFolder.ts) and marked with `token`:
   * the last build's files, but for those this build `changed` (added ones it does not have).
   */
  spare?: { token: string; changed: string[] };
}

/** The format of the state file; a file of another format is discarded, as a damaged one is (checkedFile.ts). */
const FORMAT = 'build-state-3';

/** Where the state of the build published at `target` is kept. */
export function statePath(root: string, target: string): string {
  const key = createHash('sha256').update(resolve(target)).digest('hex').slice(0, 12);
  return join(root, 'node_modules/.cache/broadsheet-builds', `${basename(target)}-${key}.json`);
}

export function readState(path: string): BuildState | undefined {
  const checked = readChecked(path, FORMAT);
  if (!checked) return undefined;
  try {
    return JSON.parse(checked.body) as BuildState;
  } catch {
    return undefined;
  }
}

export function writeState(path: string, state: BuildState): void {
  writeChecked(path, FORMAT, JSON.stringify(state));
}

export function forgetState(path: string): void {
  rmSync(path, { force: true });
}
