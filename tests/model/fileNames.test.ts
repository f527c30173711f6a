// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../src/model/paths.ts';
import { foldedName, isReservedFileName, utf8Bytes } from '../../src/model/slug.ts';

describe('isReservedFileName', () => {
  it.each(['con', 'CON', 'prn', 'aux', 'nul', 'com0', 'com9', 'COM¹', 'lpt1', 'lpt³', 'con.json', 'Nul.txt'])(
    'knows %j as a name Windows reserves',
    (name) => expect(isReservedFileName(name)).toBe(true),
  );

  it.each(['console', 'con-x', 'com10', 'lpt', 'null', 'icon', 'com', 'aux_'])('lets %j be', (name) =>
    expect(isReservedFileName(name)).toBe(false),
  );
});

describe('foldedName', () => {
  it('folds what a case-insensitive file system confuses', () => {
    expect(foldedName('οδος')).toBe(foldedName('οδοσ'));
    expect(foldedName('straße')).toBe(foldedName('strasse'));
    expect(foldedName('kırık')).toBe(foldedName('kirik'));
  });

  it('keeps different names apart', () => {
    expect(foldedName('seoul')).not.toBe(foldedName('seol'));
    expect(foldedName('평양')).toBe('평양');
  });
});

describe('utf8Bytes', () => {
  it('counts bytes, not characters', () => {
    expect([utf8Bytes('a'), utf8Bytes('é'), utf8Bytes('평'), utf8Bytes('🙂')]).toEqual([1, 2, 3, 4]);
  });
});

describe('id shard paths', () => {
  it('file a shard whose prefix Windows reserves under another name, which no id can have', () => {
    expect(dataPath.idShard('co')).toBe('/data/ids/co.json');
    expect(dataPath.idShard('con')).toBe('/data/ids/con_.json');
    expect(dataPath.idShard('com1')).toBe('/data/ids/com1_.json');
    expect(dataPath.idShard('cons')).toBe('/data/ids/cons.json');
  });
});
