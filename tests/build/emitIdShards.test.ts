// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emitIdShards } from '../../build/compile/emitIdShards.ts';
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
