/** Foreign-key table joins follow Kafka's subscription instructions (rule 17). */
import { describe, expect, it } from 'vitest';
import { StreamsBuilder, TopologyTestDriver } from '../../src/engine';

const fk = (v: string) => v.split('|')[1];
const joiner = (l: unknown, r: unknown) => `(${String(l)},${String(r)})`;
const read = (d: TopologyTestDriver, t = 'out') => d.createOutputTopic(t).readRecordsToList().map((r) => [r.key, r.value]);

describe('foreign-key joins', () => {
  it('an inner join emits no tombstone for a left key that never existed, one for a non-joining key', () => {
    const b = new StreamsBuilder();
    b.table<string, string>('l').join(b.table('r'), fk, joiner).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('l', 'a', null, 0);
    expect(read(d)).toEqual([]);
    d.pipe('l', 'a', 'x|r1', 1);
    d.pipe('l', 'a', null, 2);
    expect(read(d)).toEqual([['a', null]]);
  });

  it('the result is produced after the left update: a join of the result with the left table still sees the old result', () => {
    const b = new StreamsBuilder();
    const left = b.table<string, string>('l');
    const result = left.join(b.table('r'), fk, joiner);
    result.toStream().to('out');
    result.join(left, (a: unknown, l: unknown) => `rejoin(${String(a)},${String(l)})`).toStream().to('rejoin');
    const d = new TopologyTestDriver(b.build());
    d.pipe('r', 'r1', 'R1', 0);
    d.pipe('l', 'a', 'x|r1', 1);
    d.pipe('l', 'a', null, 2);
    expect(read(d)).toEqual([['a', '(x|r1,R1)'], ['a', null]]);
    expect(read(d, 'rejoin')).toEqual([['a', 'rejoin((x|r1,R1),x|r1)'], ['a', null]]);
  });
});
