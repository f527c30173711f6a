// @vitest-environment node
/** What `build` and `dev` print for a failure: one line to act on, a stack trace only for a bug. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OperatorError, classifyFailure } from '../../build/failures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'broadsheet-failures-'));
const contentDir = join(scratch, 'content');
mkdirSync(contentDir);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The error a real file-system call throws. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** How Rolldown hands back an error thrown in a plugin hook (its code moved to `pluginCode`). */
function wrappedByBundler(error: unknown) {
  const inner = Object.assign(new Error('Build failed with 1 error'), {
    code: 'PLUGIN_ERROR',
    pluginCode: (error as { code?: string }).code,
    plugin: 'broadsheet-content',
    hook: 'buildStart',
    syscall: (error as { syscall?: string }).syscall,
  });
  return Object.assign(new Error('Build failed with 1 error'), { errors: [inner] });
}

describe('classifyFailure', () => {
  it('content problems: already printed, nothing more to say, wrapped or not', () => {
    const content = Object.assign(new Error('2 content problems'), { name: 'ContentError' });
    expect(classifyFailure(content, contentDir)).toEqual({ kind: 'content' });
    expect(classifyFailure({ errors: [content] }, contentDir)).toEqual({ kind: 'content' });
  });

  it('an operator mistake: its own sentence, even inside a wrapper', () => {
    const mistake = new OperatorError('Refusing to build into content: it is the content folder.');
    expect(classifyFailure(mistake, contentDir)).toEqual({ kind: 'plain', line: mistake.message });
    expect(classifyFailure(new Error('wrapper', { cause: mistake }), contentDir)).toEqual({
      kind: 'plain',
      line: mistake.message,
    });
  });

  it('a file-system error inside the content folder: the file relative to it, in the problem-line form', () => {
    writeFileSync(join(contentDir, 'articles'), 'a file where the articles folder should be');
    const error = thrownBy(() => readdirSync(join(contentDir, 'articles')));
    expect(classifyFailure(error, contentDir)).toEqual({
      kind: 'plain',
      line: 'articles: (root): is, or is inside, a file where a folder was expected (ENOTDIR)',
    });
  });

  it('a file-system error elsewhere: the absolute path', () => {
    const missing = join(scratch, 'www/site/index.html');
    expect(
      classifyFailure(
        thrownBy(() => readFileSync(missing)),
        contentDir,
      ),
    ).toEqual({
      kind: 'plain',
      line: `${missing}: does not exist (or is a symlink to something that does not exist) (ENOENT)`,
    });
  });

  it('a file-system error the bundler wrapped, where Node gave no path', () => {
    mkdirSync(join(contentDir, 'site.json'));
    const error = thrownBy(() => readFileSync(join(contentDir, 'site.json')));
    expect(classifyFailure(wrappedByBundler(error), contentDir)).toEqual({
      kind: 'plain',
      line: 'a file could not be read: it is a folder where a file was expected (EISDIR)',
    });
  });

  it('anything else is a bug in Broadsheet, and keeps its stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'slug')");
    expect(classifyFailure(bug, contentDir)).toEqual({ kind: 'internal', error: bug });
    expect(classifyFailure(wrappedByBundler(bug), contentDir).kind).toBe('internal');
  });
});
