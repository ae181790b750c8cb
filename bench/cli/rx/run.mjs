// The four workloads in RxJS 7 over the same files: node rx/run.mjs <workload> <out.jsonl> <input.jsonl>...
import { closeSync, openSync, writeSync } from 'node:fs';
import { filter, from, map, mergeMap } from 'rxjs';
import { records } from '../loops/io.mjs';

const [workload, outPath, ...inputs] = process.argv.slice(2);

/** Lines gathered into 64 KiB writes. */
const fd = openSync(outPath, 'w');
let text = '';
const write = ({ key, value, timestamp }) => {
  text += `{"key":${JSON.stringify(key)},"value":${JSON.stringify(value)},"timestamp":${timestamp}}\n`;
  if (text.length < 1 << 16) return;
  writeSync(fd, text);
  text = '';
};

/** Two time-ordered files as one, ties to the first (the topic whose name sorts first). */
function* merged(a, b) {
  const [ia, ib] = [records(a), records(b)];
  let [ha, hb] = [ia.next().value, ib.next().value];
  while (ha !== undefined || hb !== undefined) {
    if (hb === undefined || (ha !== undefined && ha.timestamp <= hb.timestamp)) {
      yield { left: true, r: ha };
      ha = ia.next().value;
    } else {
      yield { left: false, r: hb };
      hb = ib.next().value;
    }
  }
}

function windowed(source) {
  const counts = new Map();
  let streamTime = -1;
  return source.pipe(
    filter((r) => {
      streamTime = Math.max(streamTime, r.timestamp);
      return r.timestamp - (r.timestamp % 60_000) + 60_000 > streamTime - 10_000;
    }),
    map((r) => {
      const start = r.timestamp - (r.timestamp % 60_000);
      const k = `${start}|${r.key}`;
      const c = counts.get(k) ?? { n: 0, ts: r.timestamp };
      counts.set(k, { n: c.n + 1, ts: Math.max(c.ts, r.timestamp) });
      return { key: { key: r.key, start, end: start + 60_000 }, value: c.n + 1, timestamp: Math.max(c.ts, r.timestamp) };
    }),
  );
}

function join(source) {
  const stores = [new Map(), new Map()];
  return source.pipe(
    mergeMap(({ left, r }) => {
      const mine = stores[left ? 0 : 1];
      const matches = (stores[left ? 1 : 0].get(r.key) ?? []).filter((o) => Math.abs(o.timestamp - r.timestamp) <= 300_000);
      mine.set(r.key, [...(mine.get(r.key) ?? []), r]);
      return matches.map((o) => {
        const [order, payment] = left ? [r.value, o.value] : [o.value, r.value];
        return { key: r.key, value: { item: order.item, amount: order.amount, paid: payment.amount }, timestamp: Math.max(r.timestamp, o.timestamp) };
      });
    }),
  );
}

function wordcount(source) {
  const counts = new Map();
  return source.pipe(
    mergeMap((r) => r.value.toLowerCase().split(/\W+/).filter((w) => w.length > 0).map((w) => ({ w, ts: r.timestamp }))),
    map(({ w, ts }) => {
      const c = (counts.get(w) ?? 0) + 1;
      counts.set(w, c);
      return { key: w, value: c, timestamp: ts };
    }),
  );
}

const PIPELINES = {
  pipeline: (s) => s.pipe(filter((r) => r.value.amount >= 50), map((r) => ({ ...r, value: { user: r.value.user, cents: r.value.amount * 100, country: r.value.country } })), map((r) => ({ key: r.value.user, value: r.value, timestamp: r.timestamp }))),
  wordcount,
  windowed,
  join,
};

const source = workload === 'join' ? from(merged(inputs[0], inputs[1])) : from(records(inputs[0]));
PIPELINES[workload](source).subscribe({
  next: write,
  complete: () => {
    writeSync(fd, text);
    closeSync(fd);
  },
});
