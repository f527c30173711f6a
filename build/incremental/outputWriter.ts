/**
 * Writes the new site into the staging folder, reusing what the published site already holds: a file whose new
 * bytes hash the same as the ones the last build wrote, and which is still as that build left it, is hard-linked
 * from the published folder instead of written. Linking costs no copy, so an incremental build of a large site
 * stages in seconds and the swap stays atomic. Every file is recorded, for the next build and the change list.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashOf, type BuildState, type FileRecord } from './buildState.ts';

/** The record with these inputs, or with none (a record never keeps inputs that did not make its bytes). */
function withInputs({ inputs: _old, ...record }: FileRecord, inputs: string | undefined): FileRecord {
  return inputs === undefined ? record : { ...record, inputs };
}

/** A link queued by `link`, which a later write of the same file supersedes. */
interface QueuedLink {
  file: string;
  record: FileRecord;
  superseded: boolean;
}

/** Links in flight at once: enough to keep the thread pool busy, few enough to hold little memory. */
const LINKS_IN_FLIGHT = 64;

export class OutputWriter {
  readonly files = new Map<string, FileRecord>();
  private readonly folders = new Set<string>();
  written = 0;
  reused = 0;

  /**
   * Links are made off the main thread (libuv's pool), in order, while the build goes on: at 100,000 articles the
   * build links 370,000 unchanged files and makes 110,000 folders, about 13 s of system calls that kept the main
   * thread waiting. Whoever reads the staging folder, and the state's records, waits for `settled` first.
   */
  private readonly queue: QueuedLink[] = [];
  private readonly queued = new Map<string, QueuedLink>();
  private readonly asyncFolders = new Map<string, Promise<unknown>>();
  private inFlight = 0;
  private failure: Error | undefined;
  private drained: (() => void)[] = [];

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
    this.unstage(file);
    // A link is the same file: its size and time are the record's, checked a moment ago.
    this.files.set(file, record);
    this.reused++;
    const queued: QueuedLink = { file, record, superseded: false };
    this.queued.set(file, queued);
    this.queue.push(queued);
    this.pump();
  }

  /** Removes what was staged as `file` before it is staged again, and cancels its link if that has not begun. */
  private unstage(file: string) {
    if (!this.files.has(file)) return;
    const queued = this.queued.get(file);
    if (queued) queued.superseded = true;
    rmSync(join(this.staging, file), { force: true });
  }

  private pump() {
    while (this.inFlight < LINKS_IN_FLIGHT && this.queue.length > 0) {
      const queued = this.queue.shift();
      if (!queued) break;
      this.inFlight++;
      this.linkNow(queued)
        .catch((error: unknown) => (this.failure ??= error instanceof Error ? error : new Error(String(error))))
        .finally(() => {
          this.inFlight--;
          if (this.queued.get(queued.file) === queued) this.queued.delete(queued.file);
          this.pump();
          if (this.inFlight === 0 && this.queue.length === 0) this.drained.splice(0).forEach((done) => done());
        });
    }
  }

  private async linkNow(queued: QueuedLink) {
    if (queued.superseded) return;
    const from = join(this.published, queued.file);
    const to = join(this.staging, queued.file);
    const folder = dirname(to);
    if (!this.folders.has(folder)) {
      let made = this.asyncFolders.get(folder);
      if (!made) {
        made = mkdir(folder, { recursive: true });
        this.asyncFolders.set(folder, made);
      }
      await made;
    }
    if (queued.superseded) return;
    try {
      await link(from, to);
    } catch (error) {
      // Written meanwhile by a later write of the same file (which staged its own bytes): nothing to do.
      if (queued.superseded) return;
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
      // Another file system (or no hard links there): a copy has the same bytes, and a time of its own.
      await copyFile(from, to);
      const stats = await stat(to);
      if (!queued.superseded) {
        this.files.set(queued.file, { ...queued.record, size: stats.size, mtimeMs: stats.mtimeMs });
      }
    }
  }

  /** Waits for every queued link; throws the first that failed. */
  async settled(): Promise<void> {
    if (this.inFlight > 0 || this.queue.length > 0) await new Promise<void>((done) => this.drained.push(done));
    if (this.failure !== undefined) throw this.failure;
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
    // Never write through a link into the published site: a file staged already is replaced, not overwritten, and
    // the write only ever creates a file (`wx`), so a link that lands meanwhile makes it fail rather than be
    // written through; it is then removed and the write made again.
    this.unstage(file);
    for (let attempt = 0; ; attempt++) {
      try {
        writeFileSync(to, bytes, { flag: 'wx' });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
        rmSync(to, { force: true });
      }
    }
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
