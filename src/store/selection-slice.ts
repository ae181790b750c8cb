/** What is selected on the canvas, and which output record is being traced (lineage). */
import type { StateCreator } from 'zustand';
import type { Lineage } from '../simulator/types';

export interface SelectionSlice {
  selectedNodeIds: string[];
  /** The output record whose lineage is highlighted: the input records it came from and the nodes they went through. */
  lineage: Lineage | null;
  select: (ids: string[]) => void;
  setLineage: (l: SelectionSlice['lineage']) => void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set) => ({
  selectedNodeIds: [],
  lineage: null,
  select: (ids) => set({ selectedNodeIds: ids, lineage: null }),
  setLineage: (lineage) => set({ lineage }),
});
