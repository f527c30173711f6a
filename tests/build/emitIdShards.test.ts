// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitIdShards } from '../../build/compile/emitIdShards.ts';
import { MAX_SHARD_ENTRIES } from '../../src/model/idGuesses.ts';
import { article } from './articleSource.ts';
import { collect, corpusOf } from './corpusOf.ts';

describe('emitIdShards', () => {
  it('files every id and alias under its first two characters, leading to the article', () => {
    const documents = collect(
      emitIdShards(corpusOf([article('harbour', { aliases: ['old-harbour'] }), article('hazard'), article('x')])),
    );
    expect([...documents.keys()].sort()).toEqual(['/data/ids/ha.json', '/data/ids/ol.json', '/data/ids/x.json']);
    expect(documents.get('/data/ids/ol.json')?.entries).toEqual([
      { name: 'old-harbour', id: 'harbour', headline: 'Headline harbour' },
    ]);
    expect(documents.get('/data/ids/ha.json')?.entries.map((entry) => entry.name)).toEqual(['harbour', 'hazard']);
  });
});

describe('emitIdShards with a prefix Windows reserves', () => {
  it('files the "con" shard as con_.json, so the site can be copied to Windows', () => {
    // More than MAX_SHARD_ENTRIES ids starting "co" split the shard by three characters: "con", "cou", ...
    const ids = Array.from({ length: MAX_SHARD_ENTRIES + 1 }, (_, i) => `${i % 2 ? 'con' : 'cou'}-${i}`);
    const documents = collect(emitIdShards(corpusOf(ids.map((id) => article(id)))));
    expect(documents.get('/data/ids/co.json')?.split).toBe(true);
    expect(documents.get('/data/ids/con_.json')?.shard).toBe('con');
    expect(documents.has('/data/ids/con.json')).toBe(false);
    expect(documents.get('/data/ids/cou.json')?.entries).toHaveLength(Math.ceil((MAX_SHARD_ENTRIES + 1) / 2));
  });
});
