/**
 * The record types reaching a node: the topic schemas' types where they flow (ui/schemas), else
 * inferred from the preview (or, before a run, from the samples).
 */
import type { PreviewResult } from '../../simulator/types';
import type { TopologyDocument } from '../../model/types';
import { recordTypes } from '../../simulator/record-types';
import { ownEntry } from '../../model/name-table';
import { inputFlowTypes, type FlowTypes } from '../schemas/type-flow';

export interface UpstreamTypes {
  key: string;
  value: string;
  /** A join's left and right value types (its joiner's VL and VR). */
  left?: string;
  right?: string;
}

function inferredTypes(doc: TopologyDocument, result: PreviewResult | null, nodeId: string, port?: string): { key: string; value: string } | null {
  const edge = doc.edges.find((e) => e.target === nodeId && (port === undefined || e.targetPort === port));
  if (!edge) return null;
  const fromPreview = result ? ownEntry(result.nodes, edge.source)?.types : undefined;
  if (fromPreview) return fromPreview;
  const src = doc.nodes.find((n) => n.id === edge.source);
  return src && typeof src.params.topic === 'string' ? recordTypes(ownEntry(doc.samples, src.params.topic) ?? []) : null;
}

export function upstreamTypes(doc: TopologyDocument, result: PreviewResult | null, nodeId: string, port?: string, flow: Map<string, FlowTypes> = new Map()): UpstreamTypes | null {
  const inferred = inferredTypes(doc, result, nodeId, port);
  const typed = inputFlowTypes(doc, flow, nodeId, port);
  const key = typed.key ?? inferred?.key;
  const value = typed.value ?? inferred?.value;
  if (key === undefined && value === undefined) return null;
  const joined = doc.edges.some((e) => e.target === nodeId && e.targetPort === 'left');
  const side = (p: 'left' | 'right') => (joined ? (typed[p]?.value ?? inferredTypes(doc, result, nodeId, p)?.value) : undefined);
  return { key: key ?? 'any', value: value ?? 'any', left: side('left'), right: side('right') };
}
