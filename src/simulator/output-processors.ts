/**
 * Which engine processors carry a design node's output: the processor behind the DSL object the
 * node produced (a split: one per branch port; a sink: the sink named after the node). Their
 * forwards are the node's emitted records in the preview.
 */
import type { CompiledDesign } from '../compiler/compile';
import type { TopologyDocument } from '../model/types';
import { getOperator } from '../model/registry';

export function outputProcessors(doc: TopologyDocument, compiled: CompiledDesign): Map<string, { nodeId: string; port?: string }> {
  const out = new Map<string, { nodeId: string; port?: string }>();
  const nodeNameOf = (obj: unknown): string | undefined => {
    const o = obj as { nodeName?: unknown; stream?: { nodeName?: unknown } } | null;
    if (o && typeof o.nodeName === 'string') return o.nodeName;
    return undefined;
  };
  for (const n of doc.nodes) {
    if (!compiled.compiled.has(n.id)) continue;
    const obj = compiled.nodeObjects.get(n.id);
    const d = getOperator(n.kind);
    if (d?.outputPorts && d.portKey && obj && typeof obj === 'object' && !nodeNameOf(obj)) {
      const params = { ...(d.defaults as object), ...n.params } as never;
      for (const port of d.outputPorts(params)) {
        const name = nodeNameOf((obj as Record<string, unknown>)[d.portKey(params, port)]);
        if (name) out.set(name, { nodeId: n.id, port });
      }
      continue;
    }
    const name = nodeNameOf(obj);
    if (name && !out.has(name)) out.set(name, { nodeId: n.id });
    else if (!name && compiled.topology.spec.nodes.has(n.name)) out.set(n.name, { nodeId: n.id });
  }
  return out;
}
