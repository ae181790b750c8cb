/**
 * Import rules for the shapes a join or a cogroup prints as several processors: stream-stream joins
 * (two windowed stores, this/other join processors and a merge), table-table joins (left/right and a
 * merge), the foreign-key join (subscription topics) and cogroup (one aggregation per input and a merge).
 * Each returns true when it took the node, false when the shape is not its own, 'wait' when it is but
 * an input is not built yet.
 */
import type { DescribedGraph } from './graph';
import { generated, graceBuffer } from './graph';
import type { DesignBuilder, Output } from './design-builder';
import { stub } from './design-builder';
import type { DescribedNode } from './parse';

export type RuleResult = boolean | 'wait';

const JOIN_PARTS = /^(.*)-(this|other)-windowed$/;

function ready(b: DesignBuilder, g: DescribedGraph, nodes: DescribedNode[]): Output[] | null {
  const outs = nodes.map((n) => (g.parents(n).length === 1 ? b.out.get(g.parents(n)[0].name) : undefined));
  return outs.every(Boolean) ? (outs as Output[]) : null;
}

/** KStream#join/leftJoin/outerJoin: X-this-windowed, X-other-windowed, X-this-join, X-other-join, X-merge (or KSTREAM-WINDOWED, -JOINTHIS, -JOINOTHER, -OUTERTHIS, -OUTEROTHER, -MERGE). */
export function streamStreamJoin(n: DescribedNode, g: DescribedGraph, b: DesignBuilder): RuleResult {
  if (n.type !== 'processor' || !(JOIN_PARTS.test(n.name) || generated(n.name, 'KSTREAM-WINDOWED'))) return false;
  const j = g.only(n.successors);
  const m = j && g.only(j.successors);
  if (!j || !m || m.predecessors.length !== 2) return false;
  const j2 = g.byName.get(m.predecessors.find((p) => p !== j.name)!)!;
  const w2 = g.only(j2.predecessors);
  if (!w2 || !(JOIN_PARTS.test(w2.name) || generated(w2.name, 'KSTREAM-WINDOWED'))) return false;
  const isThis = (w: DescribedNode, jn: DescribedNode) => /-this-windowed$/.test(w.name) || /THIS|-this-join$/.test(jn.name);
  const [wThis, wOther] = isThis(n, j) ? [n, w2] : [w2, n];
  const ins = ready(b, g, [wThis, wOther]);
  if (!ins) return 'wait';
  const joins = [j.name, j2.name];
  const outer = joins.some((x) => /OUTERTHIS|-outer-this-join$/.test(x));
  const left = outer || joins.some((x) => /OUTEROTHER|-outer-other-join$/.test(x)) || [...j.stores, ...j2.stores].some((s) => s.endsWith('-outer-shared-join-store'));
  const kind = outer ? 'outerJoin' : left ? 'leftJoin' : 'join';
  const name = m.name.endsWith('-merge') ? m.name.slice(0, -'-merge'.length) : m.name;
  const thisStore = wThis.stores[0] ?? '';
  const storeName = thisStore.endsWith('-this-join-store') ? thisStore.slice(0, -'-this-join-store'.length) : undefined;
  const id = b.add(kind, name, { joiner: stub(kind, 'joiner', m.name), ...(storeName && storeName !== `${name}-store` ? { storeName } : {}) }, `Imported from describe(): ${[wThis.name, wOther.name, ...joins, m.name].join(', ')}. The join window is not printed: set before, after and grace.`);
  b.connect(ins[0], id, 'left');
  b.connect(ins[1], id, 'right');
  b.consume([wThis.name, wOther.name, ...joins, m.name], { id, kind: 'KStream' });
  if (wThis.name !== `${name}-this-windowed`) b.note('INEXACT', m.name, `the join "${name}" prints its processors under the node's name, not Kafka's generated names`, id);
  return true;
}

/** KTable#join/leftJoin/outerJoin: X-left and X-right (Kafka: X-join-this/-join-other, or KTABLE-JOINTHIS...) into the merge X. */
export function tableTableJoin(n: DescribedNode, g: DescribedGraph, b: DesignBuilder): RuleResult {
  if (n.type !== 'processor') return false;
  const m = g.only(n.successors);
  if (!m || m.predecessors.length !== 2) return false;
  const other = g.byName.get(m.predecessors.find((p) => p !== n.name)!)!;
  const side = (x: DescribedNode): 'this' | 'other' | null => {
    if (x.name === `${m.name}-left` || x.name === `${m.name}-join-this` || generated(x.name, 'KTABLE-JOINTHIS', 'KTABLE-LEFTTHIS', 'KTABLE-OUTERTHIS')) return 'this';
    if (x.name === `${m.name}-right` || x.name === `${m.name}-join-other` || generated(x.name, 'KTABLE-JOINOTHER', 'KTABLE-LEFTOTHER', 'KTABLE-OUTEROTHER')) return 'other';
    return null;
  };
  const sn = side(n);
  if (!sn || !side(other) || side(other) === sn) return false;
  const [l, r] = sn === 'this' ? [n, other] : [other, n];
  const ins = ready(b, g, [l, r]);
  if (!ins) return 'wait';
  const kind = generated(l.name, 'KTABLE-OUTERTHIS') ? 'outerJoin' : generated(l.name, 'KTABLE-LEFTTHIS') ? 'leftJoin' : 'join';
  // The join's own store (materialized): printed on the merge (Kafka) or listed by its sides, owned by neither input.
  const storeName = m.stores[0] ?? [...g.ownStores(l), ...g.ownStores(r)][0];
  const id = b.add(kind, m.name, { joiner: stub(kind, 'joiner', m.name), ...(storeName ? { storeName } : {}) }, `Imported from describe(): ${l.name}, ${r.name}, ${m.name}.`);
  b.connect(ins[0], id, 'left');
  b.connect(ins[1], id, 'right');
  b.consume([l.name, r.name, m.name], { id, kind: 'KTable' });
  if (l.name !== `${m.name}-left`) b.note('INEXACT', m.name, `the table join "${m.name}" prints its sides as ${m.name}-left and ${m.name}-right`, id);
  return true;
}

/** The foreign-key join as the engine prints it: X-subscription-* processors and topics, X-foreign-join-subscription, and X. */
export function foreignKeyJoin(n: DescribedNode, g: DescribedGraph, b: DesignBuilder): RuleResult {
  const m = /^(.*)-subscription-registration-processor$/.exec(n.name);
  const name = m?.[1];
  const result = name !== undefined ? g.byName.get(name) : undefined;
  const right = name !== undefined ? g.byName.get(`${name}-foreign-join-subscription`) : undefined;
  if (!result || !right || n.type !== 'processor') return false;
  const ins = ready(b, g, [n, right]);
  if (!ins) return 'wait';
  const parts = g.nodes.filter((x) => x.name.startsWith(`${name}-subscription-`) || x === right || x === result);
  const id = b.add('join', name!, { joiner: stub('join', 'joiner', name!), foreignKeyExtractor: `(leftValue) => leftValue ${'/* TODO: was the foreign key of ' + name + ' */'}`, ...(result.stores[0] ? { storeName: result.stores[0] } : {}) }, `Imported from describe(): the foreign-key join ${name} (${parts.length} processors and its subscription topics).`);
  b.connect(ins[0], id, 'left');
  b.connect(ins[1], id, 'right');
  b.consume(parts.map((x) => x.name), { id, kind: 'KTable' });
  return true;
}

/**
 * A stream processor reading one table's stores (its value getter's: a suppress lists its parent's
 * too): the stream-table join (KSTREAM-JOIN / KSTREAM-LEFTJOIN).
 * A store of its own named <join>-Buffer is the buffer of a grace period (Kafka's
 * KStreamImpl#doStreamTableJoin names it so), and Kafka allows a grace period only on a versioned
 * table: the table is made versioned. Neither value is printed: both are 0 (no wait, no history).
 */
export function streamTableJoin(n: DescribedNode, g: DescribedGraph, b: DesignBuilder): RuleResult {
  const buffer = graceBuffer(n);
  if (n.type !== 'processor' || n.predecessors.length !== 1 || g.ownStores(n).some((s) => s !== buffer)) return false;
  const owner = g.getterOwner(g.readStores(n));
  if (!owner) return false;
  const from = b.out.get(n.predecessors[0]);
  const table = b.out.get(owner.name);
  if (!from || !table) return 'wait';
  if (from.kind !== 'KStream' || table.kind !== 'KTable') return false;
  const kind = generated(n.name, 'KSTREAM-LEFTJOIN') ? 'leftJoin' : 'join';
  const grace = g.ownStores(n).length > 0 && versionTable(b, table);
  const id = b.add(kind, n.name, { joiner: stub(kind, 'joiner', n.name), ...(grace ? { gracePeriodMs: 0 } : {}) }, `Imported from describe(): Processor ${n.name} (stores: [${n.stores.join(', ')}]).${grace ? ' The grace period and the table\'s history retention are not printed: set them.' : ''}`);
  b.connect(from, id, 'left');
  b.connect(table, id, 'right');
  b.consume([n.name], { id, kind: 'KStream' });
  if (g.ownStores(n).length && !grace) b.note('INEXACT', n.name, `"${n.name}" had a grace period (its store ${buffer}), but the table it reads cannot be versioned in the design`, id);
  return true;
}

/**
 * Versions the table behind `out` (history retention 0 unless set). It is the node owning the store
 * the join reads, so it materializes the table: a table, toTable, or a filter/mapValues with a store.
 */
function versionTable(b: DesignBuilder, out: Output): boolean {
  const node = b.nodes.find((x) => x.id === out.id);
  const p = (node?.params ?? {}) as { storeName?: string; historyRetentionMs?: number | null };
  if (!node || !(node.kind === 'table' || node.kind === 'toTable' || (['filter', 'filterNot', 'mapValues'].includes(node.kind) && p.storeName))) return false;
  if (typeof p.historyRetentionMs !== 'number') p.historyRetentionMs = 0;
  return true;
}

/** cogroup + aggregate: X-cogroup-agg-i (or COGROUPKSTREAM-AGGREGATE) per input on one store, merged by X-cogroup-merge (or COGROUPKSTREAM-MERGE). */
export function cogroupAggregate(n: DescribedNode, g: DescribedGraph, b: DesignBuilder): RuleResult {
  if (n.type !== 'processor' || !(/-cogroup-agg-\d+$/.test(n.name) || generated(n.name, 'COGROUPKSTREAM-AGGREGATE'))) return false;
  const m = g.only(n.successors);
  if (!m || !(m.name.endsWith('-cogroup-merge') || generated(m.name, 'COGROUPKSTREAM-MERGE'))) return false;
  const aggs = g.parents(m).sort((a, z) => a.name.localeCompare(z.name, 'en', { numeric: true }));
  const ins = ready(b, g, aggs);
  if (!ins) return 'wait';
  const name = m.name.endsWith('-cogroup-merge') ? m.name.slice(0, -'-cogroup-merge'.length) : m.name;
  const cg = b.add('cogroup', b.freeName(`${name}-cogroup`), { aggregators: Object.fromEntries(aggs.map((a, i) => [`in${i}`, stub('aggregate', 'aggregator', a.name)])) }, `Imported from describe(): the inputs of ${aggs.map((a) => a.name).join(', ')}.`);
  ins.forEach((input, i) => b.connect(grouped(b, input, `${name}-in-${i}`), cg, `in${i}`));
  const id = b.add('aggregate', name, { initializer: stub('aggregate', 'initializer', name), ...(aggs[0].stores[0] ? { storeName: aggs[0].stores[0] } : {}) }, `Imported from describe(): ${m.name}.`);
  b.connect({ id: cg, kind: 'CogroupedKStream' }, id);
  b.consume([...aggs.map((a) => a.name), m.name], { id, kind: 'KTable' });
  return true;
}

/** A stream grouped by its key for an aggregation (groupByKey prints nothing); grouped inputs pass. */
export function grouped(b: DesignBuilder, input: Output, base: string): Output {
  if (input.kind !== 'KStream') return input;
  const id = b.add('groupByKey', b.freeName(`${base}-grouped`), {}, 'Added by the describe() import: the aggregation after it groups by key (groupByKey prints no processor).');
  b.connect(input, id);
  return { id, kind: 'KGroupedStream' };
}
