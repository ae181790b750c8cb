/**
 * What changed between two versions of a design, as the canvas shows it: nodes added, removed and
 * changed (with the params that changed; a node only moved is not changed), connections added and
 * removed, and changed settings. Nodes are the same node when they keep their id.
 */
import type { DesignEdge, DesignNode, TopologyDocument } from './types';

export interface NodeChange {
  nodeId: string;
  name: string;
  kind: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed node: what changed ('name', 'kind', 'description' or a param name). */
  fields?: string[];
  /** For a renamed node: its old name. */
  renamedFrom?: string;
}

export interface DesignDiff {
  nodes: NodeChange[];
  edgesAdded: DesignEdge[];
  edgesRemoved: DesignEdge[];
  /** 'name' (the application id) and changed settings ('settings.partitions', ...). */
  settings: string[];
}

/** Equal as data (object member order does not matter). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function changedFields(a: DesignNode, b: DesignNode): string[] {
  const fields: string[] = [];
  for (const f of ['name', 'kind', 'description'] as const) if ((a[f] ?? '') !== (b[f] ?? '')) fields.push(f);
  const params = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  for (const p of params) if (!sameData(a.params[p], b.params[p])) fields.push(p);
  return fields;
}

const edgeKey = (e: DesignEdge) => JSON.stringify([e.source, e.sourcePort ?? 'out', e.target, e.targetPort]);

export function diffDesigns(before: TopologyDocument, after: TopologyDocument): DesignDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const nodes: NodeChange[] = [];
  for (const n of before.nodes) if (!now.has(n.id)) nodes.push({ nodeId: n.id, name: n.name, kind: n.kind, change: 'removed' });
  for (const n of after.nodes) {
    const was = old.get(n.id);
    if (!was) nodes.push({ nodeId: n.id, name: n.name, kind: n.kind, change: 'added' });
    else {
      const fields = changedFields(was, n);
      if (fields.length) nodes.push({ nodeId: n.id, name: n.name, kind: n.kind, change: 'changed', fields, ...(was.name !== n.name ? { renamedFrom: was.name } : {}) });
    }
  }
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const settings = [
    ...(before.name !== after.name ? ['name'] : []),
    ...(['defaultKeySerde', 'defaultValueSerde', 'partitions'] as const).filter((k) => before.settings[k] !== after.settings[k]).map((k) => `settings.${k}`),
  ];
  return { nodes, edgesAdded: after.edges.filter((e) => !beforeEdges.has(edgeKey(e))), edgesRemoved: before.edges.filter((e) => !afterEdges.has(edgeKey(e))), settings };
}
