/**
 * Autosave of the open design: shortly after each change it is written as the next revision of
 * that design. A write refused because another tab wrote first puts the tab in conflict (nothing
 * more is written until the user chooses, see design-remote.ts); other failures are shown with
 * their reason and retried at the next change.
 */
import { broadcast } from './design-channel';
import { writeDesign } from './design-db';
import type { DesignMeta } from './design-sync';
import { useApp } from './store';

const DELAY_MS = 400;
let timer: ReturnType<typeof setTimeout> | null = null;
let writing: Promise<void> | null = null;

export function hasUnsavedChanges(): boolean {
  const s = useApp.getState();
  return s.doc !== s.savedDoc;
}

/** Called on every document change: a write follows after a short pause. */
export function scheduleSave(delayMs = DELAY_MS): void {
  const s = useApp.getState();
  if (!s.openId || s.save.kind === 'conflict' || !hasUnsavedChanges()) return;
  if (s.save.kind !== 'saving') s.setSave({ kind: 'saving' });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void flushSave(), delayMs);
}

/** Writes pending changes now (before another design opens, when the page is hidden). */
export async function flushSave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  while (writing) await writing;
  const s = useApp.getState();
  if (!s.openId || s.save.kind === 'conflict' || !hasUnsavedChanges()) return;
  await write(s.openId, s.baseRev);
}

/** Writes the open document based on `baseRev` (`'force'`: the user chose to overwrite the other tab's version). */
export async function write(id: string, baseRev: number | 'force'): Promise<void> {
  const doc = useApp.getState().doc;
  let saved = false;
  const run = writeDesign(id, doc, baseRev, Date.now()).then(
    (r) => {
      if (useApp.getState().openId !== id) return;
      if (!r.ok) return useApp.getState().setSave({ kind: 'conflict', reason: r.reason });
      useApp.setState((s) => ({ baseRev: r.meta.rev, savedDoc: doc, save: { kind: 'saved', at: r.meta.updatedAt }, designs: withMeta(s.designs, r.meta) }));
      broadcast({ type: 'saved', id, rev: r.meta.rev });
      saved = true;
    },
    (e: unknown) => useApp.getState().setSave({ kind: 'failed', reason: failureReason(e) }),
  );
  writing = run.finally(() => (writing = null));
  await writing;
  // Edits made while the write was under way are the next write (a failed write waits for the next edit).
  if (saved && hasUnsavedChanges()) scheduleSave();
}

export function withMeta(list: DesignMeta[], meta: DesignMeta): DesignMeta[] {
  return list.some((m) => m.id === meta.id) ? list.map((m) => (m.id === meta.id ? meta : m)) : [...list, meta];
}

/** Why the browser storage refused something, in words for the user. */
export function failureReason(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return 'the browser storage is full (delete some designs or samples)';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'the browser storage is not available';
  return e instanceof Error && e.message ? e.message : 'the browser storage refused the write';
}
