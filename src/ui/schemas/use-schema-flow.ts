/**
 * Keeps the schema-typed record types of the current design (type-flow.ts) in a small store the
 * inspector reads. Recomputed a moment after the design changes, and only for designs with
 * schemas (Monaco's TypeScript worker answers the return types, so Monaco is loaded then).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { TopologyDocument } from '../../model/types';
import { useApp } from '../../store/store';
import { schemaTypings } from './schema-typings';
import { flowTypes, type FlowTypes } from './type-flow';

interface SchemaFlowState {
  /** The design the flow was computed for. */
  doc: TopologyDocument | null;
  flow: Map<string, FlowTypes>;
}

export const useSchemaFlowStore = create<SchemaFlowState>(() => ({ doc: null, flow: new Map() }));

const SETTLE_MS = 250;

function hasSchemas(doc: TopologyDocument): boolean {
  return Object.values(doc.topics ?? {}).some((t) => t?.keySchema || t?.valueSchema);
}

async function compute(doc: TopologyDocument): Promise<void> {
  const { lib, topicTypes } = schemaTypings(doc);
  const { setSchemaTypings, resolveReturnType } = await import('../editor/return-types');
  setSchemaTypings(lib);
  const flow = await flowTypes(doc, topicTypes, resolveReturnType);
  // A newer design may have been computed meanwhile: keep only the latest.
  if (useApp.getState().doc === doc) useSchemaFlowStore.setState({ doc, flow });
}

export function useSchemaFlow(): void {
  const doc = useApp((s) => s.doc);
  useEffect(() => {
    if (!hasSchemas(doc)) {
      if (useSchemaFlowStore.getState().flow.size) useSchemaFlowStore.setState({ doc, flow: new Map() });
      return;
    }
    const timer = setTimeout(() => void compute(doc).catch(() => undefined), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [doc]);
}
