/**
 * Starting the designs in a tab, and living with other tabs: their messages update the list, a
 * save of the design open here is taken over when this tab has nothing unsaved, and a conflict is
 * resolved by the user's choice (take theirs, keep mine as a copy, overwrite theirs).
 */
import { emptyDesign } from '../model/commands';
import { hasUnsavedChanges, flushSave, scheduleSave, write } from './autosave';
import { onDesignMessage, type DesignMessage } from './design-channel';
import { listDesigns, migrateLegacyAutosave, readDesign } from './design-db';
import { isUntouchedEmpty, onRemoteSave, pickDesignToOpen } from './design-sync';
import { addDesign, guarded, openLatestOrNew, refreshList, rememberedDesigns, show } from './designs';
import { useApp } from './store';

let started: Promise<void> | null = null;

/** Opens this tab's design (after moving an earlier version's autosave into the list) and starts saving; once per page (React's StrictMode runs effects twice). */
export function startDesigns(): Promise<void> {
  // Measured (performance.measure 'designs: start'), as it delays the first screen's readiness.
  const t0 = performance.now();
  return (started ??= start().finally(() => performance.measure('designs: start', { start: t0 })));
}

async function start(): Promise<void> {
  await migrateLegacyAutosave(Date.now()).catch(() => null);
  const designs = await listDesigns();
  useApp.getState().setDesigns(designs);
  const { tab, last } = rememberedDesigns();
  const id = pickDesignToOpen(designs, tab, last);
  const record = id ? await readDesign(id) : undefined;
  if (record) show(record);
  else await addDesign(emptyDesign());
  if (!useApp.getState().openId) throw new Error('no design could be stored');
  useApp.subscribe((s, prev) => {
    if (s.doc !== prev.doc) scheduleSave();
  });
  onDesignMessage((m) => void onMessage(m));
  // A change made just before the tab is closed or hidden is written at once, not after the pause.
  addEventListener('pagehide', () => void flushSave());
  // Closing a tab whose changes cannot be saved (storage refused, or a conflict not chosen yet) asks first.
  addEventListener('beforeunload', (e) => {
    const kind = useApp.getState().save.kind;
    if (hasUnsavedChanges() && (kind === 'failed' || kind === 'conflict')) e.preventDefault();
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void flushSave());
}

async function onMessage(m: DesignMessage): Promise<void> {
  await refreshList();
  const s = useApp.getState();
  if (m.type === 'listed' || m.id !== s.openId || s.save.kind === 'conflict') return;
  // An untouched empty design deleted elsewhere is simply replaced; anything else is the user's to decide.
  if (m.type === 'deleted') return isUntouchedEmpty(s) ? openLatestOrNew() : s.setSave({ kind: 'conflict', reason: 'deleted' });
  const decision = onRemoteSave({ baseRev: s.baseRev, dirty: hasUnsavedChanges() }, m.rev);
  if (decision === 'conflict') return s.setSave({ kind: 'conflict', reason: 'changed' });
  if (decision === 'adopt') await takeTheirs(m.id);
}

/** Shows the stored version of the open design; this tab's undo history of it no longer applies. */
async function takeTheirs(id: string): Promise<void> {
  const record = await readDesign(id);
  if (useApp.getState().openId !== id) return;
  if (record) show(record, { past: [], future: [] });
  else await openLatestOrNew();
}

export type ConflictChoice = 'theirs' | 'copy' | 'overwrite';

async function resolveConflictNow(choice: ConflictChoice): Promise<void> {
  const s = useApp.getState();
  const id = s.openId;
  if (!id || s.save.kind !== 'conflict') return;
  if (choice === 'theirs') return takeTheirs(id);
  if (choice === 'overwrite') return write(id, 'force');
  // My version becomes a design of its own, with my undo history; theirs stays as they left it.
  await addDesign({ ...s.doc, name: `${s.doc.name}-copy` }, { past: s.past, future: s.future });
}

export const resolveConflict = guarded('Not resolved', resolveConflictNow);
