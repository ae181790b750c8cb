/**
 * What a descriptor's lower() is given for one node, built in one place for the compiler and the
 * code generator (they must lower every node alike): the upstream types per port, and which shared
 * processor stores this node adds to the builder.
 *
 * A processor store marked `shared` may be declared, with the same definition, on several
 * process/processValues nodes (Kafka: one builder.addStateStore, and every process(...) naming it;
 * Kafka then puts those processors in one sub-topology). The first of those nodes in the design's
 * dependency order adds it, so the store exists before any process(...) call names it.
 */
import type { LowerContext } from './descriptor';
import type { DesignAnalysis } from './graph';

export function lowerContextOf(analysis: DesignAnalysis, id: string): LowerContext {
  const node = analysis.nodes.get(id)!;
  const byPort = analysis.inputs.get(id) ?? {};
  const inputs = Object.fromEntries(Object.entries(byPort).map(([p, list]) => [p, list.map((c) => c.type!).filter(Boolean)]));
  const declarers = sharedStoreDeclarers(analysis);
  return { node, inputs, declaresStore: (name) => (declarers.get(name) ?? id) === id };
}

/** A processor node's declared stores, as its params list them (shared or not). */
export function processorStoresOf(params: Record<string, unknown> | undefined): { name: string; shared?: boolean }[] {
  const stores = params?.stores;
  return Array.isArray(stores) ? stores.filter((s): s is { name: string; shared?: boolean } => typeof s?.name === 'string') : [];
}

const cache = new WeakMap<DesignAnalysis, Map<string, string>>();

/** Shared store name -> the node that adds it (first in dependency order). */
export function sharedStoreDeclarers(analysis: DesignAnalysis): Map<string, string> {
  let out = cache.get(analysis);
  if (out) return out;
  out = new Map();
  for (const id of analysis.order) {
    for (const s of processorStoresOf(analysis.params.get(id))) if (s.shared && !out.has(s.name)) out.set(s.name, id);
  }
  cache.set(analysis, out);
  return out;
}
