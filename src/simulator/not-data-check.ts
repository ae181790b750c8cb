/**
 * Finds the node whose user function returned something that is not plain data (a function, symbol,
 * class instance or self-referencing object), from the first records each node emitted. Only the
 * node where such a value first appears is flagged: the nodes after it merely pass it on. Pure.
 */
import { getOperator } from '../model/registry';
import type { TopologyDocument } from '../model/types';
import { findNotData, notDataMessage } from './plain-data';
import type { NotDataProblem, SimulationResult } from './types';

/** Records looked at per node (as many as the types shown in the inspector are taken from). */
const CHECKED_PER_NODE = 50;

function firstNotData(records: SimulationResult['nodes'][string]['emitted']): Pick<NotDataProblem, 'kind' | 'text' | 'part'> | null {
  for (let i = 0; i < records.length && i < CHECKED_PER_NODE; i++) {
    const inKey = findNotData(records[i].key);
    if (inKey) return { ...inKey, part: 'key' };
    const inValue = findNotData(records[i].value);
    if (inValue) return { ...inValue, part: 'value' };
  }
  return null;
}

/** The node's user function that made the value, when it has exactly one. */
function functionParam(doc: TopologyDocument, nodeId: string): string | undefined {
  const node = doc.nodes.find((n) => n.id === nodeId);
  const fns = (node ? getOperator(node.kind)?.paramSpecs ?? [] : []).filter((s) => s.control.type === 'function');
  return fns.length === 1 ? fns[0].name : undefined;
}

/** Sets `notData` on every node that first emitted a value that is not data. */
export function flagNotData(result: SimulationResult, doc: TopologyDocument): void {
  const found = new Map<string, Pick<NotDataProblem, 'kind' | 'text' | 'part'>>();
  for (const [id, n] of Object.entries(result.nodes)) {
    const f = firstNotData(n.emitted);
    if (f) found.set(id, f);
  }
  for (const [id, f] of found) {
    if (doc.edges.some((e) => e.target === id && found.has(e.source))) continue;
    const field = functionParam(doc, id);
    result.nodes[id].notData = { code: 'value-not-data', ...f, ...(field ? { field } : {}), message: `${notDataMessage(f.kind)} (the ${f.part} is ${f.text})` };
  }
}
