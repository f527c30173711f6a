/**
 * Writes the new site into the staging folder, reusing what the published site already holds: a file whose new
 * bytes hash the same as the ones the last build wrote, and which is still as that build left it, is hard-linked
 * from the published folder instead of written. Linking costs no copy, so an incremental build of a large site
 * stages in seconds and the swap stays atomic. Every file is recorded, for the next build and the change list.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashOf, type BuildState, type FileRecord } from './buildState.ts';

/** The record with these inputs, or with none (a record never keeps inputs that did not make its bytes). */
function withInputs({ inputs: _old, ...record }: FileRecord, inputs: string | undefined): FileRecord {
  return inputs === undefined ? record : { ...record, inputs };
}

export class OutputWriter {
  readonly files = new Map<string, FileRecord>();
  private readonly folders = new Set<string>();
  written = 0;
  reused = 0;

  private readonly staging: string;
  private readonly published: string;
  /** The last build's files, or undefined for a cold build. */
  private readonly previous: BuildState['files'] | undefined;

  constructor(staging: string, published: string, previous: BuildState['files'] | undefined) {
    this.staging = staging;
    this.published = published;
    this.previous = previous;
  }

  /** The last build's record of `file`, when the published copy is still exactly that file. */
  private intact(file: string): FileRecord | undefined {
    const record = this.previous?.[file];
    if (!record) return undefined;
    try {
      const stats = statSync(join(this.published, file));
      return stats.isFile() && stats.size === record.size && stats.mtimeMs === record.mtimeMs ? record : undefined;
    } catch {
      return undefined;
    }
  }

  private folderFor(path: string) {
    const folder = dirname(path);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
  }

  /** Whether the published copy of `file` is intact and (if given) has the hash `hash`. */
  canReuse(file: string, hash?: string): boolean {
    const record = this.intact(file);
    return !!record && (hash === undefined || record.hash === hash);
  }

  /** Links the published copy of `file` when it is intact and (if given) has the hash `hash`. */
  reuse(file: string, hash?: string): boolean {
    const record = this.intact(file);
    if (!record || (hash !== undefined && record.hash !== hash)) return false;
    this.link(file, record);
    return true;
  }

  /**
   * Links the published copy of `file` when the last build made it from the same `inputs` and it is intact: the
   * caller need not make it at all. Only for a build of the same code as the last one (the inputs do not say how).
   */
  reuseMade(file: string, inputs: string): boolean {
    const record = this.intact(file);
    if (!record || record.inputs !== inputs) return false;
    this.link(file, record);
    return true;
  }

  private link(file: string, record: FileRecord) {
    const to = join(this.staging, file);
    this.folderFor(to);
    if (this.files.has(file)) rmSync(to);
    try {
      linkSync(join(this.published, file), to);
      // A link is the same file: its size and time are the record's, checked a moment ago.
      this.files.set(file, record);
    } catch {
      // Another file system (or no hard links there): a copy has the same bytes, and a time of its own.
      copyFileSync(join(this.published, file), to);
      const stats = statSync(to);
      this.files.set(file, { ...record, size: stats.size, mtimeMs: stats.mtimeMs });
    }
    this.reused++;
  }

  /**
   * Writes `bytes` as `file`, unless the published copy already holds them. `inputs`: what they were made from
   * (see `reuseMade`), kept for the next build.
   */
  write(file: string, bytes: string | Buffer, inputs?: string): void {
    const hash = hashOf(bytes);
    if (this.reuse(file, hash)) {
      const record = this.files.get(file);
      if (record && record.inputs !== inputs) this.files.set(file, withInputs(record, inputs));
      return;
    }
    const to = join(this.staging, file);
    this.folderFor(to);
    // Never write through a link into the published site: a file staged already is replaced, not overwritten.
    if (this.files.has(file)) rmSync(to);
    writeFileSync(to, bytes);
    this.recordWritten(file, hash, inputs);
  }

  /** Records a file someone else wrote into the staging folder (the bundler, a prerender worker). */
  recordWritten(file: string, hash: string, inputs?: string): void {
    const stats = statSync(join(this.staging, file));
    this.files.set(file, withInputs({ hash, size: stats.size, mtimeMs: stats.mtimeMs }, inputs));
    this.written++;
  }

  hashOf(file: string): string | undefined {
    return this.files.get(file)?.hash;
  }
}

export interface Changes {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What a sync of the published site must upload and delete: the files added, changed and removed since the last build. */
export function changesSince(previous: BuildState['files'] | undefined, now: ReadonlyMap<string, FileRecord>): Changes {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [file, record] of now) {
    const before = previous?.[file];
    if (!before) added.push(file);
    else if (before.hash !== record.hash) changed.push(file);
  }
  const removed = Object.keys(previous ?? {}).filter((file) => !now.has(file));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}
