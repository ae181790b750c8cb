/**
 * The runtime's commit protocol without a broker: offsets are committed only after every record
 * produced before them is acknowledged (at-least-once), changelog writes are kept per key until the
 * commit, partition time goes into the offset metadata, a failed produce request stops commits, and a
 * commit refused with a rebalance error (bare or wrapped by kafkajs) is task migrated, not fatal.
 */
import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, type Consumer, type Producer } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { Committer, decodePartitionTime, rebalanceErrorType } from '../../src/engine/kafka/committer';

type Sent = { topicMessages: { topic: string; messages: { key: Buffer | null; value: Buffer | null }[] }[] };

function fakes() {
  const events: string[] = [];
  const acks: { ok: () => void; fail: (e: Error) => void; batch: Sent }[] = [];
  const producer = {
    sendBatch: (batch: Sent) =>
      new Promise<void>((ok, fail) => {
        events.push(`send ${batch.topicMessages.map((t) => `${t.topic}:${t.messages.length}`).join(',')}`);
        acks.push({ ok: () => (events.push('ack'), ok()), fail, batch });
      }),
  } as unknown as Producer;
  const commits: { topic: string; partition: number; offset: string; metadata?: string | null }[][] = [];
  const consumer = {
    commitOffsets: async (o: (typeof commits)[number]) => {
      events.push('commit');
      commits.push(o);
    },
  } as unknown as Consumer;
  return { producer, consumer, events, acks, commits };
}

const rec = (topic: string, v: string) => ({ topic, key: Buffer.from('k'), value: Buffer.from(v), timestamp: '0' });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Committer (at-least-once)', () => {
  it('commits offsets only after the outputs produced before them are acknowledged', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false });
    c.output(rec('out', 'a'));
    c.processed('in', 0, 41, 1000);
    await c.afterBatch();
    const commit = c.commit();
    await tick();
    expect(f.commits).toHaveLength(0);
    f.acks[0].ok();
    await commit;
    expect(f.events).toEqual(['send out:1', 'ack', 'commit']);
    expect(f.commits[0]).toEqual([{ topic: 'in', partition: 0, offset: '42', metadata: expect.any(String) }]);
    expect(decodePartitionTime(f.commits[0][0].metadata)).toBe(1000);
  });

  it('writes only the latest change of a key, at the commit, before committing', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false });
    for (const v of ['1', '2', '3']) c.change('0|store|k', { topic: 'app-store-changelog', partition: 0, key: '"k"', value: () => v });
    c.change('0|store|j', { topic: 'app-store-changelog', partition: 0, key: '"j"', value: () => null });
    c.processed('in', 0, 9, 5);
    await c.afterBatch();
    expect(f.acks).toHaveLength(0);
    const commit = c.commit();
    await tick();
    expect(f.acks).toHaveLength(1);
    const messages = f.acks[0].batch.topicMessages[0].messages;
    expect(messages.map((m) => [m.key?.toString(), m.value?.toString() ?? null])).toEqual([['"k"', '3'], ['"j"', null]]);
    f.acks[0].ok();
    await commit;
    expect(f.events.at(-1)).toBe('commit');
  });

  it('does not wait for records produced after the commit started', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false });
    c.output(rec('out', 'a'));
    c.processed('in', 0, 0, 1);
    const commit = c.commit();
    await tick();
    c.output(rec('out', 'b'));
    await c.afterBatch();
    f.acks[0].ok();
    await commit;
    expect(f.commits).toHaveLength(1);
    expect(f.acks).toHaveLength(2);
  });

  it('keeps the partition time across commits and restores it from metadata', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false });
    c.restoreTime('in', 1, 5000);
    c.processed('in', 1, 3, 4000);
    await c.commit();
    c.processed('in', 1, 4, 4500);
    await c.commit();
    expect(f.commits.map((o) => decodePartitionTime(o[0].metadata))).toEqual([5000, 5000]);
  });

  it('never commits again after a produce request failed', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false });
    c.output(rec('out', 'a'));
    c.processed('in', 0, 0, 1);
    await c.afterBatch();
    f.acks[0].fail(new Error('broker said no'));
    await tick();
    await expect(c.commit()).rejects.toThrow('broker said no');
    expect(f.commits).toHaveLength(0);
    expect(c.error?.message).toBe('broker said no');
  });

  it('forgets positions and cached changes of partitions it no longer owns', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false });
    c.processed('in', 0, 1, 1);
    c.processed('in', 1, 1, 1);
    c.change('1|s|k', { topic: 'cl', partition: 1, key: 'k', value: () => '1' });
    c.drop((p) => p === 0);
    await c.commit();
    expect(f.acks).toHaveLength(0);
    expect(f.commits[0].map((o) => o.partition)).toEqual([0]);
  });

  it('has one produce request in flight at a time and sends records in the order they were produced', async () => {
    const f = fakes();
    const c = new Committer({ producer: f.producer, consumer: f.consumer, groupId: 'g', eos: false, sendBatchSize: 2 });
    for (const v of ['1', '2', '3']) c.output(rec('out', v));
    await c.afterBatch();
    c.output(rec('out', '4'));
    await c.afterBatch();
    expect(f.acks).toHaveLength(1);
    f.acks[0].ok();
    await tick();
    expect(f.acks).toHaveLength(2);
    f.acks[1].ok();
    await tick();
    const sent = f.acks.map((a) => a.batch.topicMessages[0].messages.map((m) => m.value?.toString()));
    expect(sent).toEqual([['1', '2'], ['3', '4']]);
  });
});

/** What consumer.commitOffsets rejects with when the group moved on: kafkajs' own error classes, as kafkajs nests them. */
function refusedCommit(type: string, code: number, wrapping: 'bare' | 'wrapped' | 'retries'): Error {
  // The constructors as kafkajs' JavaScript has them (its typings leave out the options).
  const Protocol = KafkaJSProtocolError as unknown as new (e: { type: string; code: number; retriable: boolean; message: string }) => Error;
  const NonRetriable = KafkaJSNonRetriableError as unknown as new (e: Error, o: { cause: Error }) => Error;
  const RetriesExceeded = KafkaJSNumberOfRetriesExceeded as unknown as new (e: Error, o: { retryCount: number; retryTime: number }) => Error;
  const protocol = new Protocol({ type, code, retriable: false, message: `broker refused: ${type}` });
  if (wrapping === 'bare') return protocol;
  const wrapped = new NonRetriable(protocol, { cause: protocol });
  // kafkajs' retrier wraps once more when it gives up: its cause is the wrapped error.
  return wrapping === 'wrapped' ? wrapped : new RetriesExceeded(wrapped, { retryCount: 5, retryTime: 100 });
}

describe('Committer: a commit refused because the group rebalances ("task migrated")', () => {
  const refusing = (error: Error) => {
    const commits: { partition: number; offset: string }[][] = [];
    let refuse = true;
    const consumer = {
      commitOffsets: async (o: { partition: number; offset: string }[]) => {
        if (refuse) {
          refuse = false;
          throw error;
        }
        commits.push(o);
      },
    } as unknown as Consumer;
    return { consumer, commits };
  };

  for (const [name, code] of [['REBALANCE_IN_PROGRESS', 27], ['ILLEGAL_GENERATION', 22]] as const) {
    for (const wrapping of ['bare', 'wrapped', 'retries'] as const) {
      it(`${name} (${wrapping}): not fatal; the migration is reported with its type and the offsets go with the next commit`, async () => {
        const error = refusedCommit(name, code, wrapping);
        if (wrapping !== 'bare') expect((error as { type?: string }).type).toBeUndefined();
        const f = fakes();
        const r = refusing(error);
        const migrated: string[] = [];
        const c = new Committer({ producer: f.producer, consumer: r.consumer, groupId: 'g', eos: false, onTaskMigrated: (e, offsets) => migrated.push(`${rebalanceErrorType(e)} ${offsets.map((o) => o.offset)}`) });
        c.processed('in', 0, 4, 10);
        await c.commit();
        expect([migrated, c.error, c.uncommitted]).toEqual([[`${name} 5`], null, true]);
        await c.commit();
        expect(r.commits.map((o) => o.map((x) => [x.partition, x.offset]))).toEqual([[[0, '5']]]);
      });
    }
  }

  it('any other refusal (GROUP_AUTHORIZATION_FAILED, wrapped) stops committing with that error', async () => {
    const f = fakes();
    const r = refusing(refusedCommit('GROUP_AUTHORIZATION_FAILED', 30, 'wrapped'));
    const migrated: Error[] = [];
    const c = new Committer({ producer: f.producer, consumer: r.consumer, groupId: 'g', eos: false, onTaskMigrated: (e) => migrated.push(e) });
    c.processed('in', 0, 4, 10);
    await c.commit().catch(() => undefined);
    expect(c.error).not.toBeNull();
    expect([migrated, rebalanceErrorType(c.error)]).toEqual([[], null]);
    c.processed('in', 0, 5, 11);
    await expect(c.commit()).rejects.toBe(c.error);
    expect(r.commits).toEqual([]);
  });
});
