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
  /** How the preview moves the mock wall clock (WALL_CLOCK_TIME punctuation; src/simulator/wall-clock.ts). */
  wallClock: WallClockPlan;
  setWallClock: (plan: Partial<WallClockPlan>) => void;
}

export interface WallClockPlan {
  /** Once, after the samples (0: not at all). */
  advanceMs: number;
  /** After every input record (0: not at all). */
  perRecordMs: number;
  /** Up to each input record's timestamp, as if records arrived when they happened. */
  followEventTime: boolean;
}

const wholeMs = (ms: number) => (Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0);

export const createPreviewSlice: StateCreator<PreviewSlice, [], [], PreviewSlice> = (set) => ({
  result: null,
  detail: null,
  running: false,
  stopped: null,
  latencyMs: null,
  setPreview: (p) => set(p),
  wallClock: { advanceMs: 0, perRecordMs: 0, followEventTime: false },
  setWallClock: (plan) =>
    set((s) => {
      const next = { ...s.wallClock, ...plan };
      return { wallClock: { advanceMs: wholeMs(next.advanceMs), perRecordMs: wholeMs(next.perRecordMs), followEventTime: next.followEventTime === true } };
    }),
});
