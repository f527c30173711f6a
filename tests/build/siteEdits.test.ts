// @vitest-environment node
/** site.json `sections` and `front` (contract 1.1): what is accepted, what is refused, and the exact problem lines. */
import { describe, expect, it } from 'vitest';
import { validate } from '../../build/compile/validate.ts';
import { compileContent } from '../../build/compile.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { article, type Json } from './articleSource.ts';
import type { SourceFile } from '../../build/compile/types.ts';
import type { IndexPage, SiteDocument } from '../../src/model/compiled.ts';

const source = (file: string, value: unknown): SourceFile => ({ file, text: JSON.stringify(value) });
const articles = [
  source('articles/a.json', article('a', { aliases: ['a-old'], section: 'World' })),
  source('articles/b.json', article('b', { section: 'world' })),
  source('articles/c.json', article('c', { section: 'Sport' })),
  source('articles/d.json', article('d')),
];
const run = (site: Json, extra: SourceFile[] = []) =>
  validate({ site: source('site.json', site), articles: [...articles, ...extra], fileExists: () => true });
const lines = (site: Json, extra: SourceFile[] = []) => run(site, extra).problems.map(formatProblem);

describe('site.json front', () => {
  it('accepts a lead and top stories by id or alias, resolved to ids in order', () => {
    const { problems, edits } = run({ front: { lead: 'c', top: ['a-old', 'd'] } });
    expect(problems).toEqual([]);
    expect(edits.front.pinned).toEqual(['c', 'a', 'd']);
  });

  it('accepts top stories without a lead, and a lead alone', () => {
    expect(run({ front: { top: ['b'] } }).edits.front.pinned).toEqual(['b']);
    expect(run({ front: { lead: 'b' } }).edits.front.pinned).toEqual(['b']);
    expect(run({ front: {} }).edits.front.pinned).toEqual([]);
  });

  it('names site.json and the field for an unknown id', () => {
    expect(lines({ front: { lead: 'nowhere', top: ['a', 'x'] } })).toEqual([
      'site.json: front.lead: no article "nowhere"',
      'site.json: front.top[1]: no article "x"',
    ]);
  });

  it('refuses an article pinned twice, even under an alias', () => {
    expect(lines({ front: { lead: 'a', top: ['b', 'a-old', 'b'] } })).toEqual([
      'site.json: front.top[1]: "a-old" (article "a") is already on the front page at front.lead',
      'site.json: front.top[2]: "b" is already on the front page at front.top[0]',
    ]);
  });

  it('refuses more than eight top stories, ids that are not ids, and unknown fields', () => {
    expect(lines({ front: { top: ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd', 'a'] } })).toEqual([
      'site.json: front.top: must list at most 8 top stories, not 9',
    ]);
    expect(lines({ front: { lead: 'Not An Id', tops: [] } })).toEqual([
      'site.json: front.lead: must be lower-case letters and digits in words joined by single hyphens, e.g. "my-article-2"',
      'site.json: front.tops: unknown field (check the spelling; fields of your own must start with "x-")',
    ]);
    expect(lines({ front: ['a'] })).toEqual(['site.json: front: must be an object, not an array']);
  });

  it('does not call a pin of an article with problems of its own unknown: that article’s problems say why', () => {
    const broken = source('articles/e.json', article('e', { headline: '' }));
    expect(lines({ front: { lead: 'e' } }, [broken])).toEqual(['articles/e.json: headline: must not be empty']);
  });
});

describe('site.json sections', () => {
  it('accepts the menu order by name, in any spelling of the slug', () => {
    const { problems, edits } = run({ sections: ['Sport', 'WORLD'] });
    expect(problems).toEqual([]);
    expect(edits.sectionOrder).toEqual(['sport', 'world']);
  });

  it('refuses a name without a slug', () => {
    expect(lines({ sections: ['World', '!!', ' '] })).toEqual([
      'site.json: sections[1]: has no letters or digits, so its section front has no slug',
      'site.json: sections[2]: must not be empty',
    ]);
  });

  it('refuses a section no article is in, and a section listed twice', () => {
    expect(lines({ sections: ['World', 'Opinion', 'world'] })).toEqual([
      'site.json: sections[1]: no article is in section "Opinion"',
      'site.json: sections[2]: "world" is already listed at sections[0]',
    ]);
  });

  it('refuses an article section without a slug', () => {
    const odd = source('articles/e.json', article('e', { section: '***' }));
    expect(lines({}, [odd])).toEqual([
      'articles/e.json: section: has no letters or digits, so its section front has no slug',
    ]);
  });
});

describe('compiled with edits', () => {
  const compile = (site: Json, mode: 'strict' | 'lenient') =>
    compileContent({ site: source('site.json', site), articles, fileExists: () => true, mode });
  const read = <T>(output: ReturnType<typeof compile>, path: string) =>
    JSON.parse(output.documents.get(path) ?? 'null') as T;

  it('puts the pins first on the front page and the menu in site.json order, the rest by size', () => {
    const output = compile({ sections: ['Sport'], front: { lead: 'd', top: ['c'] } }, 'strict');
    expect(output.problems).toEqual([]);
    const index = read<IndexPage>(output, '/data/index/1.json');
    expect(index.items.map((card) => card.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(index.pinned).toBe(2);
    expect(read<SiteDocument>(output, '/data/site.json').sections).toEqual([
      { slug: 'sport', name: 'Sport' },
      { slug: 'world', name: 'World' },
    ]);
  });

  it('fails a strict build on a bad pin; in dev it reports it and serves the front without it', () => {
    const site = { front: { lead: 'nowhere', top: ['c'] } };
    expect(compile(site, 'strict').documents.size).toBe(0);
    const dev = compile(site, 'lenient');
    expect(dev.problems.map(formatProblem)).toEqual(['site.json: front.lead: no article "nowhere"']);
    expect(read<IndexPage>(dev, '/data/index/1.json').items[0]?.id).toBe('c');
    expect(read<SiteDocument>(dev, '/data/site.json').problems).toEqual([
      'site.json: front.lead: no article "nowhere"',
    ]);
  });
});
