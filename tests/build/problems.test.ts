// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileContent, type SourceFile } from '../../build/compile.ts';
import { formatPath, formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';

const source = (file: string, value: unknown): SourceFile => ({ file, text: JSON.stringify(value, null, 2) });

const lines = (articles: SourceFile[]) =>
  compileContent({ articles, fileExists: () => true, mode: 'strict' }).problems.map(formatProblem);

/** An article whose sections[2].blocks[0].text holds a link to `url`. */
const withLinkInThirdSection = (url: string) =>
  article('a', {
    sections: [
      { blocks: [{ type: 'paragraph', text: 'One.' }] },
      { blocks: [{ type: 'paragraph', text: 'Two.' }] },
      { blocks: [{ type: 'paragraph', text: `Click [here](${url}).` }] },
    ],
  });

describe('formatPath', () => {
  it('writes keys with dots and indices in brackets', () => {
    expect(formatPath(['sections', 2, 'blocks', 0, 'text'])).toBe('sections[2].blocks[0].text');
    expect(formatPath(['image', 'src'])).toBe('image.src');
    expect(formatPath(['byline', 0, 'name'])).toBe('byline[0].name');
    expect(formatPath(['tags', 10])).toBe('tags[10]');
  });

  it('names the whole document (root)', () => {
    expect(formatPath([])).toBe('(root)');
  });

  it('starts with a bracket for a path that starts with an index', () => {
    expect(formatPath([0, 'id'])).toBe('[0].id');
  });
});

describe('formatProblem', () => {
  it('writes <file>: <path>: <message>', () => {
    expect(
      formatProblem({
        file: 'articles/a.json',
        path: 'sections[2].blocks[0].text',
        message: 'link url "javascript:alert(1)" is not allowed',
      }),
    ).toBe('articles/a.json: sections[2].blocks[0].text: link url "javascript:alert(1)" is not allowed');
  });
});

describe('problem lines from compileContent', () => {
  it('prints the contract example exactly', () => {
    expect(lines([source('articles/a.json', withLinkInThirdSection('javascript:alert(1)'))])).toEqual([
      'articles/a.json: sections[2].blocks[0].text: link url "javascript:alert(1)" is not allowed',
    ]);
  });

  it('prints a forbidden link as <file>: <path>: <message>', () => {
    expect(lines([source('articles/a.json', withLinkInThirdSection('javascript:alert'))])).toEqual([
      'articles/a.json: sections[2].blocks[0].text: link url "javascript:alert" is not allowed',
    ]);
  });

  it('uses the file name relative to the content folder as given, in sub-folders too', () => {
    expect(lines([source('articles/2025/july/a.json', article('a', { headline: '' }))])).toEqual([
      'articles/2025/july/a.json: headline: must not be empty',
    ]);
  });

  it('reports every problem of one file, not only the first', () => {
    const result = lines([
      source(
        'articles/many.json',
        article('Bad_Id', {
          headline: '   ',
          publishedAt: '2025-07-12',
          byline: [],
          sections: [{ blocks: [{ type: 'paragraph', text: '[x](data:y)' }, { type: 'video' }] }],
          tags: ['ok', '!!!'],
          titel: 'typo',
        }),
      ),
    ]);
    expect(result).toHaveLength(8);
    expect(result).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^articles\/many\.json: id: /),
        'articles/many.json: headline: must not be empty',
        expect.stringMatching(/^articles\/many\.json: publishedAt: must be an ISO 8601 date-time/),
        'articles/many.json: byline: must name at least one author',
        'articles/many.json: sections[0].blocks[0].text: link url "data:y" is not allowed',
        expect.stringMatching(/^articles\/many\.json: sections\[0\]\.blocks\[1\]\S*: unknown block type "video"/),
        expect.stringMatching(/^articles\/many\.json: tags\[1\]: .*slug/),
        expect.stringMatching(/^articles\/many\.json: titel: unknown field/),
      ]),
    );
  });

  it('reports the problems of every file, not only the first bad one', () => {
    const result = lines([
      source('articles/c.json', article('c', { headline: '' })),
      source('articles/ok.json', article('ok')),
      source('articles/a.json', article('a', { tags: ['!!!'] })),
      { file: 'articles/b.json', text: '{ "id": ' },
    ]);
    expect(result).toHaveLength(3);
    expect(result.map((line) => line.split(':')[0])).toEqual(['articles/a.json', 'articles/b.json', 'articles/c.json']);
  });

  it('reports problems of several kinds across files (schema, JSON, cross-file) together', () => {
    const result = lines([
      source('articles/a.json', article('a', { related: ['nowhere'] })),
      source('articles/b.json', article('a')),
      source('articles/c.json', article('c', { headline: '' })),
      { file: 'articles/d.json', text: 'not json' },
    ]);
    expect(result).toEqual(
      expect.arrayContaining([
        'articles/b.json: id: "a" is already used by articles/a.json',
        'articles/a.json: related[0]: unknown article "nowhere"',
        'articles/c.json: headline: must not be empty',
        expect.stringMatching(/^articles\/d\.json: \(root\): is not valid JSON/),
      ]),
    );
    expect(result).toHaveLength(4);
  });

  it('has one line per problem, with no line breaks inside', () => {
    const result = lines([{ file: 'articles/a.json', text: '{\n"id": "a",\n' }]);
    expect(result).toHaveLength(1);
    expect(result[0]).not.toMatch(/\n/);
  });
});
