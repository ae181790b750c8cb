/**
 * The design document with undo/redo. Every edit is a pure model command (src/model/commands.ts)
 * applied here; history keeps whole documents (they are small and immutable).
 */
import type { StateCreator } from 'zustand';
import { emptyDesign } from '../model/commands';
import type { TopologyDocument } from '../model/types';
import type { SamplesDraftSlice } from './samples-draft-slice';

const HISTORY_LIMIT = 200;

export interface DocumentSlice {
  doc: TopologyDocument;
  past: TopologyDocument[];
  future: TopologyDocument[];
  /** Apply an edit. `coalesceKey`: consecutive edits with the same key (typing, dragging) make one undo step. */
  edit: (change: (doc: TopologyDocument) => TopologyDocument, coalesceKey?: string) => void;
  replaceDocument: (doc: TopologyDocument) => void;
  /** Shows another design with its own undo history (empty for one never edited in this tab). */
  switchDocument: (doc: TopologyDocument, history: { past: TopologyDocument[]; future: TopologyDocument[] }) => void;
  undo: () => void;
  redo: () => void;
  lastCoalesceKey: string | null;
}

// Another design replaces the unapplied sample texts of the previous one too.
export const createDocumentSlice: StateCreator<DocumentSlice & Pick<SamplesDraftSlice, 'sampleDrafts'>, [], [], DocumentSlice> = (set, get) => ({
  doc: emptyDesign(),
  past: [],
  future: [],
  lastCoalesceKey: null,
  edit: (change, coalesceKey) => {
    const { doc, past, lastCoalesceKey } = get();
    const next = change(doc);
    if (next === doc) return;
    const coalesce = coalesceKey !== undefined && coalesceKey === lastCoalesceKey;
    set({ doc: next, past: coalesce ? past : [...past, doc].slice(-HISTORY_LIMIT), future: [], lastCoalesceKey: coalesceKey ?? null });
  },
  replaceDocument: (doc) => get().switchDocument(doc, { past: [], future: [] }),
  switchDocument: (doc, { past, future }) => set({ doc, past, future, lastCoalesceKey: null, sampleDrafts: {} }),
  undo: () => {
    const { doc, past, future } = get();
    if (!past.length) return;
    set({ doc: past[past.length - 1], past: past.slice(0, -1), future: [doc, ...future], lastCoalesceKey: null });
  },
  redo: () => {
    const { doc, past, future } = get();
    if (!future.length) return;
    set({ doc: future[0], past: [...past, doc], future: future.slice(1), lastCoalesceKey: null });
  },
});
