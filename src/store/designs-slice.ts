/**
 * The designs this browser keeps and the one this tab has open: the list as last read, the
 * revision the open document is based on, what was last saved (unsaved = the document is another
 * object), the save status the toolbar shows, and the undo histories of the designs left in this tab.
 */
import type { StateCreator } from 'zustand';
import type { TopologyDocument } from '../model/types';
import type { DesignMeta, SaveStatus, StashedHistory } from './design-sync';

export interface DesignsSlice {
  designs: DesignMeta[];
  openId: string | null;
  baseRev: number;
  savedDoc: TopologyDocument | null;
  save: SaveStatus;
  histories: Record<string, StashedHistory>;
  setDesigns: (designs: DesignMeta[]) => void;
  setSave: (save: SaveStatus) => void;
}

function keepUnchanged(before: DesignMeta[], after: DesignMeta[]): DesignMeta[] {
  const old = new Map(before.map((m) => [m.id, m]));
  const same = (a: DesignMeta | undefined, b: DesignMeta) => a && a.rev === b.rev && a.updatedAt === b.updatedAt && a.name === b.name;
  const kept = after.map((m) => (same(old.get(m.id), m) ? old.get(m.id)! : m));
  return kept.length === before.length && kept.every((m, i) => m === before[i]) ? before : kept;
}

export const createDesignsSlice: StateCreator<DesignsSlice, [], [], DesignsSlice> = (set) => ({
  designs: [],
  openId: null,
  baseRev: 0,
  savedDoc: null,
  save: { kind: 'saving' },
  histories: {},
  // Entries that did not change keep their object, so the list re-renders only what changed.
  setDesigns: (designs) => set((s) => ({ designs: keepUnchanged(s.designs, designs) })),
  setSave: (save) => set({ save }),
});
