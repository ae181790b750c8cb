import { describe, expect, it } from 'vitest';
import { RecordQueue } from '../../src/engine/record-queue';

const rec = (n: number) => ({ key: `k${n}`, value: n, timestamp: n });

describe('RecordQueue (records fed back through repartition topics)', () => {
  it('gives records back first in, first out, also when refilled after emptying', () => {
    const q = new RecordQueue();
    q.push(rec(1));
    q.push(rec(2));
    expect(q.shift()).toEqual(rec(1));
    q.push(rec(3));
    expect(q.size).toBe(2);
    expect(q.peek()).toEqual(rec(2));
    expect(q.shift()).toEqual(rec(2));
    expect(q.shift()).toEqual(rec(3));
    expect(q.shift()).toBeUndefined();
    expect(q.peek()).toBeUndefined();
    q.push(rec(4));
    expect(q.size).toBe(1);
    expect(q.shift()).toEqual(rec(4));
  });

  it('keeps order across a burst larger than the slots it keeps', () => {
    const q = new RecordQueue();
    for (let i = 0; i < 3000; i++) q.push(rec(i));
    const out: number[] = [];
    for (let r = q.shift(); r !== undefined; r = q.shift()) {
      out.push(r.value as number);
      if (r.value === 2999) q.push(rec(5000));
    }
    expect(out.length).toBe(3001);
    expect(out[2999]).toBe(2999);
    expect(out[3000]).toBe(5000);
    expect(q.size).toBe(0);
  });
});
