// Word count (no record cache: every occurrence emits its running count), by hand.
import { args, Out, records } from './io.mjs';

const { out: path, inputs } = args();
const out = new Out(path);
const counts = new Map();
for (const r of records(inputs[0])) {
  for (const w of r.value.toLowerCase().split(/\W+/)) {
    if (w.length === 0) continue;
    const c = (counts.get(w) ?? 0) + 1;
    counts.set(w, c);
    await out.line(w, c, r.timestamp);
  }
}
await out.end();
