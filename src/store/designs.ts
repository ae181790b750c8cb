/**
 * The designs a browser keeps: open one (its undo history comes back if this tab edited it
 * before), add one beside the others (New, an example, a file, a copy), rename, delete with undo.
 * Every change of the list is told to the other tabs.
 */
import { emptyDesign } from '../model/commands';
import { toAppName, uniqueDesignName } from '../model/design-summary';
import type { TopologyDocument } from '../model/types';
import { failureReason, flushSave, withMeta } from './autosave';
import { broadcast } from './design-channel';
import { deleteDesign, listDesigns, putDesign, readDesign, writeDesign } from './design-db';
import { historyOnReopen, isUntouchedEmpty, makeRecord, newestFirst, type DesignRecord } from './design-sync';
import { useApp } from './store';

const TAB_KEY = 'streamwright:tab-design';
const LAST_KEY = 'streamwright:last-design';

/** The design this tab had open (sessionStorage: survives a reload) and the one any tab opened last. */
export function rememberedDesigns(): { tab: string | null; last: string | null } {
  try {
    return { tab: sessionStorage.getItem(TAB_KEY), last: localStorage.getItem(LAST_KEY) };
  } catch {
    return { tab: null, last: null };
  }
}

function remember(id: string): void {
  try {
    sessionStorage.setItem(TAB_KEY, id);
    localStorage.setItem(LAST_KEY, id);
  } catch {
    /* storage disabled: the next start opens the latest edited design */
  }
}

export async function refreshList(): Promise<void> {
  useApp.getState().setDesigns(await listDesigns());
}

/** Shows `record` in this tab; the design left keeps its undo history for when it is opened again. */
export function show(record: DesignRecord, history = historyOnReopen(useApp.getState().histories[record.meta.id], record.meta.rev)): void {
  const s = useApp.getState();
  const histories = { ...s.histories };
  if (s.openId && s.openId !== record.meta.id) histories[s.openId] = { past: s.past, future: s.future, rev: s.baseRev };
  delete histories[record.meta.id];
  // The saved document is set before the document itself, so showing it is not taken for an edit.
  useApp.setState({ openId: record.meta.id, baseRev: record.meta.rev, savedDoc: record.doc, save: { kind: 'saved', at: record.meta.updatedAt }, histories, designs: withMeta(s.designs, record.meta) });
  s.switchDocument(record.doc, history);
  s.select([]);
  remember(record.meta.id);
}

/** An action that the browser storage refused tells why in a toast (never an uncaught rejection) and resolves `undefined`. */
export function guarded<A extends unknown[], R>(what: string, action: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return (...args) =>
    action(...args).catch((e: unknown) => {
      useApp.getState().notify(`${what}: ${failureReason(e)}`, 'error');
      return undefined;
    });
}

async function openDesignNow(id: string): Promise<boolean> {
  if (id === useApp.getState().openId) return true;
  await flushSave();
  const record = await readDesign(id);
  if (!record) {
    useApp.getState().notify('That design is no longer stored (deleted in another tab?)', 'error');
    await refreshList();
    return false;
  }
  show(record);
  return true;
}

function newId(): string {
  return `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Stores `doc` as a new design beside the others (named apart from them) and opens it. */
async function addDesignNow(doc: TopologyDocument, history = { past: [] as TopologyDocument[], future: [] as TopologyDocument[] }): Promise<void> {
  await flushSave();
  const s = useApp.getState();
  const untouched = s.openId && isUntouchedEmpty(s) ? s.openId : null;
  if (untouched) await deleteDesign(untouched);
  const designs = await listDesigns();
  const named = { ...doc, name: uniqueDesignName(doc.name, designs.map((m) => m.name)) };
  const now = Date.now();
  const record = makeRecord(newId(), named, 1, now, now);
  await putDesign(record);
  useApp.getState().setDesigns(designs);
  show(record, history);
  if (untouched) broadcast({ type: 'deleted', id: untouched });
  broadcast({ type: 'listed' });
}

/** A new empty design (none when the open one is already empty and untouched). */
async function newDesignNow(): Promise<void> {
  if (!isUntouchedEmpty(useApp.getState())) await addDesign(emptyDesign());
}

/** Renames a design: the open one through an undoable edit, another one in storage. */
async function renameDesignNow(id: string, text: string): Promise<void> {
  const name = toAppName(text.trim());
  if (!name) return;
  const s = useApp.getState();
  if (id === s.openId) return s.edit((d) => ({ ...d, name }));
  const record = await readDesign(id);
  if (!record) return refreshList();
  const r = await writeDesign(id, { ...record.doc, name }, record.meta.rev, Date.now());
  if (!r.ok) s.notify(`Not renamed: the design was ${r.reason} in another tab meanwhile`, 'error');
  // A save like any other: a tab that has this design open takes it over (or is told of the conflict).
  else broadcast({ type: 'saved', id, rev: r.meta.rev });
  await refreshList();
}

/** Deletes a design (the list asked first); a toast offers to put it back. The open one is replaced by the latest other one. */
async function removeDesignNow(id: string): Promise<void> {
  if (id === useApp.getState().openId) await flushSave();
  const record = await deleteDesign(id);
  await refreshList();
  broadcast({ type: 'deleted', id });
  if (!record) return;
  if (id === useApp.getState().openId) await openLatestOrNew();
  useApp.getState().notify(`Deleted "${record.meta.name}"`, 'info', { label: 'Undo', run: () => void restoreDesign(record) });
}

async function restoreDesignNow(record: DesignRecord): Promise<void> {
  await putDesign(record);
  await refreshList();
  broadcast({ type: 'listed' });
}

/** Opens the latest edited design other than the open one, or a new empty design when none is left. */
export async function openLatestOrNew(): Promise<void> {
  const other = newestFirst(await listDesigns()).find((m) => m.id !== useApp.getState().openId);
  const record = other && (await readDesign(other.id));
  if (record) show(record);
  else await addDesign(emptyDesign());
}

export const openDesign = guarded('Not opened', openDesignNow);
export const addDesign = guarded('Not added', addDesignNow);
export const newDesign = guarded('No new design', newDesignNow);
export const renameDesign = guarded('Not renamed', renameDesignNow);
export const removeDesign = guarded('Not deleted', removeDesignNow);
export const restoreDesign = guarded('Not restored', restoreDesignNow);
