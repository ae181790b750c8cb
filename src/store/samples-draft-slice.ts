/**
 * The samples editor's state that must outlive the panel: the topic shown and, per topic, text that
 * is not applied yet (being typed, or invalid) with its problem. The bottom panel mounts only the
 * active tab, so without this a tab or topic switch would lose an unapplied edit.
 */
import type { StateCreator } from 'zustand';

export interface SampleDraft {
  text: string;
  /** Why the text was not applied (the line is 1-based), until the next apply. */
  problem: { message: string; line: number; column?: number; plainValues?: number } | null;
}

export interface SamplesDraftSlice {
  samplesTopic: string | null;
  sampleDrafts: Record<string, SampleDraft>;
  setSamplesTopic: (topic: string) => void;
  /** `null`: the topic's text is its applied samples again. */
  setSampleDraft: (topic: string, draft: SampleDraft | null) => void;
}

export const createSamplesDraftSlice: StateCreator<SamplesDraftSlice, [], [], SamplesDraftSlice> = (set) => ({
  samplesTopic: null,
  sampleDrafts: {},
  setSamplesTopic: (samplesTopic) => set({ samplesTopic }),
  setSampleDraft: (topic, draft) =>
    set((s) => {
      const { [topic]: _, ...rest } = s.sampleDrafts;
      return { sampleDrafts: draft ? { ...rest, [topic]: draft } : rest };
    }),
});
