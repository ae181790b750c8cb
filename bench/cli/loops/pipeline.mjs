// filter -> mapValues -> selectKey, by hand.
import { args, Out, records } from './io.mjs';

const { out: path, inputs } = args();
const out = new Out(path);
for (const r of records(inputs[0])) {
  const v = r.value;
  if (!(v.amount >= 50)) continue;
  const nv = { user: v.user, cents: v.amount * 100, country: v.country };
  await out.line(nv.user, nv, r.timestamp);
}
await out.end();
