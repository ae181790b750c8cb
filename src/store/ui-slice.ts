/** Panels, dialogs and transient messages. */
import type { StateCreator } from 'zustand';

export type BottomTab = 'preview' | 'timeline' | 'faults' | 'samples' | 'tests' | 'versions' | 'plan' | 'code';

/** A button in a toast, e.g. Undo after deleting a design. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface UiSlice {
  bottomTab: BottomTab;
  dialog: 'help' | 'examples' | 'generate' | 'designs' | 'import-describe' | null;
  toast: { message: string; kind: 'error' | 'info'; at: number; action?: ToastAction } | null;
  setBottomTab: (t: BottomTab) => void;
  setDialog: (d: UiSlice['dialog']) => void;
  notify: (message: string, kind?: 'error' | 'info', action?: ToastAction) => void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  bottomTab: 'preview',
  dialog: null,
  toast: null,
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setDialog: (dialog) => set({ dialog }),
  notify: (message, kind = 'info', action) => set({ toast: { message, kind, at: Date.now(), action } }),
});
