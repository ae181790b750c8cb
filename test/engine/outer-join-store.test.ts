/**
 * The outer-join store keeps held records in Kafka's store order ([timestamp, side, key], right side
 * first, duplicates in arrival order) and deletes a [side, key, timestamp] with all its duplicates.
 */
import { describe, expect, it } from 'vitest';
import { OuterJoinStore } from '../../src/engine/joins/outer-join-store';

const held = (s: OuterJoinStore) => s.entries.map((e) => `${e.left ? 'L' : 'R'}@${e.ts}:${String(e.key)}=${String(e.value)}`);

describe('OuterJoinStore', () => {
  it('orders records held out of order by timestamp, right before left, key; duplicates keep arrival order', () => {
    const s = new OuterJoinStore('o');
    s.hold({ key: 'b', ts: 5, left: true, value: 1 });
    s.hold({ key: 'a', ts: 5, left: true, value: 2 });
    s.hold({ key: 'z', ts: 5, left: false, value: 3 });
    s.hold({ key: 'a', ts: 2, left: true, value: 4 });
    s.hold({ key: 'a', ts: 5, left: true, value: 5 });
    s.hold({ key: 'c', ts: 9, left: true, value: 6 });
    expect(held(s)).toEqual(['L@2:a=4', 'R@5:z=3', 'L@5:a=2', 'L@5:a=5', 'L@5:b=1', 'L@9:c=6']);
  });

  it('release deletes every duplicate of that side, key and timestamp, and nothing else', () => {
    const s = new OuterJoinStore('o');
    s.hold({ key: 'a', ts: 5, left: true, value: 1 });
    s.hold({ key: 'a', ts: 5, left: false, value: 2 });
    s.hold({ key: 'a', ts: 5, left: true, value: 3 });
    s.hold({ key: 1, ts: 5, left: true, value: 4 });
    s.hold({ key: '1', ts: 5, left: true, value: 5 });
    s.hold({ key: 'a', ts: 6, left: true, value: 6 });
    s.release(true, 'a', 5);
    expect(held(s)).toEqual(['R@5:a=2', 'L@5:1=4', 'L@5:1=5', 'L@6:a=6']);
    s.release(true, '1', 5);
    expect(held(s)).toEqual(['R@5:a=2', 'L@5:1=4', 'L@6:a=6']);
    s.release(true, 'a', 7);
    s.release(false, 'b', 5);
    expect(held(s)).toHaveLength(3);
  });

  it('after a scan, the kept records stay in order with the rest and emitted ones no longer count as held', () => {
    const s = new OuterJoinStore('o');
    for (const [ts, left] of [[1, true], [2, false], [3, true], [4, true]] as const) s.hold({ key: 'k', ts, left, value: ts });
    // A scan of the first three: the left record at 1 and the right one at 2 emitted, 3 kept.
    s.replaceScanned(3, [s.entries[2]], [s.entries[0], s.entries[1]]);
    expect(held(s)).toEqual(['L@3:k=3', 'L@4:k=4']);
    // A record joining at an emitted timestamp finds nothing to delete; at a held one it deletes it.
    s.release(true, 'k', 1);
    s.release(true, 'k', 4);
    expect(held(s)).toEqual(['L@3:k=3']);
  });
});
