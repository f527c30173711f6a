// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validate } from '../../build/compile/validate.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { Article, MAX_NESTING } from '../../src/model/schema.ts';
import { article } from './articleSource.ts';
import type { SourceFile } from '../../build/compile/types.ts';

const source = (file: string, value: unknown): SourceFile => ({ file, text: JSON.stringify(value) });
const run = (articles: SourceFile[], site?: SourceFile) => validate({ site, articles, fileExists: () => true });

describe('validate', () => {
  it('takes an article handed on as its hash from the cache, and says so plainly when the cache has lost it', () => {
    const cached = Article.parse({ ...article('cached'), headline: 'From the cache' });
    const known = new Map([['hash-of-cached', cached]]);
    const articleCache = { has: (h: string) => known.has(h), get: (h: string) => known.get(h), set: () => {} };
    const { accepted, problems } = validate({
      articles: [
        { file: 'articles/a.json', hash: 'hash-of-cached' },
        { file: 'articles/b.json', hash: 'hash-of-something-else' },
      ],
      articleCache,
      fileExists: () => true,
    });
    expect(accepted.map(({ article: { headline } }) => headline)).toEqual(['From the cache']);
    expect(problems.map(formatProblem)).toEqual(['articles/b.json: (root): could not be read again; build again']);
  });

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

describe('nesting depth', () => {
  const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  /** An article whose `field` is the given JSON text. */
  const withField = (id: string, field: string, json: string) => {
    const { [field]: _replaced, ...rest } = article(id);
    return { file: `articles/${id}.json`, text: `{"${field}":${json},${JSON.stringify(rest).slice(1)}` };
  };

  it(`accepts ${MAX_NESTING} levels (x- fields included) and reports more at the field that holds them`, () => {
    // The article object is level 1, so a field may hold MAX_NESTING - 1 levels.
    expect(run([withField('ok', 'x-tree', deepArray(MAX_NESTING - 1))]).problems).toEqual([]);
    expect(run([withField('deep', 'x-tree', deepArray(MAX_NESTING))]).problems.map(formatProblem)).toEqual([
      'articles/deep.json: x-tree: nests arrays and objects 65 levels deep; at most 64 are allowed',
    ]);
  });

  it('reports thousands of levels as a problem line, not a stack overflow, and still holds the id', () => {
    const { problems, accepted } = run([
      withField('deep', 'sections', deepArray(10_000)),
      source('articles/other.json', article('other', { related: ['deep'] })),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'articles/deep.json: sections: nests arrays and objects 10001 levels deep; at most 64 are allowed',
    ]);
    // The related pick of the deep article is not called unknown: its own problem says why it is out.
    expect(accepted.map((entry) => entry.article.id)).toEqual(['other']);
  });

  it('reports a document that is itself an array nested too deep at its first index', () => {
    expect(run([{ file: 'articles/a.json', text: deepArray(100) }]).problems.map(formatProblem)).toEqual([
      'articles/a.json: [0]: nests arrays and objects 100 levels deep; at most 64 are allowed',
    ]);
  });

  it('checks site.json too, and falls back to the defaults', () => {
    const { problems, site } = run([], { file: 'site.json', text: `{"x-a":${deepArray(5000)}}` });
    expect(problems.map(formatProblem)).toEqual([
      'site.json: x-a: nests arrays and objects 5001 levels deep; at most 64 are allowed',
    ]);
    expect(site.name).toBe('Broadsheet');
  });
});

describe('tag and author slugs as file names', () => {
  it('refuses a slug that differs from an earlier one only in case folding, naming both', () => {
    const { problems, accepted } = run([
      source('articles/a.json', article('a', { tags: ['Οδοσ'], byline: [{ name: 'Ayşe Kırık' }] })),
      source('articles/b.json', article('b', { tags: ['ΟΔΟΣ'], byline: [{ name: 'AYŞE KIRIK' }] })),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'articles/b.json: tags[0]: tag "ΟΔΟΣ" has the slug "οδος", which a file system that ignores case (Windows, macOS) cannot tell from "οδοσ" (tag "Οδοσ", articles/a.json tags[0]); spell them alike',
      'articles/b.json: byline[0].name: author "AYŞE KIRIK" has the slug "ayse-kirik", which a file system that ignores case (Windows, macOS) cannot tell from "ayse-kırık" (author "Ayşe Kırık", articles/a.json byline[0].name); spell them alike',
    ]);
    expect(accepted.map((entry) => entry.file)).toEqual(['articles/a.json']);
  });

  it('refuses two such spellings within one article', () => {
    const { problems } = run([source('articles/a.json', article('a', { tags: ['Straße', 'Strasse'] }))]);
    expect(problems.map(formatProblem)).toEqual([
      'articles/a.json: tags[1]: tag "Strasse" has the slug "strasse", which a file system that ignores case (Windows, macOS) cannot tell from "straße" (tag "Straße", articles/a.json tags[0]); spell them alike',
    ]);
  });

  it('accepts spellings with the same slug (one tag), and a tag and an author with the same slug', () => {
    const { problems } = run([
      source('articles/a.json', article('a', { tags: ['North Korea', 'NORTH KOREA'] })),
      source('articles/b.json', article('b', { tags: ['north-korea', 'Ada Reporter'] })),
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps no claim of a left-out article, so a later spelling of it is judged against the rest', () => {
    const { problems, accepted } = run([
      source('articles/a.json', article('a', { tags: ['Οδοσ'], headline: '' })),
      source('articles/b.json', article('b', { tags: ['ΟΔΟΣ'] })),
    ]);
    expect(problems.map(formatProblem)).toEqual(['articles/a.json: headline: must not be empty']);
    expect(accepted.map((entry) => entry.file)).toEqual(['articles/b.json']);
  });
});
