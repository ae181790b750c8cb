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

export const createDesignsSlice: StateCreator<DesignsSlice, [], [], DesignsSlice> = (set) => ({
  designs: [],
  openId: null,
  baseRev: 0,
  savedDoc: null,
  save: { kind: 'saving' },
  histories: {},
  setDesigns: (designs) => set({ designs }),
  setSave: (save) => set({ save }),
});
