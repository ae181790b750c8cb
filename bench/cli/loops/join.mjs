// Inner join of orders and payments within 5 min: both files merged by timestamp, ties to the
// topic whose name sorts first ("orders"), as the engine orders input; by hand.
import { args, Out, records } from './io.mjs';

const WINDOW = 300_000;
const { out: path, inputs } = args();
const out = new Out(path);
const sides = [
  { it: records(inputs[0]), head: null, store: new Map(), fifo: [], gone: 0, left: true },
  { it: records(inputs[1]), head: null, store: new Map(), fifo: [], gone: 0, left: false },
];
for (const s of sides) s.head = s.it.next().value ?? null;
let streamTime = -1;
for (;;) {
  const [a, b] = sides;
  const s = a.head === null ? b : b.head === null || a.head.timestamp <= b.head.timestamp ? a : b;
  const r = s.head;
  if (r === null) break;
  s.head = s.it.next().value ?? null;
  if (r.timestamp > streamTime) streamTime = r.timestamp;
  const other = s === a ? b : a;
  for (const o of other.store.get(r.key) ?? []) {
    if (Math.abs(o.timestamp - r.timestamp) > WINDOW) continue;
    const [order, payment] = s.left ? [r.value, o.value] : [o.value, r.value];
    await out.line(r.key, { item: order.item, amount: order.amount, paid: payment.amount }, Math.max(r.timestamp, o.timestamp));
  }
  const list = s.store.get(r.key);
  if (list) list.push(r);
  else s.store.set(r.key, [r]);
  s.fifo.push(r);
  for (const side of sides) forget(side, streamTime - 2 * WINDOW);
}
await out.end();

/** Drops records older than the join can still match (a queue with a moving head, compacted now and then). */
function forget(side, before) {
  const q = side.fifo;
  while (side.gone < q.length && q[side.gone].timestamp < before) {
    const r = q[side.gone++];
    const list = side.store.get(r.key);
    if (list.length <= 1) side.store.delete(r.key);
    else list.splice(list.indexOf(r), 1);
  }
  if (side.gone > 4096 && side.gone * 2 > q.length) {
    q.splice(0, side.gone);
    side.gone = 0;
  }
}
