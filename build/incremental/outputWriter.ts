/**
 * Writes the new site into the staging folder, reusing what the published site already holds: a file whose new
 * bytes hash the same as the ones the last build wrote, and which is still as that build left it, is hard-linked
 * from the published folder instead of written. Linking costs no copy, so an incremental build of a large site
 * stages in seconds and the swap stays atomic. Every file is recorded, for the next build and the change list.
 *
 * Or the staging folder is the site the last build replaced (its spare, outputFolder.ts), brought up to date in
 * place: a file it already holds as the last build published it is left where it is, with no link and no folder
 * made; anything else is replaced (never written through: a kept file may be a link to the published one), and
 * what the new site does not have is removed (`sweep`).
 */
import { copyFileSync, linkSync, mkdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashOf, type BuildState, type FileRecord } from './buildState.ts';
import type { Listing } from './listFiles.ts';

/** The spare as a build takes it over (outputFolder.ts takeSpare). */
export interface Spare {
  /** Every file it held when the build began (listFiles.ts). */
  listing: Listing;
  /** The files the last build changed: the spare holds their older version. */
  stale: ReadonlySet<string>;
}

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
  /** When the staging folder is the spare: what it holds, and which of its files the last build changed. */
  private readonly spare: Spare | undefined;

  constructor(staging: string, published: string, previous: BuildState['files'] | undefined, spare?: Spare) {
    this.staging = staging;
    this.published = published;
    this.previous = previous;
    this.spare = previous ? spare : undefined;
  }

  /**
   * The last build's record of `file`, when the staging folder (the spare) holds that very file: not one the last
   * build changed (the spare has the older one), nor one placed there since it was listed, and of the recorded size
   * and time when it was listed.
   */
  private kept(file: string): FileRecord | undefined {
    if (!this.spare || this.spare.stale.has(file) || this.files.has(file)) return undefined;
    const record = this.previous?.[file];
    const listed = this.spare.listing.get(file);
    return record && listed && listed.size === record.size && listed.mtimeMs === record.mtimeMs ? record : undefined;
  }

  /** Takes the last build's copy of `file` when it is intact and `accepts` it: kept in the spare, or linked. */
  private take(file: string, accepts: (record: FileRecord) => boolean): boolean {
    const kept = this.kept(file);
    if (kept && accepts(kept)) {
      this.files.set(file, kept);
      this.reused++;
      return true;
    }
    const record = this.intact(file);
    if (!record || !accepts(record)) return false;
    this.link(file, record);
    return true;
  }

  /** Makes room for `file` in the staging folder: its folder made, and whatever is there removed, never written through. */
  private place(file: string): string {
    const to = join(this.staging, file);
    this.folderFor(to);
    if (this.spare || this.files.has(file)) rmSync(to, { force: true });
    return to;
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

  /** Whether the last build's copy of `file` is intact and (if given) has the hash `hash`. */
  canReuse(file: string, hash?: string): boolean {
    const record = this.kept(file) ?? this.intact(file);
    return !!record && (hash === undefined || record.hash === hash);
  }

  /** Takes the last build's copy of `file` when it is intact and (if given) has the hash `hash`. */
  reuse(file: string, hash?: string): boolean {
    return this.take(file, (record) => hash === undefined || record.hash === hash);
  }

  /**
   * Takes the last build's copy of `file` when that build made it from the same `inputs` and it is intact: the
   * caller need not make it at all. Only for a build of the same code as the last one (the inputs do not say how).
   */
  reuseMade(file: string, inputs: string): boolean {
    return this.take(file, (record) => record.inputs === inputs);
  }

  private link(file: string, record: FileRecord) {
    const to = this.place(file);
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
    // Never write through a link into the published site: a file already there is replaced, not overwritten.
    const to = this.place(file);
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

  /**
   * Removes from the spare every file the new site does not have, except those still to be made (`coming`), and the
   * folders that leaves empty. Returns how many.
   */
  sweep(coming: ReadonlySet<string>): number {
    let removed = 0;
    const folders = new Set<string>();
    for (const file of this.spare?.listing.keys() ?? []) {
      if (this.files.has(file) || coming.has(file)) continue;
      rmSync(join(this.staging, file), { force: true });
      removed++;
      for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(folder);
    }
    // Deepest first, so a folder is tried after the folders inside it.
    for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
      try {
        rmdirSync(join(this.staging, folder));
      } catch {
        // Not empty: it holds files of the new site.
      }
    }
    return removed;
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
