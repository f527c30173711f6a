/**
 * The hash of each content file's bytes as last read, with what `stat` said of the file then, so a file that `stat`
 * shows unchanged is not read again (at 100,000 articles, reading and hashing them takes seconds). Git's index does
 * the same, and so are its safeguards here:
 * - the signature holds the inode, size, modification and change times. The change time is set by the system on
 *   every write and cannot be set back by a user or a tool that keeps modification times (`cp -p`, `rsync -t`);
 * - a file changed less than `RACY_MS` before it was read is not remembered: a write within the same tick of a
 *   coarse clock would leave both times as they were;
 * - the file is looked at before it is read, so a change during the read leaves a signature that no longer matches.
 * Kept in node_modules/.cache/broadsheet-articles/files.json with a hash of its body; a damaged file is ignored.
 */
import { join } from 'node:path';
import { readChecked, writeChecked } from './checkedFile.ts';
import type { Stats } from 'node:fs';

/** What the kept file's header names as the code that made it: its format. */
const CODE = 'file-hashes-1';
/** Longer than the coarsest clock of a common file system (FAT: 2 s). */
export const RACY_MS = 3000;

const signatureOf = (stats: Stats) => `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

export class FileHashes {
  /** Files `stat` found unchanged since they were last read (one the article cache does not know is read again). */
  hits = 0;
  private readonly kept: Map<string, [signature: string, hash: string]>;
  private readonly seen = new Map<string, [signature: string, hash: string]>();
  private readonly path: string | undefined;
  private changed = false;
  private readonly now: () => number;

  private constructor(path: string | undefined, kept: Map<string, [string, string]>, now: () => number) {
    this.path = path;
    this.kept = kept;
    this.now = now;
  }

  /**
   * The hashes kept for the project at `root`; none when there are none, or they are damaged, or `read` is false.
   * `now`: the clock that tells a file changed too recently to be remembered (tests move it on).
   */
  static load(root: string, { read = true, now = Date.now }: { read?: boolean; now?: () => number } = {}): FileHashes {
    const path = join(root, 'node_modules/.cache/broadsheet-articles/files.json');
    const kept = new Map<string, [string, string]>();
    const checked = read ? readChecked(path, CODE) : undefined;
    try {
      for (const [file, signature, hash] of JSON.parse(checked?.body ?? '[]') as [string, string, string][]) {
        kept.set(file, [signature, hash]);
      }
    } catch {
      // Not as written: every file is read, and the next save writes it whole.
    }
    return new FileHashes(path, kept, now);
  }

  /** The hash of the file at the real path `file` as last read, if `stats` (taken now) show it unchanged since. */
  knownHash(file: string, stats: Stats): string | undefined {
    const kept = this.kept.get(file);
    if (kept === undefined || kept[0] !== signatureOf(stats)) return undefined;
    this.seen.set(file, kept);
    this.hits++;
    return kept[1];
  }

  /** Remembers the hash of what was read from `file`, whose `stats` were taken before it was read. */
  note(file: string, stats: Stats, hash: string): void {
    if (this.now() - Math.max(stats.mtimeMs, stats.ctimeMs) < RACY_MS) return;
    const entry: [string, string] = [signatureOf(stats), hash];
    const kept = this.kept.get(file);
    if (kept?.[0] !== entry[0] || kept[1] !== hash) this.changed = true;
    this.seen.set(file, entry);
  }

  /** Keeps the files looked at since the last save (and forgets the rest), writing them only when that changed. */
  save(): void {
    // Unless a file was noted anew (`changed`), those seen are among those kept: any forgotten shows in the count.
    if (this.changed || this.seen.size !== this.kept.size) {
      this.kept.clear();
      for (const [file, entry] of this.seen) this.kept.set(file, entry);
      if (this.path) {
        const body = JSON.stringify([...this.kept].map(([file, [signature, hash]]) => [file, signature, hash]));
        writeChecked(this.path, CODE, body);
      }
    }
    this.seen.clear();
    this.changed = false;
  }
}
