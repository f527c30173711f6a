/**
 * A map the build keeps from one run to the next, beside the project (node_modules/.cache/<name>), for work that is
 * the same whenever its inputs are: articles validated by their bytes, related lists by what they were ranked from.
 *
 * Kept in 256 shards by the hash of the key, so a build that changed a few entries writes a few shards back, and
 * no shard holds more than a string can (a newsroom of 100,000 articles is over half a gigabyte of JSON). Each shard
 * starts with a line naming the store's version, the version of the code that made it and the hash of the rest: a
 * shard of other code, or whose bytes do not hash as written (truncated, damaged), is discarded, never trusted.
 *
 * A store may keep each value in two parts (`Split`): a small head, read when the store opens, and a large tail in
 * `tails/`, which with `lazyTails` is read, a shard at a time, only when a value's tail is first asked for. The head
 * shard's first line holds the hash of its tail shard, so a tail shard of another save is never taken for its own.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hashOf, readChecked, writeChecked } from './checkedFile.ts';

const SHARDS = 256;

const shardOf = (key: string) => hashOf(key).slice(0, 2);

/**
 * How a value is kept in two parts. `attach` makes the value again from its head and a way to read its tail: at once
 * (`lazy` false, the tail already read), or when the value's tail is first used.
 */
export interface Split<T> {
  detach: (value: T) => [head: unknown, tail: unknown];
  attach: (head: unknown, tail: () => unknown, lazy: boolean) => T;
}

/** A tail shard read after its store opened was missing or damaged: nothing of it is trusted. */
export class DamagedTails extends Error {
  override name = 'DamagedTails';
  constructor(path: string) {
    super(`${path} was missing or damaged, and is removed; build again, and it is made anew`);
  }
}

export interface KeptStoreOptions<T> {
  /** The folder's name under node_modules/.cache. */
  name: string;
  /** A hash of the code whose change makes every entry suspect (incremental/codeKey.ts). */
  code: string;
  /** False (a full build): nothing kept is read, and the next save replaces every shard. */
  read?: boolean;
  /** Each value kept as a head and a tail (see above). */
  split?: Split<T>;
  /** With `split`: tails are read when first asked for, not when the store opens. */
  lazyTails?: boolean;
}

export class KeptStore<T> {
  /** Tail shards read since the store opened. */
  tailsRead = 0;
  private readonly entries = new Map<string, T>();
  /** Keys asked for or set since the last save: what a save keeps. */
  private readonly used = new Set<string>();
  /** Shards whose entries differ from what their file holds. */
  private readonly dirty = new Set<string>();
  private readonly folder: string | undefined;
  private readonly code: string;
  private readonly split: Split<T> | undefined;

  private constructor(folder: string | undefined, code: string, split?: Split<T>) {
    this.folder = folder;
    this.code = code;
    this.split = split;
  }

  /** A store in memory only, never saved. */
  static inMemory<T>(): KeptStore<T> {
    return new KeptStore<T>(undefined, '');
  }

  /** The store kept for the project at `root`: empty when there is none, or none made by this code. */
  static open<T>(
    root: string,
    { name, code, read = true, split, lazyTails = false }: KeptStoreOptions<T>,
  ): KeptStore<T> {
    const store = new KeptStore<T>(join(root, 'node_modules/.cache', name), code, split);
    for (let shard = 0; shard < SHARDS; shard++) {
      const shardName = shard.toString(16).padStart(2, '0');
      if (read) store.readShard(shardName, lazyTails);
      else store.dirty.add(shardName);
    }
    return store;
  }

  private tailPath(name: string): string {
    return join(this.folder ?? '', 'tails', `${name}.json`);
  }

  /** The tails of a shard, if its file is the one saved with the head shard (hash `expected`). */
  private readTails(name: string, expected: string | undefined): Record<string, unknown> | undefined {
    this.tailsRead++;
    const read = readChecked(this.tailPath(name), this.code);
    return read && read.header.body === expected ? (JSON.parse(read.body) as Record<string, unknown>) : undefined;
  }

  private readShard(name: string, lazyTails: boolean) {
    if (!this.folder) return;
    const read = readChecked(join(this.folder, `${name}.json`), this.code);
    if (!read) {
      // Missing, of other code, or not as written: written again at the next save.
      if (existsSync(join(this.folder, `${name}.json`))) this.dirty.add(name);
      return;
    }
    let records: Record<string, unknown>;
    try {
      records = JSON.parse(read.body) as Record<string, unknown>;
    } catch {
      this.dirty.add(name);
      return;
    }
    const { split } = this;
    if (!split) {
      for (const [key, value] of Object.entries(records)) if (shardOf(key) === name) this.entries.set(key, value as T);
      return;
    }
    let tails = lazyTails ? undefined : this.readTails(name, read.header.tails);
    if (!lazyTails && tails === undefined) {
      this.dirty.add(name);
      return;
    }
    const tailOf = (key: string) => {
      tails ??= this.readTails(name, read.header.tails);
      if (tails?.[key] === undefined) {
        // Its heads are forgotten, so the next compile reads their files again, and the next save rewrites both; the
        // files go now, so that a run that stops here does not meet them again.
        for (const kept of Object.keys(records)) this.entries.delete(kept);
        this.dirty.add(name);
        rmSync(join(this.folder ?? '', `${name}.json`), { force: true });
        rmSync(this.tailPath(name), { force: true });
        throw new DamagedTails(this.tailPath(name));
      }
      return tails[key];
    };
    for (const [key, head] of Object.entries(records)) {
      if (shardOf(key) === name)
        this.entries.set(
          key,
          split.attach(head, () => tailOf(key), lazyTails),
        );
    }
  }

  /** Whether the key is kept, without counting it as used. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.used.add(key);
    return value;
  }

  /** Counts the key as used, as `get` does, without reading its value; nothing if it is not kept. */
  keep(key: string): void {
    if (this.entries.has(key)) this.used.add(key);
  }

  set(key: string, value: T): void {
    this.entries.set(key, value);
    this.used.add(key);
    this.dirty.add(shardOf(key));
  }

  /**
   * Forgets the entries nothing asked for since the last save (deleted articles, old versions of changed ones), and
   * writes the shards that changed, each to a temporary file renamed into place, so a build killed meanwhile leaves
   * whole shards (a split store writes the tails first; the head shard names the tails it goes with).
   */
  save(): void {
    // Not used at all since the last save (the dev server does not index for search): left as it is, not emptied.
    if (this.used.size === 0 && this.dirty.size === 0) return;
    for (const key of this.entries.keys()) {
      if (this.used.has(key)) continue;
      this.entries.delete(key);
      this.dirty.add(shardOf(key));
    }
    this.used.clear();
    if (!this.folder || this.dirty.size === 0) return;
    const shards = new Map<string, string[]>([...this.dirty].map((name) => [name, []]));
    for (const key of this.entries.keys()) shards.get(shardOf(key))?.push(key);
    for (const [name, keys] of shards) {
      try {
        this.writeShard(name, keys);
      } catch (error) {
        if (!(error instanceof DamagedTails)) throw error;
        // Its tails could not be read back to be written again: the shard is written with what is left.
        this.writeShard(
          name,
          keys.filter((key) => this.entries.has(key)),
        );
      }
    }
    this.dirty.clear();
  }

  private writeShard(name: string, keys: readonly string[]) {
    const heads: Record<string, unknown> = {};
    const tails: Record<string, unknown> = {};
    for (const key of keys) {
      const value = this.entries.get(key) as T;
      if (!this.split) heads[key] = value;
      else [heads[key], tails[key]] = this.split.detach(value);
    }
    const tailHash = this.split ? writeChecked(this.tailPath(name), this.code, JSON.stringify(tails)) : undefined;
    writeChecked(join(this.folder ?? '', `${name}.json`), this.code, JSON.stringify(heads), tailHash);
  }
}
