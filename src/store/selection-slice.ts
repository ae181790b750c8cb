/** What is selected on the canvas, and which output record is being traced (lineage). */
import type { StateCreator } from 'zustand';

export interface SelectionSlice {
  selectedNodeIds: string[];
  /** The output record whose lineage is highlighted: its id and the input ids it came from. */
  lineage: { recordId: string; inputIds: string[]; nodeIds: string[] } | null;
  select: (ids: string[]) => void;
  setLineage: (l: SelectionSlice['lineage']) => void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set) => ({
  selectedNodeIds: [],
  lineage: null,
  select: (ids) => set({ selectedNodeIds: ids, lineage: null }),
  setLineage: (lineage) => set({ lineage }),
});
