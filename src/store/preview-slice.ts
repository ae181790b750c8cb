/** The latest preview (the worker's summary of the run), the shown node's records, and whether a run is in flight. */
import type { StateCreator } from 'zustand';
import type { NodeDetail, PreviewResult } from '../simulator/types';

export interface PreviewSlice {
  result: PreviewResult | null;
  /** The records and stores of the node the preview panel shows, from run `runId`. */
  detail: (NodeDetail & { runId: number }) | null;
  running: boolean;
  /** Set when the worker had to be stopped (endless loop): names the node/record if known. */
  stopped: { message: string; nodeId?: string } | null;
  /** From the last document change to its preview result in the store (ms). */
  latencyMs: number | null;
  setPreview: (p: Partial<Pick<PreviewSlice, 'result' | 'detail' | 'running' | 'stopped' | 'latencyMs'>>) => void;
  /** How far the preview moves the mock wall clock after the samples (WALL_CLOCK_TIME punctuation; 0: not at all). */
  wallClockAdvanceMs: number;
  setWallClockAdvance: (ms: number) => void;
}

export const createPreviewSlice: StateCreator<PreviewSlice, [], [], PreviewSlice> = (set) => ({
  result: null,
  detail: null,
  running: false,
  stopped: null,
  latencyMs: null,
  setPreview: (p) => set(p),
  wallClockAdvanceMs: 0,
  setWallClockAdvance: (ms) => set({ wallClockAdvanceMs: Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0 }),
});
