/**
 * The compiler's answer (which processors and stores each design node became) turned around for
 * the preview: processor -> the nodes whose output it carries (a split: one per branch port; a
 * grouping node shows what it groups, so one processor can stand for several nodes), processor ->
 * the node it belongs to (drops, counts, errors) and whether records enter the node there, store -> its node.
 */
import type { CompiledDesign } from '../compiler/compile';
import { nameTable } from '../engine';

export interface OutputTarget {
  nodeId: string;
  port?: string;
}

export interface ProcessorIndex {
  outputs: Map<string, OutputTarget[]>;
  ownerOf: Map<string, string>;
  /** The processors records enter each node through (its records in are theirs). */
  entries: Set<string>;
  storeOwners: Record<string, string>;
}

export function indexProcessors(compiled: Pick<CompiledDesign, 'nodeProcessors'>): ProcessorIndex {
  const index: ProcessorIndex = { outputs: new Map(), ownerOf: new Map(), entries: new Set(), storeOwners: nameTable() };
  for (const [nodeId, np] of compiled.nodeProcessors) {
    for (const p of np.processors) index.ownerOf.set(p, nodeId);
    for (const p of np.entries) index.entries.add(p);
    for (const s of np.stores) index.storeOwners[s] = nodeId;
    for (const o of np.outputs) {
      const targets = index.outputs.get(o.processor) ?? [];
      targets.push(o.port === undefined ? { nodeId } : { nodeId, port: o.port });
      index.outputs.set(o.processor, targets);
    }
  }
  return index;
}
