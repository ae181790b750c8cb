/** Auto layout with elkjs (layered, left to right), loaded lazily so the first screen does not wait for it. */
import { moveNodes } from '../../model/commands';
import type { TopologyDocument } from '../../model/types';
import { useApp } from '../../store/store';

export async function layoutPositions(doc: TopologyDocument): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '80' },
    children: doc.nodes.map((n) => ({ id: n.id, width: 200, height: 90 })),
    edges: doc.edges.filter((e) => e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of graph.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}

export async function autoLayout(): Promise<void> {
  const doc = useApp.getState().doc;
  const pos = await layoutPositions(doc);
  useApp.getState().edit((d) => moveNodes(d, pos));
}
