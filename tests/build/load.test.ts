// @vitest-environment node
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR, loadContent, resolveContentDir } from '../../build/load.ts';
import { formatProblem } from '../../src/model/problems.ts';
import type { ArticleDocument, SiteDocument } from '../../src/model/compiled.ts';

const fixture = (name: string) => resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures', name);

function documentAt<T>(documents: Map<string, string>, path: string): T {
  const text = documents.get(path);
  if (text === undefined) throw new Error(`no document at ${path}`);
  return JSON.parse(text) as T;
}

describe('resolveContentDir', () => {
  it('defaults to content/ under the root', () => {
    expect(DEFAULT_CONTENT_DIR).toBe('content');
    expect(resolveContentDir('/repo', undefined)).toBe(resolve('/repo', 'content'));
    expect(resolveContentDir('/repo', '')).toBe(resolve('/repo', 'content'));
    expect(resolveContentDir('/repo', '   ')).toBe(resolve('/repo', 'content'));
  });

  it('resolves a relative CONTENT_DIR against the root and keeps an absolute one', () => {
    expect(resolveContentDir('/repo', 'tests/fixtures/app')).toBe(resolve('/repo/tests/fixtures/app'));
    expect(resolveContentDir('/repo', '/srv/news')).toBe(resolve('/srv/news'));
  });
});

describe('loadContent on a valid folder', () => {
  const dir = fixture('content-valid');

  it('compiles it without problems in strict mode', async () => {
    const output = await loadContent(dir, 'strict');
    expect(output.problems).toEqual([]);
    expect(output.stats).toMatchObject({ articles: 3, authors: 2, sections: 1 });
  });

  it('reads site.json, ignoring its x- fields', async () => {
    const site = documentAt<SiteDocument>((await loadContent(dir, 'strict')).documents, '/data/site.json');
    expect(site).toMatchObject({ name: 'Fixture Times', locale: 'en-IN', timeZone: 'Asia/Kolkata' });
    expect(site).not.toHaveProperty('x-note');
  });

  it('finds images in sub-folders and serves only the referenced ones', async () => {
    const { media } = await loadContent(dir, 'strict');
    expect(Object.fromEntries(media)).toEqual({
      '/media/images/lead.svg': 'images/lead.svg',
      '/media/images/maps/inline.svg': 'images/maps/inline.svg',
    });
  });

  it('emits the article, its alias and the non-Latin tag', async () => {
    const { documents } = await loadContent(dir, 'strict');
    const alpha = documentAt<ArticleDocument>(documents, '/data/articles/alpha.json');
    expect(alpha.kind).toBe('article');
    if (alpha.kind === 'article') {
      expect(alpha.article).not.toHaveProperty('x-workflow');
      expect(alpha.related[0]).toMatchObject({ id: 'gamma', editorsPick: true });
    }
    expect(documentAt(documents, '/data/articles/alpha-old.json')).toEqual({ kind: 'redirect', to: 'alpha' });
    expect(documents.has('/data/tags/평양/1.json')).toBe(true);
    expect(documents.has('/data/tags/north-korea/1.json')).toBe(true);
  });
});

describe('loadContent on an invalid folder', () => {
  const dir = fixture('content-invalid');

  it('strict: reports every problem, one per line, and emits nothing', async () => {
    const output = await loadContent(dir, 'strict');
    const lines = output.problems.map(formatProblem);
    expect(output.documents.size).toBe(0);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^articles\/a\.json: sections\[2\]\.blocks\[0\]\.text: link url "javascript:alert\(1/),
        'articles/d-dup.json: id: "good" is already used by articles/b-good.json',
        'articles/e-alias-clash.json: aliases[0]: "second" is already used by articles/c-second.json',
        'articles/f-unknown-related.json: related[1]: unknown article "no-such-article"',
        'articles/g-missing-image.json: image.src: image file "images/missing.svg" does not exist in the content folder',
        expect.stringMatching(/^articles\/h-broken\.json: \(root\): is not valid JSON/),
        expect.stringMatching(/^articles\/i-multi\.json: id: /),
        'articles/i-multi.json: headline: must not be empty',
        expect.stringMatching(/^articles\/i-multi\.json: publishedAt: /),
        expect.stringMatching(/^articles\/i-multi\.json: sections\[0\]\.blocks\[0\]\S*: unknown block type "video"/),
        expect.stringMatching(/^articles\/i-multi\.json: tags\[0\]: /),
        expect.stringMatching(/^articles\/i-multi\.json: titel: unknown field/),
      ]),
    );
    expect(lines).toHaveLength(12);
    // The good articles are not blamed.
    expect(lines.filter((line) => /^articles\/(b-good|c-second)\.json/.test(line))).toEqual([]);
  });

  it('strict: prints the contract example line for articles/a.json', async () => {
    const lines = (await loadContent(dir, 'strict')).problems.map(formatProblem);
    expect(lines).toContain(
      'articles/a.json: sections[2].blocks[0].text: link url "javascript:alert(1)" is not allowed',
    );
  });

  it('lenient: leaves the bad articles out and compiles the others', async () => {
    const output = await loadContent(dir, 'lenient');
    const articles = [...output.documents.keys()].filter((path) => path.startsWith('/data/articles/')).sort();
    expect(articles).toEqual([
      '/data/articles/good-old.json',
      '/data/articles/good.json',
      '/data/articles/second.json',
    ]);
    expect(output.media).toEqual(new Map([['/media/images/present.svg', 'images/present.svg']]));

    const second = documentAt<ArticleDocument>(output.documents, '/data/articles/second.json');
    expect(second.kind === 'article' && second.related.map((card) => [card.id, card.editorsPick])).toEqual([
      ['good', true],
    ]);
  });

  it('lenient: lists the problems in /data/site.json', async () => {
    const output = await loadContent(dir, 'lenient');
    const site = documentAt<SiteDocument>(output.documents, '/data/site.json');
    expect(output.stats.articles).toBe(2);
    expect(site.problems).toHaveLength(12);
    expect(site.problems).toEqual(output.problems.map(formatProblem));
    expect(site.problems).toContain('articles/d-dup.json: id: "good" is already used by articles/b-good.json');
    // No site.json: the defaults apply.
    expect(site.name).toBe('Broadsheet');
  });
});

describe('loadContent with a bad site.json', () => {
  const dir = fixture('content-bad-site');

  it('strict: reports the locale and the time zone', async () => {
    const output = await loadContent(dir, 'strict');
    expect(output.problems.map(formatProblem)).toEqual([
      'site.json: locale: is not a known BCP 47 locale',
      'site.json: timeZone: is not a known IANA time zone',
    ]);
    expect(output.documents.size).toBe(0);
  });

  it('lenient: still serves the articles', async () => {
    const output = await loadContent(dir, 'lenient');
    expect(output.documents.has('/data/articles/ok.json')).toBe(true);
    expect(documentAt<SiteDocument>(output.documents, '/data/site.json').problems).toHaveLength(2);
  });
});

describe('loadContent on a missing folder', () => {
  it('reports that the folder does not exist', async () => {
    const dir = fixture('no-such-folder');
    const output = await loadContent(dir, 'strict');
    expect(output.problems).toEqual([{ file: '.', path: '(root)', message: `content folder ${dir} does not exist` }]);
    expect(output.documents.size).toBe(0);
  });
});
