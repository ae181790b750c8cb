/** The record types reaching a node, inferred from the preview (or, before a run, from the samples). */
import type { PreviewResult } from '../../simulator/types';
import type { TopologyDocument } from '../../model/types';
import { recordTypes } from '../../simulator/record-types';
import { ownEntry } from '../../model/name-table';

export function upstreamTypes(doc: TopologyDocument, result: PreviewResult | null, nodeId: string, port?: string): { key: string; value: string } | null {
  const edge = doc.edges.find((e) => e.target === nodeId && (port === undefined || e.targetPort === port));
  if (!edge) return null;
  const fromPreview = result ? ownEntry(result.nodes, edge.source)?.types : undefined;
  if (fromPreview) return fromPreview;
  const src = doc.nodes.find((n) => n.id === edge.source);
  return src && typeof src.params.topic === 'string' ? recordTypes(ownEntry(doc.samples, src.params.topic) ?? []) : null;
}
