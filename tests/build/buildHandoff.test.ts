// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileContent } from '../../build/compile.ts';
import { broadsheetContent, type CompiledContent } from '../../build/vitePlugin.ts';
import { article } from './articleSource.ts';
import type { Plugin } from 'vite';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
/** A plugin hook's handler, called without Vite (the tests give it what it reads). */
function hook(plugin: Plugin, name: 'configResolved' | 'buildStart' | 'writeBundle'): Hook {
  const value = plugin[name] as Hook | { handler: Hook } | undefined;
  if (!value) throw new Error(`no ${name} hook`);
  return typeof value === 'function' ? value : value.handler;
}

const temp: string[] = [];
afterEach(() => {
  for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the build plugin with the site build compile handed over', () => {
  it('writes the handed-over documents without compiling again, then lets go of them', () => {
    const out = mkdtempSync(join(tmpdir(), 'handoff-'));
    temp.push(out);
    const output = compileContent({
      articles: [{ file: 'articles/a.json', text: JSON.stringify(article('a')) }],
      fileExists: () => true,
      mode: 'strict',
    });
    const documents = output.documents;
    const content: CompiledContent = { output };
    const plugin = broadsheetContent();
    // A content folder that does not exist: compiling it would fail, so success shows the plugin did not.
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = join(out, 'no-such-content');
    try {
      hook(plugin, 'configResolved').call({}, { root: out, command: 'build', build: {}, broadsheetContent: content });
    } finally {
      if (previous === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = previous;
    }
    hook(plugin, 'buildStart').call({});
    expect(content.output).toBeUndefined();
    hook(plugin, 'writeBundle').call({}, { dir: out });
    expect(JSON.parse(readFileSync(join(out, 'data/articles/a.json'), 'utf8'))).toMatchObject({ kind: 'article' });
    expect(readFileSync(join(out, 'data/index/1.json'), 'utf8')).toContain('"id":"a"');
    // Released before the prerender: nothing holds the documents' text any more.
    expect(documents.size).toBe(0);
  });
});
