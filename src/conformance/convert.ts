/**
 * Converts a conformance case topology (Kafka DSL op names and fields) into a Streamwright design,
 * so cases run through the same descriptors, compiler and engine as the designer. `branch` nodes
 * become split output edges; captureChanges and sendOldValues are test hooks applied after compiling.
 */
import type { DesignEdge, DesignNode, TopologyDocument } from '../model/types';
import type { CaseNode } from './types';

export interface ConvertedCase {
  doc: TopologyDocument;
  /** captureChanges nodes: capture the table of node `tableId` into `topic`. */
  captures: { tableId: string; topic: string }[];
  /** Tables that must send old values. */
  oldValues: string[];
}

type Obj = Record<string, unknown>;

function materialized(n: CaseNode): Obj {
  const m = (n.materialized ?? {}) as Obj;
  const out: Obj = {};
  if (typeof m.storeName === 'string') out.storeName = m.storeName;
  if (typeof m.caching === 'boolean') out.caching = m.caching;
  if (typeof m.logging === 'boolean') out.logging = m.logging;
  if (typeof m.retentionMs === 'number') out.retentionMs = m.retentionMs;
  return out;
}

/**
 * A KTable filter/mapValues materialized under a name. Caching: as the case says; when it says
 * nothing, off. Kafka's own tests of these operators (KTableFilterTest, KTableMapValuesTest) disable
 * the record cache at the config level (statestore.cache.max.bytes = 0), which the case format has no
 * field for; the engine and the designer keep Kafka's default (on: rule 33 drops tombstones for keys
 * the store never held).
 */
function tableStore(n: CaseNode): Obj {
  const m = (n.materialized ?? {}) as Obj;
  if (typeof m.storeName !== 'string') return versioned(m);
  return { storeName: m.storeName, caching: typeof m.caching === 'boolean' ? m.caching : false, ...versioned(m) };
}

/** materialized.versioned.historyRetentionMs: a versioned store (Stores.persistentVersionedKeyValueStore). */
function versioned(m: Obj): Obj {
  const v = m.versioned as Obj | undefined;
  return v && typeof v.historyRetentionMs === 'number' ? { historyRetentionMs: v.historyRetentionMs } : {};
}

/** mapperWithKey (key, value) becomes the designer's (value, key) signature. */
const swapArgs = (src: string) => `(value, key) => (${src})(key, value)`;

const mapper = (n: CaseNode): Obj => ({ mapper: n.mapperWithKey ? swapArgs(String(n.mapperWithKey)) : n.mapper });
const topic = (n: CaseNode): Obj => ({ topic: n.topic });
const predicate = (n: CaseNode): Obj => ({ predicate: n.predicate, ...tableStore(n) });

/** The designer params of each case op (ops not listed take none). */
const PARAMS: Record<string, (n: CaseNode) => Obj> = {
  stream: topic,
  globalTable: topic,
  to: topic,
  table: (n) => ({ topic: n.topic, ...materialized(n), ...versioned((n.materialized ?? {}) as Obj) }),
  filter: predicate,
  filterNot: predicate,
  mapValues: (n) => ({ ...mapper(n), ...tableStore(n) }),
  flatMapValues: mapper,
  map: (n) => ({ mapper: n.mapper }),
  flatMap: (n) => ({ mapper: n.mapper }),
  selectKey: (n) => ({ mapper: n.mapper }),
  groupBy: (n) => ({ mapper: n.mapper }),
  peek: (n) => ({ action: n.action }),
  split: splitParams,
  windowedBy: windowParams,
  // aggregators[i] belongs to inputs[i], which arrives at port in<i> (convertCase).
  cogroup: (n) => ({ aggregators: Object.fromEntries(((n.aggregators as string[]) ?? []).map((a, i) => [`in${i}`, a])) }),
  count: materialized,
  toTable: materialized,
  reduce: (n) => ({ reducer: n.reducer, ...(n.subtractor ? { subtractor: n.subtractor } : {}), ...materialized(n) }),
  aggregate: (n) => ({ initializer: n.initializer, aggregator: n.aggregator, ...(n.subtractor ? { subtractor: n.subtractor } : {}), ...(n.merger ? { merger: n.merger } : {}), ...materialized(n) }),
  suppress: suppressParams,
  join: joinParams,
  leftJoin: joinParams,
  outerJoin: joinParams,
  process: (n) => ({ processor: n.processor, stores: ((n.stores as Obj[]) ?? []).map((st) => ({ ...st })) }),
  processValues: (n) => ({ processor: n.processor, stores: ((n.stores as Obj[]) ?? []).map((st) => ({ ...st })) }),
};

function params(n: CaseNode): Obj {
  return Object.hasOwn(PARAMS, n.op) ? PARAMS[n.op](n) : {};
}

function splitParams(n: CaseNode): Obj {
  return {
    namePrefix: n.namePrefix ?? '',
    branches: ((n.branches as Obj[]) ?? []).map((b) => ({ name: b.name, predicate: b.predicate })),
    defaultBranch: n.defaultBranch ? ((n.defaultBranch as Obj).name ?? '0') : null,
  };
}

function windowParams(n: CaseNode): Obj {
  const w = n.window as Obj;
  const p: Obj = { type: w.type, graceMs: w.graceMs ?? 0, emitStrategy: n.emitStrategy ?? 'onWindowUpdate' };
  if (w.sizeMs !== undefined) p.sizeMs = w.sizeMs;
  p.advanceMs = w.advanceMs ?? w.sizeMs ?? 60_000;
  if (w.timeDifferenceMs !== undefined) p.timeDifferenceMs = w.timeDifferenceMs;
  if (w.gapMs !== undefined) p.gapMs = w.gapMs;
  return p;
}

function suppressParams(n: CaseNode): Obj {
  const b = (n.bufferConfig ?? { unbounded: true }) as Obj;
  return {
    mode: n.untilWindowCloses ? 'untilWindowCloses' : 'untilTimeLimit',
    timeLimitMs: n.untilTimeLimitMs ?? 0,
    maxRecords: typeof b.maxRecords === 'number' ? b.maxRecords : null,
    maxBytes: typeof b.maxBytes === 'number' ? b.maxBytes : null,
    bufferFullStrategy: b.emitEarlyWhenFull ? 'emitEarlyWhenFull' : 'shutDownWhenFull',
  };
}

function joinParams(n: CaseNode): Obj {
  const w = (n.window ?? {}) as Obj;
  const p: Obj = { joiner: n.joiner, ...materialized(n) };
  if (n.window) Object.assign(p, { beforeMs: w.beforeMs ?? 0, afterMs: w.afterMs ?? 0, graceMs: w.graceMs ?? 0 });
  if (n.keySelector) p.keySelector = n.keySelector;
  if (n.foreignKeyExtractor) p.foreignKeyExtractor = n.foreignKeyExtractor;
  if (typeof n.gracePeriodMs === 'number') p.gracePeriodMs = n.gracePeriodMs;
  return p;
}

export function convertCase(name: string, nodes: CaseNode[]): ConvertedCase {
  const branchOf = new Map<string, { split: string; port: string }>();
  for (const n of nodes) if (n.op === 'branch') branchOf.set(n.id, { split: n.inputs![0], port: String(n.branch) });
  const designNodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  const captures: ConvertedCase['captures'] = [];
  const oldValues: string[] = [];
  for (const n of nodes) {
    if (n.op === 'branch') continue;
    if (n.op === 'captureChanges') {
      captures.push({ tableId: n.inputs![0], topic: String(n.topic) });
      continue;
    }
    if (n.sendOldValues) oldValues.push(n.id);
    designNodes.push({ id: n.id, kind: n.op, name: n.id, params: params(n), position: { x: 0, y: 0 } });
    const isJoin = n.op === 'join' || n.op === 'leftJoin' || n.op === 'outerJoin';
    (n.inputs ?? []).forEach((input, i) => {
      const b = branchOf.get(input);
      edges.push({
        id: `e${edges.length + 1}`,
        source: b ? b.split : input,
        ...(b ? { sourcePort: b.port } : {}),
        target: n.id,
        targetPort: isJoin ? (i === 0 ? 'left' : 'right') : n.op === 'cogroup' ? `in${i}` : 'in',
      });
    });
  }
  const appName = name.replace(/[^A-Za-z0-9._-]/g, '-');
  return {
    doc: { format: 'streamwright/topology', version: 1, name: appName, nodes: designNodes, edges, samples: {}, settings: { defaultKeySerde: 'json', defaultValueSerde: 'json', partitions: 1 } },
    captures,
    oldValues,
  };
}
