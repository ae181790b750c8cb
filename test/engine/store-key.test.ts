/** storeKey: the Map key of a record key. Object keys must map to their canonical JSON, whatever path builds it. */
import { describe, expect, it } from 'vitest';
import { storeKey } from '../../src/engine/core/record';

describe('storeKey', () => {
  it('keeps primitives (1 and "1" stay distinct)', () => {
    expect(storeKey(1)).toBe(1);
    expect(storeKey('1')).toBe('1');
    expect(storeKey(null)).toBe(null);
  });

  it('windowed keys map to their JSON text', () => {
    expect(storeKey({ key: 'user "1"', start: 0, end: 60_000 })).toBe('\u0000{"key":"user \\"1\\"","start":0,"end":60000}');
    expect(storeKey({ key: 7, start: 1.5, end: -0 })).toBe('\u0000{"key":7,"start":1.5,"end":0}');
  });

  it('other object shapes map to their JSON text too (property order matters, as in the bytes)', () => {
    expect(storeKey({ start: 0, key: 'a', end: 1 })).toBe('\u0000{"start":0,"key":"a","end":1}');
    expect(storeKey({ key: { id: 1 }, start: 0, end: 1 })).toBe('\u0000{"key":{"id":1},"start":0,"end":1}');
    expect(storeKey({ key: 'a', start: 0, end: 1, extra: true })).toBe('\u0000{"key":"a","start":0,"end":1,"extra":true}');
    expect(storeKey({ key: 'a', start: Infinity, end: 1 })).toBe('\u0000{"key":"a","start":null,"end":1}');
    class WithJson {
      key = 'a';
      start = 0;
      end = 1;
      toJSON() {
        return 'custom';
      }
    }
    expect(storeKey(new WithJson())).toBe('\u0000"custom"');
  });
});
