/**
 * The engine workloads, each three ways: the engine through the in-memory driver, a hand-written
 * TypeScript loop computing the same output, and RxJS 7. Each returns the emitted records so a test
 * can check the three agree.
 */
import { filter as rxFilter, from, map as rxMap, mergeMap, toArray, lastValueFrom } from 'rxjs';
import { Grouped, JoinWindows, Materialized, Named, TimeWindows } from '../src/engine';
import { cogroup } from './cogroup-workload';
import { processor } from './processor-workload';
import { drive } from './drive';

export interface Out {
  key: unknown;
  value: unknown;
  timestamp: number;
}

export interface Workload {
  name: string;
  input(n: number): { topic: string; key: unknown; value: unknown; timestamp: number }[];
  engine(input: ReturnType<Workload['input']>): Out[];
  loop(input: ReturnType<Workload['input']>): Out[];
  rx(input: ReturnType<Workload['input']>): Promise<Out[]>;
}

const WORDS = Array.from({ length: 1000 }, (_, i) => `w${i}`);

export const stateless: Workload = {
  name: 'stateless chain (filter -> mapValues -> selectKey -> to)',
  input: (n) => Array.from({ length: n }, (_, i) => ({ topic: 'in', key: `k${i % 1000}`, value: i, timestamp: i })),
  engine: (input) =>
    drive((b) => b.stream<string, number>('in').filter((k, v) => v % 2 === 0).mapValues((v) => v * 3).selectKey((k, v) => `${k}:${v % 7}`).to('out'), input),
  loop: (input) => {
    const out: Out[] = [];
    for (const r of input) {
      const v = r.value as number;
      if (v % 2 !== 0) continue;
      const v2 = v * 3;
      out.push({ key: `${r.key}:${v2 % 7}`, value: v2, timestamp: r.timestamp });
    }
    return out;
  },
  rx: (input) =>
    lastValueFrom(
      from(input).pipe(
        rxFilter((r) => (r.value as number) % 2 === 0),
        rxMap((r) => ({ ...r, value: (r.value as number) * 3 })),
        rxMap((r) => ({ key: `${r.key}:${(r.value as number) % 7}`, value: r.value, timestamp: r.timestamp })),
        toArray(),
      ),
    ),
};

export const wordCount: Workload = {
  name: 'word count (flatMapValues -> groupBy -> count), n words',
  input: (n) => Array.from({ length: Math.ceil(n / 5) }, (_, i) => ({ topic: 'in', key: null, value: [0, 1, 2, 3, 4].map((j) => WORDS[(i * 7 + j * 131) % 1000]).join(' '), timestamp: i })),
  engine: (input) =>
    drive(
      (b) =>
        b
          .stream<null, string>('in')
          .flatMapValues((v) => v.split(' '))
          .groupBy((k, w) => w, Grouped.as('words'))
          .count(Named.as('counts'), Materialized.as('counts').withCachingDisabled())
          .toStream()
          .to('out'),
      input,
    ),
  loop: (input) => {
    const counts = new Map<string, { n: number; ts: number }>();
    const out: Out[] = [];
    for (const r of input) {
      for (const w of (r.value as string).split(' ')) {
        const c = counts.get(w);
        const next = c ? { n: c.n + 1, ts: Math.max(c.ts, r.timestamp) } : { n: 1, ts: r.timestamp };
        counts.set(w, next);
        out.push({ key: w, value: next.n, timestamp: next.ts });
      }
    }
    return out;
  },
  rx: (input) => {
    const counts = new Map<string, { n: number; ts: number }>();
    return lastValueFrom(
      from(input).pipe(
        mergeMap((r) => (r.value as string).split(' ').map((w) => ({ w, ts: r.timestamp }))),
        rxMap(({ w, ts }) => {
          const c = counts.get(w);
          const next = c ? { n: c.n + 1, ts: Math.max(c.ts, ts) } : { n: 1, ts };
          counts.set(w, next);
          return { key: w, value: next.n, timestamp: next.ts };
        }),
        toArray(),
      ),
    );
  },
};

const MINUTE = 60_000;
export const tumbling: Workload = {
  name: 'tumbling 1-minute window count over 10k keys',
  input: (n) => Array.from({ length: n }, (_, i) => ({ topic: 'in', key: `k${(i * 7919) % 10_000}`, value: 1, timestamp: i * 10 })),
  engine: (input) =>
    drive((b) => b.stream('in').groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(MINUTE)).count(Materialized.as('w').withCachingDisabled()).toStream().to('out'), input),
  loop: (input) => {
    const windows = new Map<string, { n: number; ts: number }>();
    const out: Out[] = [];
    let streamTime = -Infinity;
    for (const r of input) {
      streamTime = Math.max(streamTime, r.timestamp);
      const start = r.timestamp - (r.timestamp % MINUTE);
      if (start + MINUTE <= streamTime) continue;
      const id = `${r.key}@${start}`;
      const c = windows.get(id);
      const next = c ? { n: c.n + 1, ts: Math.max(c.ts, r.timestamp) } : { n: 1, ts: r.timestamp };
      windows.set(id, next);
      out.push({ key: { key: r.key, start, end: start + MINUTE }, value: next.n, timestamp: next.ts });
    }
    return out;
  },
  rx: (input) => {
    const windows = new Map<string, { n: number; ts: number }>();
    return lastValueFrom(
      from(input).pipe(
        rxMap((r) => {
          const start = r.timestamp - (r.timestamp % MINUTE);
          const id = `${r.key}@${start}`;
          const c = windows.get(id);
          const next = c ? { n: c.n + 1, ts: Math.max(c.ts, r.timestamp) } : { n: 1, ts: r.timestamp };
          windows.set(id, next);
          return { key: { key: r.key, start, end: start + MINUTE }, value: next.n, timestamp: next.ts };
        }),
        toArray(),
      ),
    );
  },
};

const FIVE_MIN = 5 * MINUTE;
export const join: Workload = {
  name: 'stream-stream inner join, 5-minute window',
  input: (n) => Array.from({ length: n }, (_, i) => ({ topic: i % 2 === 0 ? 'left' : 'right', key: `k${(i >> 1) % 10_000}`, value: i, timestamp: i * 100 })),
  engine: (input) =>
    drive((b) => {
      const left = b.stream<string, number>('left');
      left.join(b.stream<string, number>('right'), (l: number, r: number) => l + r, JoinWindows.ofTimeDifferenceWithNoGrace(FIVE_MIN)).to('out');
    }, input),
  loop: (input) => joinLoop(input),
  rx: async (input) => lastValueFrom(from(input).pipe(mergeMap((r) => joinStep(r)), toArray())),
};

type Side = Map<string, { ts: number; v: number }[]>;
let rxState: { left: Side; right: Side } | null = null;

function joinStep(r: { topic: string; key: unknown; value: unknown; timestamp: number }, state = rxState ?? (rxState = { left: new Map(), right: new Map() })): Out[] {
  const mine = r.topic === 'left' ? state.left : state.right;
  const other = r.topic === 'left' ? state.right : state.left;
  const k = r.key as string;
  const list = mine.get(k) ?? [];
  list.push({ ts: r.timestamp, v: r.value as number });
  mine.set(k, list);
  const out: Out[] = [];
  for (const o of other.get(k) ?? []) {
    if (Math.abs(o.ts - r.timestamp) <= FIVE_MIN) {
      const [l, rr] = r.topic === 'left' ? [r.value as number, o.v] : [o.v, r.value as number];
      out.push({ key: k, value: l + rr, timestamp: Math.max(o.ts, r.timestamp) });
    }
  }
  // drop records that can no longer join (older than the window behind the newest)
  while (list.length && list[0].ts < r.timestamp - 2 * FIVE_MIN) list.shift();
  return out;
}

function joinLoop(input: ReturnType<Workload['input']>): Out[] {
  const state = { left: new Map(), right: new Map() } as { left: Side; right: Side };
  const out: Out[] = [];
  for (const r of input) for (const o of joinStep(r, state)) out.push(o);
  return out;
}

export function resetRx(): void {
  rxState = null;
}

export const WORKLOADS = [stateless, wordCount, tumbling, join, cogroup, processor];
