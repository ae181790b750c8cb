/**
 * Import rules for sources, sinks, repartition topics, splits, merges and single processors. A rule
 * returns true when it built the node (and marked what it consumed), false when the node is not its
 * shape, 'wait' when its inputs are not built yet. import.ts tries them in order; the last one, the
 * placeholder, takes any processor.
 */
import type { DescribedGraph } from './graph';
import { generated } from './graph';
import { processorStub, stub, todo, type DesignBuilder, type Output } from './design-builder';
import { grouped, type RuleResult } from './join-rules';
import type { DescribedNode } from './parse';

export type Rule = (n: DescribedNode, g: DescribedGraph, b: DesignBuilder) => RuleResult;

const LEGAL_TOPIC = /[^a-zA-Z0-9._-]/g;
const was = (n: DescribedNode) => `Imported from describe(): ${n.type === 'processor' ? 'Processor' : n.type === 'source' ? 'Source' : 'Sink'} ${n.name}${n.stores.length ? ` (stores: [${n.stores.join(', ')}])` : ''}.`;

/** The single input of a processor, once built. */
function input(n: DescribedNode, b: DesignBuilder): Output | undefined {
  return n.predecessors.length === 1 ? b.out.get(n.predecessors[0]) : undefined;
}

/** Sources of topics no sink of the text writes: stream, table (with its KTABLE-SOURCE / X-table processor) or globalTable. */
export const source: Rule = (n, g, b) => {
  if (n.type !== 'source' || g.isInternalSource(n)) return false;
  const topic = n.topics[0] ?? (n.pattern ?? n.name).replace(LEGAL_TOPIC, '_');
  if (n.topics.length !== 1) b.note('INEXACT', n.name, n.pattern !== undefined ? `reads the topic pattern ${n.pattern}; the design reads the topic "${topic}"` : `reads ${n.topics.length} topics; the design reads "${topic}" only`);
  const p = g.only(n.successors);
  const tableProc = p && p.type === 'processor' && p.predecessors.length === 1 && (g.group(n).global || p.name === `${n.name}-table` || generated(p.name, 'KTABLE-SOURCE')) ? p : undefined;
  if (!tableProc) {
    const id = b.add('stream', n.name, { topic }, n.topics.length === 1 ? undefined : was(n));
    b.consume([n.name], { id, kind: 'KStream' });
    return true;
  }
  const global = g.group(n).global;
  const kind = global ? 'globalTable' : 'table';
  const id = b.add(kind, n.name, { topic, ...(tableProc.stores[0] ? { storeName: tableProc.stores[0] } : {}) }, `Imported from describe(): Source ${n.name} and ${tableProc.name}${tableProc.stores.length ? ` (stores: [${tableProc.stores.join(', ')}])` : ''}.`);
  b.consume([n.name, tableProc.name], { id, kind: global ? 'GlobalKTable' : 'KTable' });
  if (tableProc.name !== `${n.name}-${global ? 'global' : 'table'}`) b.note('INEXACT', tableProc.name, `the ${kind} "${n.name}" prints its processor as ${n.name}-${global ? 'global' : 'table'}`, id);
  return true;
};

/** Kafka's null-key filter before a repartition sink (X-repartition-filter): the repartition takes its place. */
export const repartitionFilter: Rule = (n, g, b) => {
  const sink = g.only(n.successors);
  if (n.type !== 'processor' || !n.name.endsWith('-repartition-filter') || !sink || !g.isInternalSink(sink)) return false;
  const from = input(n, b);
  if (!from) return 'wait';
  b.consume([n.name], from);
  return true;
};

/** The sink of an internal topic and the sources reading it back, with the chain after the processor that fed it. */
function internalHop(first: DescribedNode, g: DescribedGraph): { names: string[]; sink: DescribedNode; sources: DescribedNode[]; topic: string } | null {
  let cur = g.only(first.successors);
  const names: string[] = [];
  if (cur && cur.type === 'processor' && cur.name.endsWith('-repartition-filter')) {
    names.push(cur.name);
    cur = g.only(cur.successors);
  }
  if (!cur || !g.isInternalSink(cur)) return null;
  const sources = g.internal.get(cur.topic!)!.sources;
  return { names: [...names, cur.name, ...sources.map((s) => s.name)], sink: cur, sources, topic: cur.topic! };
}

const base = (topic: string) => topic.replace(/-repartition$/, '');

/** groupBy: the key selector (named as the repartition topic, or KSTREAM-KEY-SELECT / KTABLE-SELECT) and its repartition. */
export const groupBy: Rule = (n, g, b) => {
  if (n.type !== 'processor' || n.stores.length || n.successors.length !== 1) return false;
  const hop = internalHop(n, g);
  if (!hop || !(n.name === base(hop.topic) || generated(n.name, 'KSTREAM-KEY-SELECT', 'KTABLE-SELECT'))) return false;
  const from = input(n, b);
  if (!from) return 'wait';
  const id = b.add('groupBy', n.name, { mapper: stub('groupBy', 'mapper', n.name) }, `Imported from describe(): ${[n.name, ...hop.names].join(', ')}.`);
  b.connect(from, id);
  b.consume([n.name, ...hop.names], { id, kind: from.kind === 'KTable' ? 'KGroupedTable' : 'KGroupedStream' });
  if (hop.topic !== `${n.name}-repartition` || hop.sink.name !== `${hop.topic}-sink`) b.note('INEXACT', n.name, `groupBy "${n.name}" prints its repartition topic as ${n.name}-repartition`, id);
  return true;
};

/** Any other internal topic: a repartition (a table is regrouped: groupBy). */
export const repartition: Rule = (n, g, b) => {
  if (!g.isInternalSink(n)) return false;
  const from = input(n, b);
  if (!from) return n.predecessors.length === 1 ? 'wait' : false;
  const hop = { sources: g.internal.get(n.topic!)!.sources };
  const name = base(n.topic!);
  const table = from.kind === 'KTable';
  const kind = table ? 'groupBy' : 'repartition';
  // A topic named after the processor reading it (a toTable or join after a key change): the repartition takes another node name and keeps the topic's.
  const nodeName = b.freeName(name);
  const params = table ? { mapper: stub('groupBy', 'mapper', n.name) } : nodeName !== name ? { repartitionName: name } : {};
  const id = b.add(kind, nodeName, params, `Imported from describe(): ${[n.name, ...hop.sources.map((s) => s.name)].join(', ')} (topic ${n.topic}).`);
  b.connect(from, id);
  b.consume([n.name, ...hop.sources.map((s) => s.name)], { id, kind: table ? 'KGroupedTable' : 'KStream' });
  if (!n.topic!.endsWith('-repartition') || n.name !== `${n.topic}-sink` || hop.sources.some((s) => s.name !== `${n.topic}-source`)) b.note('INEXACT', n.name, `the ${kind} "${name}" prints its topic as ${name}-repartition, with ${name}-repartition-sink and -source`, id);
  return true;
};

/** Sinks to topics outside the topology: `to`, after a merge or toStream when the text needs one. */
export const sink: Rule = (n, g, b) => {
  if (n.type !== 'sink' || g.isInternalSink(n)) return false;
  const ins = n.predecessors.map((p) => b.out.get(p));
  if (!ins.every(Boolean)) return 'wait';
  let from = toStreamIfTable(ins.length === 1 ? ins[0]! : mergeOf(ins as Output[], n, b), n, b);
  const topic = n.topic ?? n.name.replace(LEGAL_TOPIC, '_');
  if (n.topic === undefined) b.note('INEXACT', n.name, `writes to topics chosen by ${n.extractor}; the design writes to "${topic}"`);
  const id = b.add('to', n.name, { topic }, n.topic === undefined ? was(n) : undefined);
  b.connect(from, id);
  from = { id, kind: 'KStream' };
  b.consume([n.name], from);
  return true;
};

function mergeOf(ins: Output[], n: DescribedNode, b: DesignBuilder): Output {
  const id = b.add('merge', b.freeName(`${n.name}-merge`), {}, `Added by the describe() import: ${n.name} is fed by ${n.predecessors.join(', ')}.`);
  ins.forEach((i) => b.connect(toStreamIfTable(i, n, b), id));
  b.note('INEXACT', n.name, `"${n.name}" has ${ins.length} inputs; the design merges them first`, id);
  return { id, kind: 'KStream' };
}

function toStreamIfTable(from: Output, n: DescribedNode, b: DesignBuilder): Output {
  if (from.kind !== 'KTable') return from;
  const id = b.add('toStream', b.freeName(`${n.name}-stream`), {}, `Added by the describe() import: ${n.name} takes a stream.`);
  b.connect(from, id);
  b.note('INEXACT', n.name, `a table feeds "${n.name}"; the design adds a toStream`, id);
  return { id, kind: 'KStream' };
}

/** split: X with branch processors X-branch-<prefix><name> (Kafka: <splitter><name>, or KSTREAM-BRANCHCHILD). */
export const split: Rule = (n, g, b) => {
  const kids = g.children(n);
  if (n.type !== 'processor' || n.stores.length || !kids.length || kids.some((k) => k.type !== 'processor' || k.predecessors.length !== 1 || k.stores.length)) return false;
  const engine = kids.every((k) => k.name.startsWith(`${n.name}-branch-`));
  const prefixed = generated(n.name, 'KSTREAM-BRANCH') && (kids.every((k) => k.name.startsWith(n.name)) || kids.every((k) => generated(k.name, 'KSTREAM-BRANCHCHILD')));
  if (!engine && !prefixed) return false;
  const from = input(n, b);
  if (!from) return 'wait';
  const suffixes = kids.map((k, i) => (engine ? k.name.slice(`${n.name}-branch-`.length) : k.name.startsWith(n.name) ? k.name.slice(n.name.length) : String(i + 1)));
  const namePrefix = engine && suffixes.every((s) => s.startsWith(n.name) && s.length > n.name.length) ? n.name : '';
  const branches = suffixes.map((s, i) => ({ name: s.slice(namePrefix.length).replace(/^-/, '') || String(i + 1), predicate: stub('filter', 'predicate', kids[i].name) }));
  const id = b.add('split', n.name, { namePrefix, branches, defaultBranch: null }, `Imported from describe(): ${n.name} and its branches. Which branch was the default one is not printed.`);
  b.connect(from, id);
  b.consume([n.name], { id, kind: 'KStream' });
  kids.forEach((k, i) => b.consume([k.name], { id, kind: 'KStream', port: branches[i].name }));
  if (!engine || namePrefix !== n.name) b.note('INEXACT', n.name, `split "${n.name}" prints its branches as <split>-branch-<prefix><branch>`, id);
  return true;
};

/** A processor with several inputs and no store: merge. */
export const merge: Rule = (n, _g, b) => {
  if (n.type !== 'processor' || n.predecessors.length < 2 || n.stores.length) return false;
  const ins = n.predecessors.map((p) => b.out.get(p));
  if (!ins.every(Boolean)) return 'wait';
  const id = b.add('merge', n.name, {}, generated(n.name, 'KSTREAM-MERGE') || n.predecessors.length === 2 ? undefined : was(n));
  for (const i of ins) b.connect(toStreamIfTable(i!, n, b), id);
  b.consume([n.name], { id, kind: 'KStream' });
  return true;
};

/** A processor that owns a store after a stream or a grouping: an aggregation (count, reduce or aggregate). */
export const aggregation: Rule = (n, g, b) => {
  if (n.type !== 'processor' || n.predecessors.length !== 1 || !g.ownStores(n).length || n.stores[0] !== g.ownStores(n)[0] || g.versionedByGrace(n)) return false;
  const from = input(n, b);
  if (!from) return 'wait';
  // A stream processor with a store that feeds a sink is a processor, not an aggregation (a table cannot feed a sink).
  const streamOut = g.children(n).some((c) => c.type === 'sink') || generated(n.name, 'KSTREAM-TOTABLE', 'KSTREAM-PROCESSOR', 'KSTREAM-PROCESSVALUES', 'KSTREAM-TRANSFORM', 'KSTREAM-TRANSFORMVALUES');
  if (from.kind === 'KTable' || from.kind === 'GlobalKTable' || (from.kind === 'KStream' && streamOut)) return false;
  const table = from.kind === 'KGroupedTable';
  const kind = /REDUCE/.test(n.name) ? 'reduce' : /COUNT/.test(n.name) ? 'count' : 'aggregate';
  const fns: Record<string, string> =
    kind === 'reduce' ? { reducer: stub('reduce', 'reducer', n.name), ...(table ? { subtractor: `(aggregate, value) => aggregate ${todo(n.name)}` } : {}) }
    : kind === 'count' ? {}
    : { initializer: stub('aggregate', 'initializer', n.name), aggregator: stub('aggregate', 'aggregator', n.name), ...(table ? { subtractor: `(key, value, aggregate) => aggregate - 1 ${todo(n.name)}` } : {}) };
  const id = b.add(kind, n.name, { ...fns, storeName: n.stores[0] }, `${was(n)} Windows are not printed: add windowedBy before it if it was windowed.`);
  b.connect(grouped(b, from, n.name), id);
  b.consume([n.name], { id, kind: 'KTable' });
  return true;
};

const STREAM_OPS: Record<string, [string, string?]> = {
  'KSTREAM-FILTER': ['filter', 'predicate'],
  'KSTREAM-MAP': ['map', 'mapper'],
  'KSTREAM-MAPVALUES': ['mapValues', 'mapper'],
  'KSTREAM-FLATMAP': ['flatMap', 'mapper'],
  'KSTREAM-FLATMAPVALUES': ['flatMapValues', 'mapper'],
  'KSTREAM-KEY-SELECT': ['selectKey', 'mapper'],
  'KSTREAM-PEEK': ['peek', 'action'],
  'KSTREAM-FOREACH': ['peek', 'action'],
  'KTABLE-TOSTREAM': ['toStream'],
};
const TABLE_OPS: Record<string, [string, string?]> = {
  'KTABLE-FILTER': ['filter', 'predicate'],
  'KTABLE-MAPVALUES': ['mapValues', 'mapper'],
  'KTABLE-TRANSFORMVALUES': ['mapValues', 'mapper'],
  'KTABLE-TOSTREAM': ['toStream'],
  'KTABLE-SUPPRESS': ['suppress'],
};

/** One processor in, one out: the operator its generated name says, else a placeholder that keeps the text. */
export const single: Rule = (n, g, b) => {
  if (n.type !== 'processor' || n.predecessors.length !== 1) return false;
  const from = input(n, b);
  if (!from) return 'wait';
  const prefix = /^(.*)-\d{10}$/.exec(n.name)?.[1] ?? '';
  const own = g.ownStores(n);
  const store = own[0] ? { storeName: own[0] } : {};
  if (from.kind === 'KTable') {
    const [kind, fnParam] = TABLE_OPS[prefix] ?? (g.readsThrough(n) ? ['suppress'] : own.length ? ['mapValues', 'mapper'] : g.children(n).some((c) => c.type === 'sink') ? ['toStream'] : ['mapValues', 'mapper']);
    const known = prefix in TABLE_OPS || kind === 'suppress' || (kind === 'toStream' && !own.length);
    const id = b.add(kind, n.name, { ...(fnParam ? { [fnParam]: stub(kind, fnParam, n.name) } : {}), ...(kind === 'filter' || kind === 'mapValues' ? store : {}), ...(kind === 'suppress' ? { mode: 'untilTimeLimit' } : {}) }, was(n));
    b.connect(from, id);
    b.consume([n.name], { id, kind: kind === 'toStream' ? 'KStream' : 'KTable' });
    if (!known) b.note('PLACEHOLDER', n.name, `"${n.name}" on a table is not an operator the name tells: a mapValues that passes values through`, id);
    return true;
  }
  if (from.kind !== 'KStream') return false;
  const [kind, fnParam] = STREAM_OPS[prefix] ?? (generated(n.name, 'KSTREAM-TOTABLE') || g.versionedByGrace(n) ? ['toTable'] : []);
  if (!kind || kind === 'toStream') return placeholder(n, g, b, from);
  const id = b.add(kind, n.name, { ...(fnParam ? { [fnParam]: stub(kind, fnParam, n.name) } : {}), ...(kind === 'toTable' ? store : {}) }, was(n));
  b.connect(from, id);
  b.consume([n.name], { id, kind: kind === 'toTable' ? 'KTable' : 'KStream' });
  return true;
};

/** A processor whose single input is built, as a placeholder whatever its shape (import.ts, when nothing else moves). */
export const forcePlaceholder = (n: DescribedNode, g: DescribedGraph, b: DesignBuilder): boolean => {
  const from = n.type === 'processor' ? input(n, b) : undefined;
  return !!from && from.kind === 'KStream' && placeholder(n, g, b, from) === true;
};

/** A processor the text does not say enough about: processValues (keeps keys, so no repartition appears that the text lacks). */
function placeholder(n: DescribedNode, g: DescribedGraph, b: DesignBuilder, from: Output): RuleResult {
  const stores = g.ownStores(n).map((name) => ({ name, type: 'keyValue' as const }));
  const id = b.add('processValues', n.name, { processor: processorStub(`Processor ${n.name}`), stores }, was(n));
  b.connect(from, id);
  b.consume([n.name], { id, kind: 'KStream' });
  const reads = g.readStores(n);
  b.note('PLACEHOLDER', n.name, `"${n.name}" became a processValues placeholder${reads.length ? `; it read ${reads.join(', ')}, which the placeholder does not connect` : ''}`, id);
  return true;
}
