/** Panels, dialogs and transient messages. */
import type { StateCreator } from 'zustand';

export type BottomTab = 'preview' | 'samples' | 'plan' | 'code';

export interface UiSlice {
  bottomTab: BottomTab;
  dialog: 'help' | 'examples' | 'generate' | null;
  toast: { message: string; kind: 'error' | 'info'; at: number } | null;
  setBottomTab: (t: BottomTab) => void;
  setDialog: (d: UiSlice['dialog']) => void;
  notify: (message: string, kind?: 'error' | 'info') => void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  bottomTab: 'preview',
  dialog: null,
  toast: null,
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setDialog: (dialog) => set({ dialog }),
  notify: (message, kind = 'info') => set({ toast: { message, kind, at: Date.now() } }),
});
