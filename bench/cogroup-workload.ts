/**
 * The cogroup workload of `npm run bench`: three input streams (clicks, cart adds, purchases) over 10k
 * customers into one activity aggregate per customer, one aggregator per stream (issue 13), as the
 * engine, a hand-written loop and RxJS compute it.
 */
import { from, lastValueFrom, map as rxMap, toArray } from 'rxjs';
import { Materialized } from '../src/engine';
import type { Out, Workload } from './workloads';
import { drive } from './drive';

interface Activity {
  clicks: number;
  items: number;
  spent: number;
}
const TOPICS = ['clicks', 'carts', 'buys'];
const init = (): Activity => ({ clicks: 0, items: 0, spent: 0 });
/** One aggregator per input, in TOPICS order: the engine, the loop and RxJS call these same functions. */
const AGGREGATORS: ((k: string, v: number, a: Activity) => Activity)[] = [
  (_k, _v, a) => ({ clicks: a.clicks + 1, items: a.items, spent: a.spent }),
  (_k, v, a) => ({ clicks: a.clicks, items: a.items + v, spent: a.spent }),
  (_k, v, a) => ({ clicks: a.clicks, items: a.items, spent: a.spent + v }),
];

/** What the loop and RxJS keep: the aggregate and its timestamp (max of the records') per key. */
function step(state: Map<string, { agg: Activity; ts: number }>, r: { topic: string; key: unknown; value: unknown; timestamp: number }): Out {
  const k = r.key as string;
  const cur = state.get(k);
  const agg = AGGREGATORS[TOPICS.indexOf(r.topic)](k, r.value as number, cur ? cur.agg : init());
  const ts = cur ? Math.max(cur.ts, r.timestamp) : r.timestamp;
  state.set(k, { agg, ts });
  return { key: k, value: agg, timestamp: ts };
}

export const cogroup: Workload = {
  name: 'cogroup of three streams into one aggregate, 10k keys',
  input: (n) => Array.from({ length: n }, (_, i) => ({ topic: TOPICS[i % 3], key: `c${(i * 7919) % 10_000}`, value: i % 3 === 0 ? 1 : i % 3 === 1 ? i % 5 : i % 100, timestamp: i })),
  engine: (input) =>
    drive((b) => {
      const [clicks, carts, buys] = TOPICS.map((t) => b.stream<string, number>(t).groupByKey());
      clicks
        .cogroup(AGGREGATORS[0])
        .cogroup(carts, AGGREGATORS[1])
        .cogroup(buys, AGGREGATORS[2])
        .aggregate(init, Materialized.as('activity').withCachingDisabled())
        .toStream()
        .to('out');
    }, input),
  loop: (input) => {
    const state = new Map<string, { agg: Activity; ts: number }>();
    const out: Out[] = [];
    for (let i = 0; i < input.length; i++) out.push(step(state, input[i]));
    return out;
  },
  rx: (input) => {
    const state = new Map<string, { agg: Activity; ts: number }>();
    return lastValueFrom(from(input).pipe(rxMap((r) => step(state, r)), toArray()));
  },
};
