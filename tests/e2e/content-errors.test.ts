/**
 * Invalid content, end to end through the real commands: `check-content` and `build` refuse a
 * newsroom with any problem, print every problem as `<file>: <JSON path>: <message>`, and a failed
 * build leaves the earlier output exactly as it was.
 *
 * The fixture tests/fixtures/e2e-invalid/ holds one article file per kind of invalid content the
 * contract names, plus one valid article (with `x-` fields of its own, which must be ignored).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree } from './hashTree';
import { ROOT } from './server';

const FIXTURE = 'tests/fixtures/e2e-invalid';

/** [file relative to CONTENT_DIR, exact JSON path, a fragment of the message]. */
const EXPECTED: [file: string, path: string, fragment: string | RegExp][] = [
  ['articles/id-bad-pattern.json', 'id', 'lower-case letters and digits'],
  ['articles/id-too-long.json', 'id', 'at most 120 characters'],
  ['articles/id-duplicate.json', 'id', '"valid-article" is already used by articles/a-valid.json'],
  ['articles/alias-clash.json', 'aliases[0]', '"valid-old-id" is already used by articles/a-valid.json'],
  ['articles/alias-bad-pattern.json', 'aliases[0]', 'lower-case letters and digits'],
  ['articles/headline-empty.json', 'headline', 'must not be empty'],
  ['articles/headline-too-long.json', 'headline', 'at most 300 characters'],
  ['articles/headline-missing.json', 'headline', 'required'],
  ['articles/standfirst-too-long.json', 'standfirst', 'at most 600 characters'],
  ['articles/link-in-standfirst.json', 'standfirst', 'link url "vbscript:msgbox(1)" is not allowed'],
  ['articles/image-dotdot.json', 'image.src', '".."'],
  ['articles/image-missing-file.json', 'image.src', '"images/missing.svg" does not exist'],
  ['articles/image-block-missing-file.json', 'sections[0].blocks[1].src', '"images/gone.svg" does not exist'],
  ['articles/image-http.json', 'image.src', 'https://'],
  ['articles/image-alt-missing.json', 'image.alt', 'required'],
  ['articles/image-alt-too-long.json', 'image.alt', 'at most 300 characters'],
  ['articles/image-width-zero.json', 'image.width', 'positive'],
  // The schema's own message for a fraction is "must be a whole number".
  ['articles/image-width-fraction.json', 'image.width', /whole number|integer/],
  ['articles/byline-empty.json', 'byline', 'at least one author'],
  ['articles/author-name-empty.json', 'byline[0].name', 'must not be empty'],
  ['articles/author-name-too-long.json', 'byline[0].name', 'at most 100 characters'],
  ['articles/published-bad.json', 'publishedAt', 'ISO 8601'],
  ['articles/published-no-offset.json', 'publishedAt', 'ISO 8601'],
  ['articles/updated-before-published.json', 'updatedAt', 'earlier than publishedAt'],
  ['articles/sections-empty.json', 'sections', 'at least one section'],
  ['articles/section-heading-empty.json', 'sections[0].heading', 'must not be empty'],
  ['articles/blocks-empty.json', 'sections[0].blocks', 'at least one block'],
  ['articles/block-unknown-type.json', 'sections[0].blocks[0].type', 'unknown block type "video"'],
  ['articles/list-no-items.json', 'sections[0].blocks[0].items', 'at least one item'],
  ['articles/tag-too-long.json', 'tags[1]', 'at most 60 characters'],
  ['articles/tag-empty-slug.json', 'tags[0]', 'no slug'],
  ['articles/related-unknown.json', 'related[1]', 'unknown article "no-such-article"'],
  ['articles/unknown-field.json', 'headlien', 'unknown field'],
  // The contract's own example line: the whole url, parentheses included, is named.
  ['articles/link-javascript.json', 'sections[1].blocks[0].text', 'link url "javascript:alert(1)" is not allowed'],
  [
    'articles/link-data.json',
    'sections[0].blocks[0].text',
    'link url "data:text/html;base64,PHNjcmlwdD4=" is not allowed',
  ],
  [
    'articles/link-protocol-relative.json',
    'sections[0].blocks[0].items[1]',
    'link url "//evil.example/x" is not allowed',
  ],
  ['articles/invalid-json.json', '(root)', 'not valid JSON'],
];

const PROBLEM_LINE = /^articles\/[^:]+\.json: [^:]+: .+/;

function run(script: string, env: Record<string, string>) {
  const result = spawnSync('npx', ['tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The expected problems that no line of `output` reports (file and path exact, message by fragment). */
function missingProblems(output: string): string[] {
  const lines = output.split('\n');
  return EXPECTED.filter(([file, path, fragment]) => {
    const prefix = `${file}: ${path}: `;
    return !lines.some((line) => {
      if (!line.startsWith(prefix)) return false;
      const message = line.slice(prefix.length);
      return typeof fragment === 'string' ? message.includes(fragment) : fragment.test(message);
    });
  }).map(([file, path, fragment]) => `${file}: ${path}: …${String(fragment)}…`);
}

const temp = mkdtempSync(join(tmpdir(), 'broadsheet-content-errors-'));
afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('check-content over invalid content', () => {
  it('exits non-zero and prints every problem as <file>: <path>: <message>', () => {
    const { status, stdout, stderr } = run('scripts/check-content.ts', { CONTENT_DIR: FIXTURE });
    expect(status, stdout + stderr).not.toBe(0);
    expect(missingProblems(stderr)).toEqual([]);

    const problemLines = stderr.split('\n').filter((line) => line.startsWith('articles/'));
    // One problem a line, each in the documented form; the valid article has none.
    expect(problemLines.filter((line) => !PROBLEM_LINE.test(line))).toEqual([]);
    expect(problemLines.filter((line) => line.startsWith('articles/a-valid.json:'))).toEqual([]);
    // Every invalid file is reported, and nothing else is.
    const reported = new Set(problemLines.map((line) => line.slice(0, line.indexOf(': '))));
    expect([...reported].sort()).toEqual([...new Set(EXPECTED.map(([file]) => file))].sort());
  });

  it('passes the same command over the valid sample newsroom', () => {
    const { status, stderr } = run('scripts/check-content.ts', { CONTENT_DIR: 'content' });
    expect(status, stderr).toBe(0);
  });
});

describe('build over invalid content', () => {
  const outDir = join(temp, 'site');
  let good: ReturnType<typeof run>;
  let before: Record<string, string>;
  let failed: ReturnType<typeof run>;
  let after: Record<string, string>;
  let leftBeside: string[];

  // Two real builds into a temporary OUT_DIR: the sample newsroom, then the invalid fixture over it.
  beforeAll(() => {
    good = run('scripts/build.ts', { CONTENT_DIR: 'content', OUT_DIR: outDir });
    if (good.status !== 0) return;
    before = hashTree(outDir);
    failed = run('scripts/build.ts', { CONTENT_DIR: FIXTURE, OUT_DIR: outDir });
    after = hashTree(outDir);
    leftBeside = readdirSync(temp);
  }, 300_000);

  it('builds the sample newsroom, then exits non-zero over the invalid content, printing every problem', () => {
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(Object.keys(before)).toContain('index.html');
    expect(Object.keys(before).some((file) => file.startsWith('data/articles/'))).toBe(true);
    expect(failed.status, failed.stdout + failed.stderr).not.toBe(0);
    expect(missingProblems(failed.stderr)).toEqual([]);
  });

  it('leaves the earlier output byte for byte as it was, with no staging folder left behind', () => {
    expect(good.status).toBe(0);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    // Beside it: the list of what the good build changed, which the failed one did not replace.
    expect(leftBeside).toEqual(['site', 'site.changes.json']);
  });

  it('prints each problem once, one a line, without a stack trace', () => {
    expect(good.status).toBe(0);
    const lines = failed.stderr.split('\n');
    const problemLines = lines.filter((line) => PROBLEM_LINE.test(line));
    expect(problemLines.filter((line, i) => problemLines.indexOf(line) !== i)).toEqual([]);
    expect(
      lines.filter((line) => /^\s+at /.test(line)),
      failed.stderr,
    ).toEqual([]);
  });
});
