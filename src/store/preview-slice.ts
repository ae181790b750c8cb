/** The latest simulation result and whether a run is in flight. */
import type { StateCreator } from 'zustand';
import type { SimulationResult } from '../simulator/types';

export interface PreviewSlice {
  result: SimulationResult | null;
  running: boolean;
  /** Set when the worker had to be stopped (endless loop): names the node/record if known. */
  stopped: { message: string; nodeId?: string } | null;
  /** From the last document change to its preview result in the store (ms). */
  latencyMs: number | null;
  setPreview: (p: Partial<Pick<PreviewSlice, 'result' | 'running' | 'stopped' | 'latencyMs'>>) => void;
}

export const createPreviewSlice: StateCreator<PreviewSlice, [], [], PreviewSlice> = (set) => ({
  result: null,
  running: false,
  stopped: null,
  latencyMs: null,
  setPreview: (p) => set(p),
});
