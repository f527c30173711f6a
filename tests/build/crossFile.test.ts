// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileContent, type CompileInput, type SourceFile } from '../../build/compile.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article } from './articleSource.ts';
import type { ArticleDocument, SiteDocument } from '../../src/model/compiled.ts';

const source = (file: string, value: unknown): SourceFile => ({ file, text: JSON.stringify(value) });

function compile(articles: SourceFile[], options: Partial<CompileInput> = {}) {
  return compileContent({ articles, fileExists: () => true, mode: 'strict', ...options });
}

function documentAt<T>(documents: Map<string, string>, path: string): T {
  const text = documents.get(path);
  if (text === undefined) throw new Error(`no document at ${path}; have ${[...documents.keys()].join(', ')}`);
  return JSON.parse(text) as T;
}

describe('ids and aliases are unique across files', () => {
  it('reports a duplicate id in the later file (by name), naming the file that has it', () => {
    const { problems } = compile([
      source('articles/b.json', article('same')),
      source('articles/a.json', article('same')),
    ]);
    expect(problems).toEqual([
      { file: 'articles/b.json', path: 'id', message: '"same" is already used by articles/a.json' },
    ]);
  });

  it('reports an alias that clashes with another article id', () => {
    const { problems } = compile([
      source('articles/a.json', article('first')),
      source('articles/b.json', article('second', { aliases: ['old-second', 'first'] })),
    ]);
    expect(problems).toEqual([
      { file: 'articles/b.json', path: 'aliases[1]', message: '"first" is already used by articles/a.json' },
    ]);
  });

  it('reports an id that clashes with another article alias', () => {
    const { problems } = compile([
      source('articles/a.json', article('first', { aliases: ['taken'] })),
      source('articles/b.json', article('taken')),
    ]);
    expect(problems).toEqual([
      { file: 'articles/b.json', path: 'id', message: '"taken" is already used by articles/a.json' },
    ]);
  });

  it('reports two articles with the same alias', () => {
    const { problems } = compile([
      source('articles/a.json', article('first', { aliases: ['old'] })),
      source('articles/b.json', article('second', { aliases: ['old'] })),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'articles/b.json: aliases[0]: "old" is already used by articles/a.json',
    ]);
  });

  it('reports an alias repeated within one article, or equal to its own id', () => {
    const { problems } = compile([
      source('articles/a.json', article('first', { aliases: ['old', 'old'] })),
      source('articles/b.json', article('second', { aliases: ['second'] })),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'articles/a.json: aliases[1]: "old" is repeated in this article',
      'articles/b.json: aliases[0]: "second" is repeated in this article',
    ]);
  });

  it('accepts distinct ids and aliases', () => {
    const { problems } = compile([
      source('articles/a.json', article('first', { aliases: ['first-old'] })),
      source('articles/b.json', article('second', { aliases: ['second-old', 'second-older'] })),
    ]);
    expect(problems).toEqual([]);
  });
});

describe('related', () => {
  it('reports an unknown related id, at its index', () => {
    const { problems } = compile([
      source('articles/a.json', article('first', { related: ['second', 'nowhere', 'gone'] })),
      source('articles/b.json', article('second')),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'articles/a.json: related[1]: unknown article "nowhere"',
      'articles/a.json: related[2]: unknown article "gone"',
    ]);
  });

  it('accepts a related alias and resolves it to the id', () => {
    const output = compile([
      source('articles/a.json', article('first', { related: ['second-old'] })),
      source('articles/b.json', article('second', { aliases: ['second-old'] })),
    ]);
    expect(output.problems).toEqual([]);
    const document = documentAt<ArticleDocument>(output.documents, '/data/articles/first.json');
    expect(document.kind === 'article' && document.related.map((card) => card.id)).toEqual(['second']);
  });
});

describe('image files', () => {
  const present = new Set(['images/here.svg', 'images/deep/also-here.svg']);
  const fileExists = (path: string) => present.has(path);

  it('reports a missing lead image and a missing image block, at their paths', () => {
    const { problems } = compile(
      [
        source(
          'articles/a.json',
          article('first', {
            image: { src: 'images/gone.svg', alt: 'A', width: 1, height: 1 },
            sections: [
              {
                blocks: [
                  { type: 'paragraph', text: 'x' },
                  { type: 'image', src: 'images/deep/also-here.svg', alt: 'B', width: 1, height: 1 },
                  { type: 'image', src: 'images/deep/missing.svg', alt: 'C', width: 1, height: 1 },
                ],
              },
            ],
          }),
        ),
      ],
      { fileExists },
    );
    expect(problems.map(formatProblem)).toEqual([
      'articles/a.json: image.src: image file "images/gone.svg" does not exist in the content folder',
      'articles/a.json: sections[0].blocks[2].src: image file "images/deep/missing.svg" does not exist in the content folder',
    ]);
  });

  it('accepts existing files and https URLs without asking the file system about the URL', () => {
    const asked: string[] = [];
    const { problems } = compile(
      [
        source(
          'articles/a.json',
          article('first', {
            image: { src: 'https://cdn.example/a.jpg', alt: 'A', width: 1, height: 1 },
            sections: [{ blocks: [{ type: 'image', src: 'images/here.svg', alt: 'B', width: 1, height: 1 }] }],
          }),
        ),
      ],
      {
        fileExists: (path) => {
          asked.push(path);
          return fileExists(path);
        },
      },
    );
    expect(problems).toEqual([]);
    expect(asked).toEqual(['images/here.svg']);
  });
});

describe('invalid JSON', () => {
  it.each(['', '{', '{"id": "a",}', "{'id': 'a'}", 'undefined'])('reports %j at the root', (text) => {
    const { problems } = compile([{ file: 'articles/a.json', text }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'articles/a.json', path: '(root)' });
    expect(problems[0]?.message).toMatch(/^is not valid JSON/);
  });

  it('reports invalid JSON in site.json', () => {
    const { problems } = compile([source('articles/a.json', article('a'))], { site: { file: 'site.json', text: '{' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'site.json', path: '(root)' });
  });
});

describe('site.json', () => {
  const withSite = (site: unknown, mode: 'strict' | 'lenient' = 'strict') =>
    compile([source('articles/a.json', article('a'))], { site: source('site.json', site), mode });

  it('reports an unknown locale (well-formed but unsupported)', () => {
    expect(withSite({ locale: 'xx' }).problems.map(formatProblem)).toEqual([
      'site.json: locale: is not a known BCP 47 locale',
    ]);
  });

  it('reports a malformed locale as a problem instead of throwing', () => {
    for (const locale of ['en_GB', 'not a locale', '']) {
      const { problems } = withSite({ locale });
      expect(problems.map((problem) => `${problem.file}: ${problem.path}`)).toEqual(['site.json: locale']);
    }
  });

  it('reports an unknown time zone', () => {
    expect(withSite({ timeZone: 'Mars/Olympus_Mons' }).problems.map(formatProblem)).toEqual([
      'site.json: timeZone: is not a known IANA time zone',
    ]);
  });

  it('reports a wrong type and an unknown field, and ignores x- fields', () => {
    const paths = withSite({ name: 5, logo: 'x.svg', 'x-owner': 'desk' }).problems.map((problem) => problem.path);
    expect(paths.sort()).toEqual(['logo', 'name']);
  });

  it('uses the defaults when there is no site.json', () => {
    const output = compile([source('articles/a.json', article('a'))]);
    const site = documentAt<SiteDocument>(output.documents, '/data/site.json');
    expect(site).toMatchObject({ name: 'Broadsheet', locale: 'en-GB', timeZone: 'UTC', problems: [] });
  });

  it('carries the configured values into /data/site.json', () => {
    const output = withSite({ name: 'Ledger', description: 'News', locale: 'en-IN', timeZone: 'Asia/Kolkata' });
    const site = documentAt<SiteDocument>(output.documents, '/data/site.json');
    expect(site).toMatchObject({ name: 'Ledger', description: 'News', locale: 'en-IN', timeZone: 'Asia/Kolkata' });
  });

  it('in lenient mode falls back to the defaults and lists the site problem', () => {
    const output = withSite({ locale: 'xx', timeZone: 'Nowhere/Town' }, 'lenient');
    const site = documentAt<SiteDocument>(output.documents, '/data/site.json');
    expect(site).toMatchObject({ locale: 'en-GB', timeZone: 'UTC' });
    expect(output.stats.articles).toBe(1);
    expect(site.problems).toEqual([
      'site.json: locale: is not a known BCP 47 locale',
      'site.json: timeZone: is not a known IANA time zone',
    ]);
  });
});

describe('strict and lenient modes', () => {
  const mixed = () => [
    source('articles/good-1.json', article('good-1', { related: ['good-2'] })),
    source('articles/good-2.json', article('good-2')),
    source('articles/bad-schema.json', article('bad-schema', { headline: '' })),
    source('articles/z-dup.json', article('good-1')),
    source('articles/unknown-related.json', article('unknown-related', { related: ['nope'] })),
    { file: 'articles/broken.json', text: '{' },
  ];

  it('strict: any problem means no documents and no media', () => {
    const output = compile(mixed(), { mode: 'strict' });
    expect(output.problems.length).toBe(4);
    expect(output.documents.size).toBe(0);
    expect(output.media.size).toBe(0);
    expect(output.stats).toEqual({ articles: 0, tags: 0, authors: 0, sections: 0, documents: 0 });
  });

  it('strict: no problems means documents', () => {
    const output = compile(mixed().slice(0, 2), { mode: 'strict' });
    expect(output.problems).toEqual([]);
    expect(output.documents.has('/data/articles/good-1.json')).toBe(true);
    expect(output.stats.articles).toBe(2);
  });

  it('lenient: bad articles are left out, the rest compiled, problems listed in /data/site.json', () => {
    const output = compile(mixed(), { mode: 'lenient' });
    expect(output.problems.length).toBe(4);
    expect(output.stats.articles).toBe(2);
    expect(output.documents.has('/data/articles/good-1.json')).toBe(true);
    expect(output.documents.has('/data/articles/good-2.json')).toBe(true);
    expect(output.documents.has('/data/articles/bad-schema.json')).toBe(false);
    expect(output.documents.has('/data/articles/unknown-related.json')).toBe(false);

    const site = documentAt<SiteDocument>(output.documents, '/data/site.json');
    expect(output.stats.articles).toBe(2);
    expect(site.problems).toEqual(output.problems.map(formatProblem));
    expect(site.problems).toEqual(
      expect.arrayContaining([
        'articles/bad-schema.json: headline: must not be empty',
        'articles/z-dup.json: id: "good-1" is already used by articles/good-1.json',
        'articles/unknown-related.json: related[0]: unknown article "nope"',
        expect.stringMatching(/^articles\/broken\.json: \(root\): is not valid JSON/),
      ]),
    );

    // The duplicate lost: the article under good-1 is the one from good-1.json.
    const first = documentAt<ArticleDocument>(output.documents, '/data/articles/good-1.json');
    expect(first.kind === 'article' && first.article.headline).toBe('Headline good-1');
    // Left-out articles appear in no list.
    const index = documentAt<{ items: { id: string }[] }>(output.documents, '/data/index/1.json');
    expect(index.items.map((item) => item.id).sort()).toEqual(['good-1', 'good-2']);
  });

  it('lenient: an article with a missing image is left out', () => {
    const output = compile(
      [
        source('articles/a.json', article('a', { image: { src: 'images/x.svg', alt: 'X', width: 1, height: 1 } })),
        source('articles/b.json', article('b')),
      ],
      { mode: 'lenient', fileExists: () => false },
    );
    expect(output.stats.articles).toBe(1);
    expect(output.documents.has('/data/articles/a.json')).toBe(false);
    expect(output.media.size).toBe(0);
  });

  it('lenient with no problems lists none', () => {
    const output = compile([source('articles/a.json', article('a'))], { mode: 'lenient' });
    expect(documentAt<SiteDocument>(output.documents, '/data/site.json').problems).toEqual([]);
  });

  it('does not depend on the order the files are given in', () => {
    const forward = compile(mixed(), { mode: 'lenient' });
    const backward = compile(mixed().reverse(), { mode: 'lenient' });
    expect(backward.problems).toEqual(forward.problems);
    expect([...backward.documents].sort()).toEqual([...forward.documents].sort());
  });
});
