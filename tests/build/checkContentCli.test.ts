// @vitest-environment node
/**
 * What an editor sees from `npm run check-content` on a broken folder: one line per problem, warnings
 * marked as such, a summary, exit status 1, and never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article } from './articleSource.ts';
import { makeFolder, removeFolder, PLAIN_SVG } from './contentFolder.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => made.forEach(removeFolder));

function checkContent(contentDir: string) {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/check-content.ts'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, ALLOW_EMPTY: '' },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const image = (src: string) => ({ src, alt: 'A picture', width: 8, height: 6 });

// Each test starts the real command (tsx compiles it first): seconds, not milliseconds.
describe('npm run check-content', { timeout: 60_000 }, () => {
  it('prints a line per problem and per warning, exits 1, no stack trace', () => {
    const outside = makeFolder({ 'passwd.png': 'root:x:0:0:root:/root:/bin/bash' });
    const dir = makeFolder({
      'site.json': { folder: true },
      'articles/folder.json': { folder: true },
      'articles/gone.json': { symlink: 'missing.json' },
      'articles/page.json': { json: article('page', { image: image('images/page.png') }) },
      'articles/leak.json': { json: article('leak', { image: image('images/passwd.png') }) },
      'articles/svg.json': { json: article('svg', { image: image('images/evil.svg') }) },
      'articles/latin.json': Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]),
      'articles/Upper.JSON': '{}',
      'images/page.png': '<html><script>alert(1)</script></html>',
      'images/passwd.png': { symlink: join(outside, 'passwd.png') },
      'images/evil.svg': PLAIN_SVG.replace('<rect', '<script>alert(1)</script><rect'),
    });
    made.push(outside, dir);
    const { status, stdout, stderr } = checkContent(dir);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr.trim().split('\n')).toEqual([
      'articles/Upper.JSON: (root): warning: ignored: only names ending in ".json" (lower case) are read; rename it to end in .json',
      'site.json: (root): is a folder, not a file',
      'articles/folder.json: (root): is a folder, not a file',
      'articles/gone.json: (root): is a symbolic link to a file that does not exist',
      'articles/latin.json: (root): is not valid UTF-8: byte 0xE9 at offset 7 (line 1) is not part of a UTF-8 character; save the file as UTF-8',
      `articles/leak.json: image.src: image file "images/passwd.png" is a symbolic link to ${join(outside, 'passwd.png')}, outside the content folder; only files inside it are read`,
      'articles/page.json: image.src: image file "images/page.png" is not an image: its bytes are text (it begins "<html><script>alert(1)</script></html>"), not JPEG, PNG, WebP, AVIF, GIF or SVG',
      'articles/svg.json: image.src: image file "images/evil.svg" is an SVG that contains <script> (line 1); a published SVG must be a drawing only (no script, event handlers, <foreignObject>, javascript: links or references to other files or sites)',
      '',
      `7 problems and 1 warning in ${dir}`,
    ]);
  });

  it('a valid newsroom with a stray file passes and shows the warning', () => {
    const dir = makeFolder({ 'articles/a.json': { json: article('a') }, 'articles/notes.txt': 'to do' });
    made.push(dir);
    const { status, stdout, stderr } = checkContent(dir);
    expect(status).toBe(0);
    expect(stderr).toBe('articles/notes.txt: (root): warning: ignored: not a .json file\n');
    expect(stdout).toMatch(new RegExp(`^${dir}: 1 articles, .* \\(1 warning\\)\\n$`));
  });
});
