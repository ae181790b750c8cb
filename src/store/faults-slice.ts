/**
 * The Faults tab's choices and answers (kept while other tabs are shown): the faults placed on
 * input records, the guarantee and commit interval, the last report and the last search with the
 * run each was made on (shown only while that run is the preview's).
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_FAULT_SETTINGS, type Fault, type FaultSettings } from '../simulator/faults/types';
import type { FaultAnswers } from '../simulator/faults/view';

export interface FaultsSlice {
  faults: Fault[];
  faultSettings: FaultSettings;
  faultReport: { runId: number; report: FaultAnswers['faults'] } | null;
  faultSearch: { runId: number; report: FaultAnswers['fault-search'] } | null;
  setFaults: (faults: Fault[]) => void;
  setFaultSettings: (settings: FaultSettings) => void;
  setFaultReport: (r: FaultsSlice['faultReport']) => void;
  setFaultSearch: (r: FaultsSlice['faultSearch']) => void;
}

export const createFaultsSlice: StateCreator<FaultsSlice, [], [], FaultsSlice> = (set) => ({
  faults: [],
  faultSettings: DEFAULT_FAULT_SETTINGS,
  faultReport: null,
  faultSearch: null,
  setFaults: (faults) => set({ faults }),
  setFaultSettings: (faultSettings) => set({ faultSettings }),
  setFaultReport: (faultReport) => set({ faultReport }),
  setFaultSearch: (faultSearch) => set({ faultSearch }),
});
