/**
 * The version compare the canvas shows: which cards were added or changed (with the fields that
 * changed) and which nodes the compared version had that the canvas does not show, until cleared or
 * replaced by another compare. Moved-only nodes are not changed (design-diff.ts decides).
 */
import type { StateCreator } from 'zustand';
import type { DesignDiff, NodeChange } from '../model/design-diff';
import { nameTable } from '../model/name-table';

export interface CanvasCompare {
  /** The design compared (marks show only while it is open). */
  designId: string | null;
  label: string;
  /** By node id: what happened to that node between the two versions. */
  nodes: Record<string, NodeChange>;
  /** Removed nodes, and changes to nodes the canvas does not show (comparing two saved versions). */
  offCanvas: NodeChange[];
}

export interface CompareSlice {
  compare: CanvasCompare | null;
  setCompare: (c: CanvasCompare | null) => void;
}

/** The canvas marks for a diff, given the ids of the nodes on the canvas. */
export function canvasCompare(designId: string | null, label: string, diff: DesignDiff, onCanvas: ReadonlySet<string>): CanvasCompare {
  const shown = diff.nodes.filter((n) => n.change !== 'removed' && onCanvas.has(n.nodeId));
  return { designId, label, nodes: nameTable(shown.map((n) => [n.nodeId, n])), offCanvas: diff.nodes.filter((n) => !shown.includes(n)) };
}

/** The compare marks of the open design (none when another design is open). */
export const openCompare = (s: CompareSlice & { openId: string | null }): CanvasCompare | null => (s.compare && s.compare.designId === s.openId ? s.compare : null);

export const createCompareSlice: StateCreator<CompareSlice, [], [], CompareSlice> = (set) => ({
  compare: null,
  setCompare: (compare) => set({ compare }),
});
