/**
 * Back-pressure without a broker: the controller pauses above the high-water mark (records or
 * bytes), stays paused between the marks, resumes at or below the low-water mark in both; and,
 * wired to a real RecordCollector over a producer whose acknowledgements the test releases, fetching
 * pauses while sends are held and resumes as they are acknowledged. The env settings and their errors.
 */
import type { Producer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { BackPressure, backPressureFromEnv, DEFAULT_BACK_PRESSURE } from '../../src/engine/kafka/back-pressure';
import { RecordCollector } from '../../src/engine/kafka/record-collector';

function fakeFetch() {
  const calls: string[] = [];
  return { calls, control: { pause: () => calls.push('pause'), resume: () => calls.push('resume') } };
}

describe('back-pressure controller', () => {
  const limits = { maxRecords: 100, maxBytes: 1000, resumeRatio: 0.5 };

  it('pauses above the record limit, holds between the marks, resumes at the low-water mark', () => {
    const queue = { unacknowledged: 0, unacknowledgedBytes: 0 };
    const { calls, control } = fakeFetch();
    const bp = new BackPressure(limits, queue, control);
    queue.unacknowledged = 100;
    bp.check();
    expect(calls).toEqual([]);
    queue.unacknowledged = 101;
    bp.check();
    bp.check();
    expect(calls).toEqual(['pause']);
    expect(bp.paused).toBe(true);
    queue.unacknowledged = 51;
    bp.check();
    expect(calls).toEqual(['pause']);
    queue.unacknowledged = 50;
    bp.check();
    expect(calls).toEqual(['pause', 'resume']);
    expect(bp.paused).toBe(false);
    expect(bp.pauses).toBe(1);
  });

  it('bytes count too: paused by bytes, resumed only when both are low', () => {
    const queue = { unacknowledged: 10, unacknowledgedBytes: 1001 };
    const { calls, control } = fakeFetch();
    const bp = new BackPressure(limits, queue, control);
    bp.check();
    expect(calls).toEqual(['pause']);
    queue.unacknowledgedBytes = 400;
    queue.unacknowledged = 60;
    bp.check();
    expect(calls).toEqual(['pause']);
    queue.unacknowledged = 10;
    bp.check();
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('a new consumer or assignment is paused again while the queue is full', () => {
    const queue = { unacknowledged: 0, unacknowledgedBytes: 0 };
    const { calls, control } = fakeFetch();
    const bp = new BackPressure(limits, queue, control);
    bp.reapply();
    expect(calls).toEqual([]);
    queue.unacknowledged = 500;
    bp.check();
    bp.reapply();
    expect(calls).toEqual(['pause', 'pause']);
  });
});

describe('back-pressure on the record collector', () => {
  it('pauses while produce requests are unacknowledged and resumes as acknowledgements drain the queue', async () => {
    // A producer whose sends complete only when the test says so.
    const pending: (() => void)[] = [];
    const producer = { sendBatch: () => new Promise<void>((resolve) => pending.push(resolve)) } as unknown as Producer;
    const { calls, control } = fakeFetch();
    const ref: { bp?: BackPressure } = {};
    const collector = new RecordCollector({ producer, eos: false, sendBatchSize: 10, onAcked: () => ref.bp!.check() });
    const bp = (ref.bp = new BackPressure({ maxRecords: 25, maxBytes: 1e9, resumeRatio: 0.4 }, collector, control));
    const record = (i: number) => ({ topic: 'out', key: Buffer.from(`k${i}`), value: Buffer.from('v'), timestamp: '0' });
    for (let i = 0; i < 30; i++) collector.send(record(i));
    void collector.drain();
    bp.check();
    expect(calls).toEqual(['pause']);
    expect(collector.unacknowledged).toBe(30);
    // Keys k0..k9 (2 bytes), k10..k29 (3 bytes), values of 1 byte.
    expect(collector.unacknowledgedBytes).toBe(10 * 2 + 20 * 3 + 30);
    // Acknowledge one produce request (10 records) at a time: 20 left (> 10 = 0.4 * 25) stays paused, 10 resumes.
    const ack = async () => {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    };
    await ack();
    expect(collector.unacknowledged).toBe(20);
    expect(calls).toEqual(['pause']);
    await ack();
    expect(collector.unacknowledged).toBe(10);
    expect(calls).toEqual(['pause', 'resume']);
    await ack();
    expect(collector.unacknowledged).toBe(0);
    expect(collector.unacknowledgedBytes).toBe(0);
    expect(collector.maxUnacknowledged).toBe(30);
  });
});

describe('back-pressure settings from the environment', () => {
  it('defaults, overrides and refusals', () => {
    expect(backPressureFromEnv({})).toEqual(DEFAULT_BACK_PRESSURE);
    expect(backPressureFromEnv({ PRODUCE_QUEUE_MAX_RECORDS: '500', PRODUCE_QUEUE_MAX_BYTES: '1048576', PRODUCE_QUEUE_RESUME_RATIO: '0.25' })).toEqual({ maxRecords: 500, maxBytes: 1048576, resumeRatio: 0.25 });
    expect(() => backPressureFromEnv({ PRODUCE_QUEUE_MAX_RECORDS: '0' })).toThrow(/PRODUCE_QUEUE_MAX_RECORDS/);
    expect(() => backPressureFromEnv({ PRODUCE_QUEUE_RESUME_RATIO: '1' })).toThrow(/PRODUCE_QUEUE_RESUME_RATIO/);
  });
});
