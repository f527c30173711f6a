/**
 * A map the build keeps from one run to the next, beside the project (node_modules/.cache/<name>), for work that is
 * the same whenever its inputs are: articles validated by their bytes, related lists by what they were ranked from.
 *
 * Kept in 256 shards by the hash of the key, so a build that changed a few entries writes a few shards back, and
 * no shard holds more than a string can (a newsroom of 100,000 articles is over half a gigabyte of JSON). Each shard
 * starts with a line naming the store's version, the version of the code that made it and the hash of the rest: a
 * shard of other code, or whose bytes do not hash as written (truncated, damaged), is discarded, never trusted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashOf, writeWhole } from './buildState.ts';

const VERSION = 1;
const SHARDS = 256;

const shardOf = (key: string) => hashOf(key).slice(0, 2);

interface Header {
  version: number;
  code: string;
  body: string;
}

export interface KeptStoreOptions {
  /** The folder's name under node_modules/.cache. */
  name: string;
  /** A hash of the code whose change makes every entry suspect (incremental/codeKey.ts). */
  code: string;
  /** False (a full build): nothing kept is read, and the next save replaces every shard. */
  read?: boolean;
}

export class KeptStore<T> {
  private readonly entries = new Map<string, T>();
  /** Keys asked for or set since the last save: what a save keeps. */
  private readonly used = new Set<string>();
  /** Shards whose entries differ from what their file holds. */
  private readonly dirty = new Set<string>();
  private readonly folder: string | undefined;
  private readonly code: string;

  private constructor(folder: string | undefined, code: string) {
    this.folder = folder;
    this.code = code;
  }

  /** A store in memory only, never saved. */
  static inMemory<T>(): KeptStore<T> {
    return new KeptStore<T>(undefined, '');
  }

  /** The store kept for the project at `root`: empty when there is none, or none made by this code. */
  static open<T>(root: string, { name, code, read = true }: KeptStoreOptions): KeptStore<T> {
    const store = new KeptStore<T>(join(root, 'node_modules/.cache', name), code);
    for (let shard = 0; shard < SHARDS; shard++) {
      const shardName = shard.toString(16).padStart(2, '0');
      if (read) store.readShard(shardName);
      else store.dirty.add(shardName);
    }
    return store;
  }

  private readShard(name: string) {
    if (!this.folder) return;
    const path = join(this.folder, `${name}.json`);
    if (!existsSync(path)) return;
    try {
      const text = readFileSync(path, 'utf8');
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as Partial<Header>;
      const body = text.slice(newline + 1);
      if (header.version !== VERSION || header.code !== this.code || header.body !== hashOf(body)) {
        this.dirty.add(name);
        return;
      }
      for (const [key, value] of Object.entries(JSON.parse(body) as Record<string, T>)) {
        if (shardOf(key) === name) this.entries.set(key, value);
      }
    } catch {
      // Unreadable or not JSON: written again at the next save.
      this.dirty.add(name);
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

  set(key: string, value: T): void {
    this.entries.set(key, value);
    this.used.add(key);
    this.dirty.add(shardOf(key));
  }

  /**
   * Forgets the entries nothing asked for since the last save (deleted articles, old versions of changed ones), and
   * writes the shards that changed, each to a temporary file renamed into place, so a build killed meanwhile leaves
   * whole shards.
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
    const shards = new Map<string, Record<string, T>>([...this.dirty].map((name) => [name, {}]));
    for (const [key, value] of this.entries) {
      const shard = shards.get(shardOf(key));
      if (shard) shard[key] = value;
    }
    for (const [name, records] of shards) {
      const path = join(this.folder, `${name}.json`);
      const body = JSON.stringify(records);
      const header: Header = { version: VERSION, code: this.code, body: hashOf(body) };
      writeWhole(path, `${JSON.stringify(header)}\n${body}`);
    }
    this.dirty.clear();
  }
}
