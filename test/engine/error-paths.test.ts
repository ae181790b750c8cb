/**
 * Engine error paths: every failure names where it happened (processor / design node, sink and
 * topic, or input topic) and on what (the record's key, value and timestamp), in one line.
 */
import { describe, expect, it } from 'vitest';
import { Consumed, JoinWindows, Named, ProcessingError, Produced, Serdes, StreamsBuilder, TopologyTestDriver } from '../../src/engine';

const thrown = (f: () => void): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
};

describe('throwing user functions', () => {
  it('in an aggregator: a ProcessingError naming the aggregation and the record; earlier results stay', () => {
    const b = new StreamsBuilder();
    b.stream<string, number>('in')
      .groupByKey()
      .aggregate(() => 0, (_k, v, a) => {
        if (v > 1) throw new Error('too big');
        return a + v;
      }, Named.as('sum'))
      .toStream(Named.as('sums'))
      .to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'k', 1, 1);
    const e = thrown(() => d.pipe('in', 'k', 2, 3));
    expect(e).toBeInstanceOf(ProcessingError);
    expect(e).toMatchObject({ processor: 'sum', owner: 'sum', record: { key: 'k', value: 2, timestamp: 3 } });
    expect(e.message).toBe('sum: too big — while processing record key="k" value=2 timestamp=3');
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.value)).toEqual([1]);
  });

  it('in a stream-stream joiner: the error belongs to the join node, the record is the one that triggered it', () => {
    const b = new StreamsBuilder();
    b.stream('l').join(b.stream('r'), () => {
      throw new TypeError('joiner broke');
    }, JoinWindows.ofTimeDifferenceWithNoGrace(10), Named.as('j')).to('out');
    const d = new TopologyTestDriver(b.build());
    d.pipe('l', 'k', 'left', 1);
    const e = thrown(() => d.pipe('r', 'k', 'right', 3)) as ProcessingError;
    expect(e.owner).toBe('j');
    expect(e.processor).toBe('j-other-join');
    expect(e.message).toBe('j: joiner broke — while processing record key="k" value="right" timestamp=3');
  });
});

describe('values a serde cannot write', () => {
  const sinkError = (value: unknown) => {
    const b = new StreamsBuilder();
    b.stream('in').mapValues(() => value, Named.as('make')).to('out', Produced.with(Serdes.String(), Serdes.Json()).withName('writer'));
    const d = new TopologyTestDriver(b.build());
    return { error: thrown(() => d.pipe('in', 'k', 1, 5)), d };
  };

  it.each([
    [Number.NaN, 'NaN', 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity', 'Infinity'],
    [() => 1, 'a function', 'a function'],
    [10n, 'a bigint', '10n'],
  ])('JSON serde refuses %s, naming the sink, the topic and the value as it is', (value, what, shown) => {
    const { error, d } = sinkError(value);
    expect(error.message).toBe(`writer: value written by "writer" to topic "out": JSON serde cannot write ${what} — while processing record key="k" value=${shown} timestamp=5`);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([]);
  });

  it('JSON serde: what JSON cannot carry inside an object is dropped or converted, as on a real topic', () => {
    const b = new StreamsBuilder();
    b.stream('in').mapValues(() => ({ a: undefined, f: () => 1, d: new Date(0), n: 1 })).to('out', Produced.with(Serdes.String(), Serdes.Json()));
    const d = new TopologyTestDriver(b.build());
    d.pipe('in', 'k', 1, 5);
    expect(d.createOutputTopic('out').readRecordsToList().map((r) => r.value)).toEqual([{ d: '1970-01-01T00:00:00.000Z', n: 1 }]);
  });

  it('a string serde given a number, a number serde given a string: the input topic is named', () => {
    const b = new StreamsBuilder();
    b.stream('words', Consumed.with(Serdes.String(), Serdes.String())).to('out');
    b.stream('amounts', Consumed.with(Serdes.String(), Serdes.Number())).to('out2');
    const d = new TopologyTestDriver(b.build());
    expect(thrown(() => d.pipe('words', 'k', 5, 1)).message).toBe('value of a record for topic "words": String serde cannot write a number (5); use the JSON serde or convert it');
    expect(thrown(() => d.pipe('amounts', 'k', 'ten', 1)).message).toBe('value of a record for topic "amounts": Number serde cannot write a string (ten)');
    expect(thrown(() => d.pipe('words', 7, 'v', 1)).message).toMatch(/^key of a record for topic "words": String serde cannot write a number \(7\)/);
  });
});

describe('timestamps', () => {
  const driver = () => {
    const b = new StreamsBuilder();
    b.stream('in').to('out');
    return new TopologyTestDriver(b.build());
  };
  it.each([
    [-1, 'record for topic "in" has a negative timestamp (-1); Kafka timestamps are epoch milliseconds >= 0'],
    [undefined, 'record for topic "in" has no valid timestamp (got undefined)'],
    [Number.NaN, 'record for topic "in" has no valid timestamp (got NaN)'],
    [Number.POSITIVE_INFINITY, 'record for topic "in" has no valid timestamp (got Infinity)'],
    ['5', 'record for topic "in" has no valid timestamp (got "5")'],
  ])('pipe(..., %s) is refused: %s', (ts, message) => {
    const d = driver();
    expect(thrown(() => d.pipe('in', 'k', 'v', ts as number)).message).toBe(message);
    expect(d.createOutputTopic('out').readRecordsToList()).toEqual([]);
  });
});
