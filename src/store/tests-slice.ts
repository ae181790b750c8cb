/**
 * Which test case the samples panel and the preview show (null: the design's own samples). A case
 * that no longer exists (deleted, another design) counts as none.
 */
import type { StateCreator } from 'zustand';

export interface TestsSlice {
  activeTestId: string | null;
  setActiveTest: (id: string | null) => void;
}

export const createTestsSlice: StateCreator<TestsSlice, [], [], TestsSlice> = (set) => ({
  activeTestId: null,
  setActiveTest: (activeTestId) => set({ activeTestId }),
});
