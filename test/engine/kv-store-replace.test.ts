import { describe, expect, it } from 'vitest';
import { KeyValueStore } from '../../src/engine/stores/kv-store';

describe('KeyValueStore.replace (update the entry get() returned)', () => {
  it('stores the new value and timestamp and reports the change, like put', () => {
    const s = new KeyValueStore<string, number>('s');
    const changes: [string, number | null, number][] = [];
    s.onChange = (k, v, ts) => changes.push([k, v, ts]);
    s.put('a', 1, 10);
    s.replace(s.get('a')!, 'a', 2, 20);
    expect(s.get('a')).toMatchObject({ value: 2, timestamp: 20 });
    expect(s.all()).toEqual([{ key: 'a', value: 2, timestamp: 20 }]);
    expect(changes).toEqual([
      ['a', 1, 10],
      ['a', 2, 20],
    ]);
  });

  it('deletes the key when the new value is null, like put', () => {
    const s = new KeyValueStore<string, number>('s');
    const changes: [string, number | null, number][] = [];
    s.onChange = (k, v, ts) => changes.push([k, v, ts]);
    s.put('a', 1, 10);
    s.replace(s.get('a')!, 'a', null, 30);
    expect(s.get('a')).toBeNull();
    expect(s.size).toBe(0);
    expect(changes).toEqual([
      ['a', 1, 10],
      ['a', null, 30],
    ]);
  });
});
