// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitAliases } from '../../build/compile/emitAliases.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf } from './corpusOf.ts';

describe('emitAliases', () => {
  it('writes a redirect to the id at each alias, and nothing for an article without aliases', () => {
    const documents = collect(
      emitAliases(corpusOf([article('current', { aliases: ['old', 'older'] }), article('plain')])),
    );
    expect(Object.fromEntries(documents)).toEqual({
      '/data/articles/old.json': { kind: 'redirect', to: 'current' },
      '/data/articles/older.json': { kind: 'redirect', to: 'current' },
    });
  });
});
