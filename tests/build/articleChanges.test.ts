// @vitest-environment node
/**
 * Which article documents an incremental build keeps without making them (build/incremental/articleChanges.ts): after
 * any sequence of edits, every document it keeps is byte for byte the one a cold compile makes now. The newsroom is
 * large enough (200 articles, 12 tags) that an edit leaves most articles out of reach, so most are kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../build/compile.ts';
import { articlesADayApart, sourcesOf, type Json } from './articleSource.ts';
import type { CorpusSummary } from '../../build/incremental/articleChanges.ts';

const TAGS = Array.from({ length: 12 }, (_, i) => `Topic ${i}`);
const AUTHORS = ['Ada Reporter', 'Bo Writer', 'Cy Editor', 'Di Desk', 'Ed Stringer'];
const SECTIONS = ['World', 'Cities', 'Sport'];
const COUNT = 200;
/** One alias, moved from article to article; a pick may name it. */
const ALIAS = 'moving-alias';

const newsroom = () =>
  articlesADayApart(COUNT, (i) => ({
    tags: i % 5 === 0 ? [TAGS[i % 12] ?? '', TAGS[(i + 5) % 12] ?? ''] : [TAGS[i % 12] ?? ''],
    byline: [{ name: AUTHORS[i % AUTHORS.length] ?? '' }],
    section: SECTIONS[i % SECTIONS.length],
  }));

/** Every article document a compile writes, and the summary it leaves; with `previous`, the paths it kept. */
function compile(articles: Map<string, Json>, previous?: CorpusSummary) {
  const written = new Map<string, string>();
  const kept = new Set<string>();
  const sources = sourcesOf(articles.values());
  const output = compileContent({
    articles: sources,
    fileExists: () => true,
    mode: 'strict',
    writeDocument: (path, text) => {
      if (path.startsWith('/data/articles/')) written.set(path, text);
    },
    ...(previous && {
      keptArticles: {
        previous,
        keep: (path: string) => {
          kept.add(path);
          return true;
        },
      },
    }),
  });
  expect(output.problems).toEqual([]);
  if (previous) expect(output.articlesKept ?? 0).toBe(kept.size);
  return { written, kept, summary: output.corpusSummary };
}

describe('article documents kept by an incremental build', () => {
  it('notice a deleted article named like a property every object has', () => {
    const articles = newsroom();
    const neighbour = articles.get('a100') ?? {};
    articles.set('constructor', { ...neighbour, id: 'constructor', headline: 'The constructor' });
    const before = compile(articles);
    articles.delete('constructor');
    const cold = compile(articles);
    const incremental = compile(articles, before.summary);
    expect(before.written.get('/data/articles/a100.json')).toContain('"constructor"');
    expect(incremental.kept.has('/data/articles/a100.json')).toBe(false);
    for (const path of incremental.kept) expect(before.written.get(path)).toBe(cold.written.get(path));
  });

  it('are exactly what a cold compile makes, after any sequence of edits', () => {
    const at = fc.nat(COUNT - 1);
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('standfirst' as const), at, text: fc.constantFrom('One', 'Two') }),
      fc.record({ kind: fc.constant('headline' as const), at, word: fc.constantFrom('Rivers', 'Topic', 'Budget') }),
      fc.record({ kind: fc.constant('tags' as const), at, tags: fc.subarray(TAGS, { minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant('author' as const), at, author: fc.constantFrom(...AUTHORS) }),
      fc.record({ kind: fc.constant('section' as const), at, section: fc.constantFrom(...SECTIONS) }),
      fc.record({ kind: fc.constant('move in time' as const), at, days: fc.integer({ min: -40, max: 40 }) }),
      fc.record({ kind: fc.constant('add' as const), at, tag: fc.constantFrom(...TAGS) }),
      fc.record({ kind: fc.constant('delete' as const), at }),
      fc.record({ kind: fc.constant('pick' as const), at, other: fc.nat(COUNT - 1) }),
      fc.record({ kind: fc.constant('alias' as const), at }),
    );
    let kept = 0;
    let made = 0;
    let added = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const articles = newsroom();
        let before = compile(articles);
        for (const change of edits) {
          const ids = [...articles.keys()];
          const id = ids[change.at % ids.length] ?? 'a0';
          const current = articles.get(id) ?? {};
          const holdsAlias = (current.aliases as string[] | undefined)?.includes(ALIAS) ?? false;
          const picked = [...articles.values()].some((a) =>
            (a.related as string[] | undefined)?.some((pick) => pick === id || (holdsAlias && pick === ALIAS)),
          );
          if (change.kind === 'standfirst') articles.set(id, { ...current, standfirst: change.text });
          if (change.kind === 'headline') articles.set(id, { ...current, headline: `${change.word} ${id}` });
          if (change.kind === 'tags') articles.set(id, { ...current, tags: change.tags });
          if (change.kind === 'author') articles.set(id, { ...current, byline: [{ name: change.author }] });
          if (change.kind === 'section') articles.set(id, { ...current, section: change.section });
          if (change.kind === 'move in time') {
            const time = Date.parse(String(current.publishedAt)) + change.days * 86_400_000;
            articles.set(id, { ...current, publishedAt: new Date(time).toISOString() });
          }
          if (change.kind === 'add') {
            const { aliases: _aliases, related: _related, ...rest } = current;
            const time = Date.parse(String(current.publishedAt)) + 3_600_000;
            const newId = `new${++added}`;
            articles.set(newId, { ...rest, id: newId, publishedAt: new Date(time).toISOString(), tags: [change.tag] });
          }
          if (change.kind === 'delete' && articles.size > 2 && !picked) articles.delete(id);
          const other = 'other' in change ? ids[change.other % ids.length] : undefined;
          if (change.kind === 'pick' && other && other !== id) {
            // By the alias when the other article holds it, so that moving the alias moves the pick.
            const holds = (articles.get(other)?.aliases as string[] | undefined)?.includes(ALIAS);
            articles.set(id, { ...current, related: [holds ? ALIAS : other] });
          }
          if (change.kind === 'alias') {
            // The alias moves from whoever holds it to this article.
            for (const [holder, value] of articles) {
              if (holder !== id && value.aliases) articles.set(holder, { ...value, aliases: undefined });
            }
            articles.set(id, { ...current, aliases: [ALIAS] });
          }
          const cold = compile(articles);
          const incremental = compile(articles, before.summary);
          for (const path of incremental.kept) {
            expect({ path, text: before.written.get(path) }).toEqual({ path, text: cold.written.get(path) });
          }
          kept += incremental.kept.size;
          made += cold.written.size - incremental.kept.size;
          before = cold;
        }
      }),
      { numRuns: 60 },
    );
    // Not vacuous: most documents are kept, and some are made again.
    expect(kept).toBeGreaterThan(made);
    expect(made).toBeGreaterThan(0);
  }, 120_000);
});
