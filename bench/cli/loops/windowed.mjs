// Tumbling 60 s count with 10 s grace (late records dropped as Kafka does), by hand.
import { args, Out, records } from './io.mjs';

const SIZE = 60_000;
const GRACE = 10_000;
const { out: path, inputs } = args();
const out = new Out(path);
const counts = new Map();
const byEnd = []; // [end, mapKey] in order of opening, to forget closed windows
let streamTime = -1;
for (const r of records(inputs[0])) {
  const ts = r.timestamp;
  if (ts > streamTime) streamTime = ts;
  const start = ts - (ts % SIZE);
  const end = start + SIZE;
  if (end <= streamTime - GRACE) continue;
  const k = `${start}|${r.key}`;
  // The aggregate's timestamp is the largest of its records' (as in Kafka).
  let c = counts.get(k);
  if (c === undefined) {
    byEnd.push([end, k]);
    counts.set(k, (c = { n: 0, ts }));
  }
  c.n++;
  if (ts > c.ts) c.ts = ts;
  await out.line({ key: r.key, start, end }, c.n, c.ts);
  while (byEnd.length > 0 && byEnd[0][0] <= streamTime - GRACE - SIZE) counts.delete(byEnd.shift()[1]);
}
await out.end();
