// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validate } from '../../build/compile/validate.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';
import type { SourceFile } from '../../build/compile/types.ts';

const source = (file: string, value: unknown): SourceFile => ({ file, text: JSON.stringify(value) });
const run = (articles: SourceFile[], site?: SourceFile) => validate({ site, articles, fileExists: () => true });

describe('validate', () => {
  it('accepts valid articles in file-name order, with related picks resolved from aliases to ids', () => {
    const { accepted, problems, site } = run([
      source('articles/b.json', article('second', { aliases: ['second-old'] })),
      source('articles/a.json', article('first', { related: ['second-old'] })),
    ]);
    expect(problems).toEqual([]);
    expect(accepted.map(({ file, article: { id }, picks }) => ({ file, id, picks }))).toEqual([
      { file: 'articles/a.json', id: 'first', picks: ['second'] },
      { file: 'articles/b.json', id: 'second', picks: [] },
    ]);
    expect(site).toMatchObject({ name: 'Broadsheet', locale: 'en-GB', timeZone: 'UTC' });
  });

  it('leaves out an article with a problem of its own, or across files, and says why', () => {
    const { accepted, problems } = run(
      [
        source('articles/a.json', article('a')),
        source('articles/b.json', article('a')),
        source('articles/c.json', article('c', { headline: '' })),
        source('articles/d.json', article('d', { related: ['c', 'nowhere'] })),
      ],
      source('site.json', { timeZone: 'Nowhere/Town' }),
    );
    expect(accepted.map((entry) => entry.file)).toEqual(['articles/a.json']);
    expect(problems.map(formatProblem)).toEqual([
      'site.json: timeZone: is not a known IANA time zone',
      'articles/c.json: headline: must not be empty',
      'articles/b.json: id: "a" is already used by articles/a.json',
      'articles/d.json: related[1]: unknown article "nowhere"',
    ]);
  });
});
