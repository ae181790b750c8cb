/**
 * The process() workload of `npm run bench` (issue 13): a user processor keeping a running sum per
 * key (10k keys) in its key-value store, with a STREAM_TIME punctuator every minute of stream time
 * that forwards how many keys the store holds; as the engine, a hand-written loop and RxJS compute it.
 */
import { from, lastValueFrom, mergeMap, toArray } from 'rxjs';
import { Stores, type ProcessorKeyValueStore } from '../src/engine';
import type { Out, Workload } from './workloads';
import { drive } from './drive';

const INTERVAL = 60_000;

/** What the loop and RxJS keep: the sums, the stream time and the next punctuation's due time. */
interface State {
  sums: Map<string, number>;
  streamTime: number;
  due: number;
}

/** One record's outputs: its sum, then the punctuation when stream time reached the due time (rule 24). */
function step(s: State, r: { key: unknown; value: unknown; timestamp: number }, out: Out[]): void {
  const k = r.key as string;
  const sum = (s.sums.get(k) ?? 0) + (r.value as number);
  s.sums.set(k, sum);
  out.push({ key: k, value: sum, timestamp: r.timestamp });
  if (r.timestamp > s.streamTime) s.streamTime = r.timestamp;
  if (s.streamTime >= s.due) {
    out.push({ key: 'keys', value: s.sums.size, timestamp: s.streamTime });
    s.due += (Math.floor((s.streamTime - s.due) / INTERVAL) + 1) * INTERVAL;
  }
}

const newState = (): State => ({ sums: new Map(), streamTime: -1, due: 0 });

export const processor: Workload = {
  name: 'process(): running sum per key in a key-value store + stream-time punctuator, 10k keys',
  input: (n) => Array.from({ length: n }, (_, i) => ({ topic: 'in', key: `k${(i * 7919) % 10_000}`, value: i % 100, timestamp: i * 10 })),
  engine: (input) =>
    drive((b) => {
      b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('sums')));
      b.stream<string, number>('in')
        .process(
          () => ({
            init(ctx) {
              this.ctx = ctx;
              const sums = (this.sums = ctx.getStateStore<ProcessorKeyValueStore<string, number>>('sums'));
              ctx.schedule(INTERVAL, 'STREAM_TIME', (ts) => ctx.forward({ key: 'keys', value: sums.approximateNumEntries(), timestamp: ts }));
            },
            process(r) {
              const sum = (this.sums.get(r.key) ?? 0) + r.value;
              this.sums.put(r.key, sum);
              this.ctx.forward({ key: r.key, value: sum });
            },
          }),
          'sums',
        )
        .to('out');
    }, input),
  loop: (input) => {
    const s = newState();
    const out: Out[] = [];
    for (let i = 0; i < input.length; i++) step(s, input[i], out);
    return out;
  },
  rx: (input) => {
    const s = newState();
    return lastValueFrom(
      from(input).pipe(
        mergeMap((r) => {
          const out: Out[] = [];
          step(s, r, out);
          return out;
        }),
        toArray(),
      ),
    );
  },
};
