/** Foreign-key table joins follow Kafka's subscription instructions (rule 17). */
import { describe, expect, it } from 'vitest';
import { Named, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

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

  // TopologyTestDriver semantics across Kafka's two hops (subscription topic, then response topic):
  // everything one input causes is processed before the next input is read.
  it('a left update is answered through both internal topics before the next input; a right update reaches every subscriber at once', () => {
    const b = new StreamsBuilder();
    b.table<string, string>('l').leftJoin(b.table('r'), fk, joiner, Named.as('j')).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('r', 'r1', 'R1', 0);
    d.pipe('l', 'a', 'x|r1', 1);
    expect(read(d)).toEqual([['a', '(x|r1,R1)']]);
    d.pipe('l', 'b', 'y|r1', 2);
    d.pipe('l', 'c', 'z|r2', 3);
    expect(read(d)).toEqual([['b', '(y|r1,R1)'], ['c', '(z|r2,null)']]);
    d.pipe('r', 'r1', 'R1b', 4);
    expect(read(d)).toEqual([['a', '(x|r1,R1b)'], ['b', '(y|r1,R1b)']]);
    // Moving "a" from r1 to r2 (left join): first the answer for the old key (no right value), then the new one.
    d.pipe('r', 'r2', 'R2', 5);
    expect(read(d)).toEqual([['c', '(z|r2,R2)']]);
    d.pipe('l', 'a', 'x2|r2', 6);
    expect(read(d)).toEqual([['a', '(x2|r2,null)'], ['a', '(x2|r2,R2)']]);
    // The subscriptions live in the store of the right side: "a" left r1 for r2.
    const subs = d.storeContents()['j-subscription-store'].map((e) => [e.key, [...(e.value as string[])].sort()]);
    expect(subs).toEqual([['r1', ['b']], ['r2', ['a', 'c']]]);
  });

  // Kafka's SubscriptionSendProcessor ("Skipping record due to null foreign key", dropped-records
  // metric) and SubscriptionJoinProcessor (result timestamp = max(subscription, right row)).
  it('an inner join counts an update with a null foreign key as dropped; a deletion is stamped with the later of it and the right row', () => {
    const b = new StreamsBuilder();
    b.table<string, string>('l').join(b.table('r'), (v: string) => (v.includes('|') ? fk(v) : null), joiner).toStream().to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('r', 'r1', 'R1', 50);
    d.pipe('l', 'a', 'x|r1', 10);
    d.pipe('l', 'b', 'no-fk', 30);
    expect(d.droppedRecords()).toBe(1);
    d.pipe('l', 'a', null, 20);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([
      { key: 'a', value: '(x|r1,R1)', timestamp: 50 },
      { key: 'a', value: null, timestamp: 50 },
    ]);
  });
});
