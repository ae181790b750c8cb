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

/** The types leaving each node (by id), schemas first and function return types after. */
export async function flowTypes(doc: TopologyDocument, topicTypes: Map<string, FlowTypes>, resolve: ReturnResolver, analysis: DesignAnalysis = analyzeDesign(doc)): Promise<Map<string, FlowTypes>> {
  const out = new Map<string, FlowTypes>();
  for (const id of analysis.order) {
    const node = analysis.nodes.get(id);
    const params = analysis.params.get(id);
    if (!node || !params) continue;
    const inputOf = (port: string) => {
      const c = analysis.inputs.get(id)?.[port]?.[0];
      return c ? out.get(c.node.id) ?? {} : {};
    };
    const input = inputOf('in');
    const ask = async (param: string, types: Record<string, string | undefined>, names: [string, string][], expr: string) => {
      const source = params[param];
      if (typeof source !== 'string' || !source.trim()) return undefined;
      return resolve({ nodeId: id, param, source, params: names.map(([name, t]) => ({ name, type: types[t] ?? 'any' })), expr });
    };
    const kv = { K: input.key, V: input.value };
    let t: FlowTypes = {};
    switch (node.kind) {
      case 'stream':
      case 'table':
      case 'globalTable':
        t = topicTypes.get(String(params.topic)) ?? {};
        break;
      case 'mapValues':
        t = { key: input.key, value: await ask('mapper', kv, [['value', 'V'], ['key', 'K']], R) };
        break;
      case 'flatMapValues':
        t = { key: input.key, value: await ask('mapper', kv, [['value', 'V'], ['key', 'K']], `${R}[number]`) };
        break;
      case 'selectKey':
        t = { key: await ask('mapper', kv, [['key', 'K'], ['value', 'V']], R), value: input.value };
        break;
      case 'map':
        t = { key: await ask('mapper', kv, [['key', 'K'], ['value', 'V']], `${R}[0]`), value: await ask('mapper', kv, [['key', 'K'], ['value', 'V']], `${R}[1]`) };
        break;
      case 'flatMap':
        t = { key: await ask('mapper', kv, [['key', 'K'], ['value', 'V']], `${R}[number][0]`), value: await ask('mapper', kv, [['key', 'K'], ['value', 'V']], `${R}[number][1]`) };
        break;
      case 'groupBy':
        t = { key: await ask('mapper', kv, [['key', 'K'], ['value', 'V']], R), value: input.value };
        break;
      case 'count':
        t = { key: input.key, value: 'number' };
        break;
      case 'reduce':
        t = input;
        break;
      case 'aggregate':
        t = { key: input.key, value: await ask('initializer', {}, [], R) };
        break;
      case 'join':
      case 'leftJoin':
      case 'outerJoin': {
        const left = inputOf('left');
        const right = inputOf('right');
        t = { key: left.key, value: await ask('joiner', { VL: left.value, VR: right.value, K: left.key }, [['leftValue', 'VL'], ['rightValue', 'VR'], ['key', 'K']], R) };
        break;
      }
      default:
        if (KEEP.has(node.kind)) t = input;
    }
    out.set(id, t);
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
