// @vitest-environment node
/**
 * A document's inputs (compile/types.ts Emitted): the site build links the last build's copy of a document made
 * from the same inputs instead of serializing it again, so the same inputs must always mean the same bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../build/compile.ts';
import { articlesADayApart, sourcesOf, type Json } from './articleSource.ts';

const TAGS = ['Rivers', 'Bridges', 'Trains', 'Schools', 'Budget', 'Courts'];
const AUTHORS = ['Ada Reporter', 'Bo Writer', 'Cy Editor', 'Di Desk'];
const SECTIONS = ['World', 'Cities'];

/** Articles a day apart; two sections, so "more in this section" shows cards that are not among the related. */
const newsroom = (count: number) =>
  articlesADayApart(count, (i) => ({
    tags: [TAGS[i % TAGS.length] ?? ''],
    byline: [{ name: AUTHORS[i % AUTHORS.length] ?? '' }],
    section: SECTIONS[i % SECTIONS.length],
  }));

/** Every document the compile streams out that has inputs: path → its text and inputs. */
function compile(articles: Map<string, Json>) {
  const written = new Map<string, { text: string; inputs: string }>();
  const sources = sourcesOf(articles.values());
  const output = compileContent({
    articles: sources,
    fileExists: () => true,
    mode: 'strict',
    writeDocument: (path, text, inputs) => {
      if (inputs !== undefined) written.set(path, { text, inputs });
    },
  });
  expect(output.problems).toEqual([]);
  return written;
}

describe('document inputs', () => {
  it('the same inputs always make the same bytes, after any sequence of edits', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('standfirst' as const), at: fc.nat(39), text: fc.constantFrom('One', 'Two') }),
      fc.record({ kind: fc.constant('headline' as const), at: fc.nat(39), words: fc.constantFrom(...TAGS) }),
      fc.record({ kind: fc.constant('tags' as const), at: fc.nat(39), tags: fc.subarray(TAGS, { maxLength: 2 }) }),
      fc.record({ kind: fc.constant('section' as const), at: fc.nat(39), section: fc.constantFrom(...SECTIONS) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(39) }),
      fc.record({ kind: fc.constant('pick' as const), at: fc.nat(39), other: fc.nat(39) }),
    );
    let unchanged = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const articles = newsroom(40);
        let before = compile(articles);
        for (const change of edits) {
          const ids = [...articles.keys()];
          const id = ids[change.at % ids.length] ?? 'a0';
          const current = articles.get(id) ?? {};
          if (change.kind === 'standfirst') articles.set(id, { ...current, standfirst: change.text });
          if (change.kind === 'headline') articles.set(id, { ...current, headline: `${change.words} ${id}` });
          if (change.kind === 'tags') articles.set(id, { ...current, tags: change.tags });
          if (change.kind === 'section') articles.set(id, { ...current, section: change.section });
          const pickedBySomeone = [...articles.values()].some((a) => (a.related as string[] | undefined)?.includes(id));
          if (change.kind === 'delete' && articles.size > 2 && !pickedBySomeone) articles.delete(id);
          if (change.kind === 'pick') {
            const other = ids[change.other % ids.length];
            if (other && other !== id && articles.has(other)) articles.set(id, { ...current, related: [other] });
          }
          const after = compile(articles);
          for (const [path, { text, inputs }] of after) {
            const earlier = before.get(path);
            if (earlier?.inputs !== inputs) continue;
            unchanged++;
            expect({ path, text }).toEqual({ path, text: earlier.text });
          }
          before = after;
        }
      }),
      { numRuns: 40 },
    );
    // Not vacuous: most documents keep their inputs from one edit to the next.
    expect(unchanged).toBeGreaterThan(1000);
  }, 60_000);
});
