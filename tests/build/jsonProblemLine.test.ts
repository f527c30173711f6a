// @vitest-environment node
/** A file that is not JSON is one problem line, whatever bytes the parser quotes back (found by the loader's property test). */
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../build/compile/readSources.ts';
import type { Problem } from '../../src/model/problems.ts';

describe('parseJson', () => {
  it.each([
    ['a newline and a NUL', '\n\u0000'],
    ['a line separator', '{"a":\u2028'],
    ['a DEL', '\u007f'],
  ])('reports text with %s on one line, the characters escaped', (_, text) => {
    const problems: Problem[] = [];
    expect(parseJson({ file: 'articles/a.json', text }, problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.message).toMatch(/^is not valid JSON: /);
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(problem?.message).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
  });

  it('shows a quoted newline as \\u000a', () => {
    const problems: Problem[] = [];
    parseJson({ file: 'site.json', text: '\n\u0000' }, problems);
    expect(problems[0]?.message).toContain('\\u000a');
  });
});
