/**
 * Which engine processors carry a design node's output: the processor behind the DSL object the
 * node produced (a split: one per branch port; a sink: the sink named after the node; a grouped or
 * windowed stream: the records it groups). Their forwards are the node's emitted records in the
 * preview. One processor can stand for several design nodes (groupByKey shows what it groups).
 */
import type { CompiledDesign } from '../compiler/compile';
import type { TopologyDocument } from '../model/types';
import { getOperator } from '../model/registry';

export interface OutputTarget {
  nodeId: string;
  port?: string;
}

type Obj = Record<string, unknown> | null;

/** The processor name behind a DSL object; grouped/windowed streams point at the stream they group. */
function processorOf(obj: unknown): string | undefined {
  const o = obj as Obj;
  if (!o || typeof o !== 'object') return undefined;
  if (typeof o.nodeName === 'string') return o.nodeName;
  if (o.grouped) return processorOf(o.grouped);
  if (o.repartitioned) return processorOf(o.repartitioned);
  if (o.stream) return processorOf(o.stream);
  return undefined;
}

export function outputProcessors(doc: TopologyDocument, compiled: CompiledDesign): Map<string, OutputTarget[]> {
  const out = new Map<string, OutputTarget[]>();
  const add = (processor: string, t: OutputTarget) => out.set(processor, [...(out.get(processor) ?? []), t]);
  for (const n of doc.nodes) {
    if (!compiled.compiled.has(n.id)) continue;
    const obj = compiled.nodeObjects.get(n.id);
    const d = getOperator(n.kind);
    if (d?.outputPorts && d.portKey && obj && typeof obj === 'object' && !processorOf(obj)) {
      const params = { ...(d.defaults as object), ...n.params } as never;
      for (const port of d.outputPorts(params)) {
        const name = processorOf((obj as Record<string, unknown>)[d.portKey(params, port)]);
        if (name) add(name, { nodeId: n.id, port });
      }
      continue;
    }
    const name = processorOf(obj) ?? (compiled.topology.spec.nodes.has(n.name) ? n.name : undefined);
    if (name) add(name, { nodeId: n.id });
  }
  return out;
}
