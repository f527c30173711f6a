// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectIdEntries,
  editDistance,
  idSimilarity,
  nearestIds,
  shardIds,
  type IdEntry,
} from '../../src/model/idGuesses.ts';
import type { IdShard } from '../../src/model/compiled.ts';

const entry = (name: string, id = name): IdEntry => ({ name, id, headline: `Headline of ${id}` });

describe('id guesses', () => {
  it('files ids by their first two characters, and splits a full shard by one more character, and so on', () => {
    const names = ['ab', 'abc', 'abd-1', 'abd-2', 'abd-3', 'abe', 'x'];
    const shards = shardIds(
      names.map((name) => entry(name)),
      2,
    );
    const byPrefix = Object.fromEntries(
      shards.map((shard) => [shard.shard, { names: shard.entries.map((e) => e.name), split: !!shard.split }]),
    );
    expect(byPrefix).toEqual({
      // "ab" itself cannot go deeper, so it stays in the split shard.
      ab: { names: ['ab'], split: true },
      abc: { names: ['abc'], split: false },
      abd: { names: [], split: true },
      'abd-': { names: [], split: true },
      'abd-1': { names: ['abd-1'], split: false },
      'abd-2': { names: ['abd-2'], split: false },
      'abd-3': { names: ['abd-3'], split: false },
      abe: { names: ['abe'], split: false },
      x: { names: ['x'], split: false },
    });
    // Every name is filed exactly once.
    expect(shards.flatMap((shard) => shard.entries.map((e) => e.name)).sort()).toEqual([...names].sort());
  });

  it('follows split shards down the requested id, and stops at a missing one', async () => {
    const shards = new Map(
      shardIds(
        ['ab', 'abc', 'abd-1', 'abd-2', 'abd-3', 'abe'].map((name) => entry(name)),
        2,
      ).map((s) => [s.shard, s]),
    );
    const asked: string[] = [];
    const fetchShard = (prefix: string): Promise<IdShard | undefined> => {
      asked.push(prefix);
      return Promise.resolve(shards.get(prefix));
    };
    expect((await collectIdEntries('abd-2x', fetchShard)).map((e) => e.name)).toEqual(['ab', 'abd-2']);
    expect(asked).toEqual(['ab', 'abd', 'abd-', 'abd-2']);
    asked.length = 0;
    expect((await collectIdEntries('Abz', fetchShard)).map((e) => e.name)).toEqual(['ab']);
    expect(asked).toEqual(['ab', 'abz']);
    asked.length = 0;
    expect(await collectIdEntries('--', fetchShard)).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('edit distance is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance).toBe(editDistance(b, a));
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance === 0).toBe(a === b);
      }),
    );
  });

  it('scores a cut-short id above a typo, and a typo above an unrelated id', () => {
    const cut = idSimilarity('lavrov-warns-us', 'lavrov-warns-us-south-korea');
    const typo = idSimilarity('lavrov-wrans-us-south-korea', 'lavrov-warns-us-south-korea');
    const unrelated = idSimilarity('lantern-festival', 'lavrov-warns-us-south-korea');
    expect(cut).toBeGreaterThanOrEqual(0.9);
    expect(typo).toBeGreaterThan(0.9 - 0.1);
    expect(typo).toBeLessThan(cut);
    expect(unrelated).toBeLessThan(0.6);
    // Two characters in common at the start are not a prefix worth offering.
    expect(idSimilarity('la', 'lavrov-warns')).toBeLessThan(0.6);
  });

  it('offers at most three articles, best first, each once even when an alias also matches', () => {
    const entries = [
      entry('harbour-wall-opens'),
      entry('harbour-wall-opens-to-walkers', 'walkers'),
      entry('harbour-wall-id', 'harbour-wall-opens'),
      entry('harbour-walls-open-early', 'early'),
      entry('harbour-wall-closes', 'closes'),
      entry('hazard-lights'),
    ];
    const guesses = nearestIds('harbour-wall-opns', entries);
    // "…-opens-to-walkers" is too far from "…-opns" (0.59); "hazard-lights" is unrelated.
    expect(guesses.map((guess) => guess.id)).toEqual(['harbour-wall-opens', 'closes', 'early']);
    expect(new Set(guesses.map((guess) => guess.id)).size).toBe(guesses.length);
  });

  it('offers nothing for an id that is not near any', () => {
    expect(nearestIds('zebra-crossing', [entry('harbour-wall-opens')])).toEqual([]);
    expect(nearestIds('', [entry('harbour-wall-opens')])).toEqual([]);
  });
});
