/**
 * Articles already parsed and validated, by the hash of their file's bytes: a file whose bytes did not change is not
 * parsed or checked against the schema again (the checks across files, and of image files, still run every time).
 *
 * Kept beside the project (node_modules/.cache/broadsheet-articles), in 256 shards by the hash's first byte, so a
 * build that changed one article writes one shard back, and no shard holds more than a string can (a newsroom of
 * 100,000 articles is over half a gigabyte of JSON). Each shard starts with a line naming the version of the
 * validating code it was made by and the hash of the rest: a shard of other code, or whose bytes do not hash as
 * written (truncated, damaged), is discarded, never trusted; its articles are validated again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeKey } from './codeKey.ts';
import type { Article } from '../../src/model/schema.ts';

/** What the compiler asks of a cache (build/compile/validate.ts). */
export interface ArticleCache {
  /** The article a file of exactly these bytes was accepted as by the schema, if known. */
  get: (text: string) => Article | undefined;
  /** Remembers what a file's bytes were accepted as. */
  set: (text: string, article: Article) => void;
}

/** The code whose change makes every cached article suspect: the schema and what it imports, the compiler, zod. */
const VALIDATING_CODE = ['src/model', 'build/compile', 'package-lock.json'];
const VERSION = 1;
const SHARDS = 256;

const hashOf = (text: string) => createHash('sha1').update(text).digest('hex');
const shardOf = (hash: string) => hash.slice(0, 2);

interface Header {
  version: number;
  key: string;
  body: string;
}

/** An article cache that lives in memory and, when given a folder, is read from and saved to it. */
export class ParsedArticles implements ArticleCache {
  private readonly entries = new Map<string, Article>();
  /** Hashes asked for or added since the last save: what a save keeps. */
  private readonly used = new Set<string>();
  /** Shards whose entries differ from what their file holds. */
  private readonly dirty = new Set<string>();
  hits = 0;
  misses = 0;

  private readonly folder: string | undefined;
  private readonly key: string;

  private constructor(folder: string | undefined, key: string) {
    this.folder = folder;
    this.key = key;
  }

  /** A cache kept in memory only (tests, a dev server without a project folder). */
  static inMemory(): ParsedArticles {
    return new ParsedArticles(undefined, '');
  }

  /**
   * The cache kept for the project at `root`; an empty one when there is none, or none for this code. `read: false`
   * (a full build) trusts nothing kept, and its save replaces every shard.
   */
  static load(root: string, { read = true }: { read?: boolean } = {}): ParsedArticles {
    const folder = join(root, 'node_modules/.cache/broadsheet-articles');
    const cache = new ParsedArticles(folder, codeKey(root, {}, VALIDATING_CODE));
    for (let shard = 0; shard < SHARDS; shard++) {
      const name = shard.toString(16).padStart(2, '0');
      if (read) cache.readShard(name);
      else cache.dirty.add(name);
    }
    return cache;
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
      if (header.version !== VERSION || header.key !== this.key || header.body !== hashOf(body)) {
        this.dirty.add(name);
        return;
      }
      for (const [hash, article] of Object.entries(JSON.parse(body) as Record<string, Article>)) {
        if (shardOf(hash) === name) this.entries.set(hash, article);
      }
    } catch {
      // Unreadable or not JSON: written again at the next save.
      this.dirty.add(name);
    }
  }

  get(text: string): Article | undefined {
    const hash = hashOf(text);
    const article = this.entries.get(hash);
    if (article === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.add(hash);
    return article;
  }

  set(text: string, article: Article): void {
    const hash = hashOf(text);
    this.entries.set(hash, article);
    this.used.add(hash);
    this.dirty.add(shardOf(hash));
  }

  /**
   * Forgets the articles no compile asked for since the last save (files deleted or changed), and writes the shards
   * that changed, each to a temporary file renamed into place, so a build killed meanwhile leaves whole shards.
   */
  save(): void {
    for (const hash of this.entries.keys()) {
      if (this.used.has(hash)) continue;
      this.entries.delete(hash);
      this.dirty.add(shardOf(hash));
    }
    this.used.clear();
    if (!this.folder || this.dirty.size === 0) return;
    mkdirSync(this.folder, { recursive: true });
    const shards = new Map<string, Record<string, Article>>([...this.dirty].map((name) => [name, {}]));
    for (const [hash, article] of this.entries) {
      const shard = shards.get(shardOf(hash));
      if (shard) shard[hash] = article;
    }
    for (const [name, records] of shards) {
      const path = join(this.folder, `${name}.json`);
      const body = JSON.stringify(records);
      const header: Header = { version: VERSION, key: this.key, body: hashOf(body) };
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(header)}\n${body}`);
      renameSync(temporary, path);
    }
    this.dirty.clear();
  }
}
