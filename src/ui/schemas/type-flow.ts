/**
 * Record types that flow from topic schemas through the design: a source with a schema gives its
 * records the schema's TypeScript type, operators that keep records keep it, and operators that
 * compute new ones (mapValues, map, joins, aggregates...) give the return type of the user's
 * function, which TypeScript infers (see return-types.ts: the question is asked as a type
 * expression over `F`, the function's type). Unknown types stay undefined: the inspector then falls
 * back to the type inferred from the samples or the preview.
 */
import { analyzeDesign, type DesignAnalysis } from '../../model/graph';
import type { TopologyDocument } from '../../model/types';

export interface FlowTypes {
  key?: string;
  value?: string;
}

/** A function whose return type decides a node's output: its param, its parameters' types, and what to take of its return (an expression over F). */
export interface ReturnQuery {
  nodeId: string;
  param: string;
  source: string;
  params: { name: string; type: string }[];
  /** e.g. `ReturnType<F>`, `ReturnType<F>[0]`. */
  expr: string;
}

/** The answer to a ReturnQuery, or undefined when TypeScript could not tell (any/unknown). */
export type ReturnResolver = (q: ReturnQuery) => Promise<string | undefined>;

const KEEP = new Set(['filter', 'filterNot', 'peek', 'repartition', 'toStream', 'toTable', 'groupByKey', 'windowedBy', 'suppress', 'merge', 'split', 'to']);
const R = 'ReturnType<F>';

/** What a node's rule gets: its input types, another port's, and a way to ask a function's return type. */
interface NodeContext {
  params: Record<string, unknown>;
  input: FlowTypes;
  inputOf: (port: string) => FlowTypes;
  topicTypes: Map<string, FlowTypes>;
  ask: (param: string, types: Record<string, string | undefined>, names: [string, string][], expr: string) => Promise<string | undefined>;
}

const KV: [string, string][] = [['key', 'K'], ['value', 'V']];
const VK: [string, string][] = [['value', 'V'], ['key', 'K']];
const kvOf = (c: NodeContext) => ({ K: c.input.key, V: c.input.value });

async function joined(c: NodeContext): Promise<FlowTypes> {
  const left = c.inputOf('left');
  const right = c.inputOf('right');
  return { key: left.key, value: await c.ask('joiner', { VL: left.value, VR: right.value, K: left.key }, [['leftValue', 'VL'], ['rightValue', 'VR'], ['key', 'K']], R) };
}

/** Per operator, the types it outputs (operators in KEEP pass their input's on; others: unknown). */
const RULES: Record<string, (c: NodeContext) => Promise<FlowTypes> | FlowTypes> = {
  stream: (c) => c.topicTypes.get(String(c.params.topic)) ?? {},
  table: (c) => c.topicTypes.get(String(c.params.topic)) ?? {},
  globalTable: (c) => c.topicTypes.get(String(c.params.topic)) ?? {},
  mapValues: async (c) => ({ key: c.input.key, value: await c.ask('mapper', kvOf(c), VK, R) }),
  flatMapValues: async (c) => ({ key: c.input.key, value: await c.ask('mapper', kvOf(c), VK, `${R}[number]`) }),
  selectKey: async (c) => ({ key: await c.ask('mapper', kvOf(c), KV, R), value: c.input.value }),
  groupBy: async (c) => ({ key: await c.ask('mapper', kvOf(c), KV, R), value: c.input.value }),
  map: async (c) => ({ key: await c.ask('mapper', kvOf(c), KV, `${R}[0]`), value: await c.ask('mapper', kvOf(c), KV, `${R}[1]`) }),
  flatMap: async (c) => ({ key: await c.ask('mapper', kvOf(c), KV, `${R}[number][0]`), value: await c.ask('mapper', kvOf(c), KV, `${R}[number][1]`) }),
  count: (c) => ({ key: c.input.key, value: 'number' }),
  reduce: (c) => c.input,
  aggregate: async (c) => ({ key: c.input.key, value: await c.ask('initializer', {}, [], R) }),
  join: joined,
  leftJoin: joined,
  outerJoin: joined,
};

/** The types leaving each node (by id), schemas first and function return types after. */
export async function flowTypes(doc: TopologyDocument, topicTypes: Map<string, FlowTypes>, resolve: ReturnResolver, analysis: DesignAnalysis = analyzeDesign(doc)): Promise<Map<string, FlowTypes>> {
  const out = new Map<string, FlowTypes>();
  for (const id of analysis.order) {
    const node = analysis.nodes.get(id);
    const params = analysis.params.get(id);
    if (!node || !params) continue;
    const inputOf = (port: string) => {
      const c = analysis.inputs.get(id)?.[port]?.[0];
      return c ? (out.get(c.node.id) ?? {}) : {};
    };
    const ask: NodeContext['ask'] = async (param, types, names, expr) => {
      const source = params[param];
      if (typeof source !== 'string' || !source.trim()) return undefined;
      return resolve({ nodeId: id, param, source, params: names.map(([name, t]) => ({ name, type: types[t] ?? 'any' })), expr });
    };
    const rule = RULES[node.kind];
    const input = inputOf('in');
    out.set(id, rule ? await rule({ params, input, inputOf, topicTypes, ask }) : KEEP.has(node.kind) ? input : {});
  }
  return out;
}

/** The types a node's functions see: what its input port (or left/right for joins) receives. */
export function inputFlowTypes(doc: TopologyDocument, flow: Map<string, FlowTypes>, nodeId: string, port?: string): FlowTypes & { left?: FlowTypes; right?: FlowTypes } {
  const edgeInto = (p?: string) => doc.edges.find((e) => e.target === nodeId && (p === undefined || e.targetPort === p));
  const typesOf = (p?: string) => {
    const e = edgeInto(p);
    return e ? flow.get(e.source) ?? {} : {};
  };
  const main = typesOf(port ?? (edgeInto('left') ? 'left' : undefined));
  return { ...main, left: typesOf('left'), right: typesOf('right') };
}
