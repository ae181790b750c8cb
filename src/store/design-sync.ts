/**
 * The rules of keeping several designs, without IndexedDB or React (unit-tested as they are): what a
 * stored design looks like, when a write may land (revision check), what a tab does when another
 * tab saved the design it has open, which design a tab opens at start, and what the toolbar says.
 */
import { summarizeDesign, timeAgo, type DesignSummary } from '../model/design-summary';
import type { TopologyDocument } from '../model/types';

/** What the Designs list needs, stored apart from the document so listing never reads documents. */
export interface DesignMeta extends DesignSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** Counts the writes of this design: a write names the revision it was based on (see checkWrite). */
  rev: number;
}

export interface DesignRecord {
  meta: DesignMeta;
  doc: TopologyDocument;
}

export function makeRecord(id: string, doc: TopologyDocument, rev: number, createdAt: number, now: number): DesignRecord {
  return { meta: { id, name: doc.name, createdAt, updatedAt: now, rev, ...summarizeDesign(doc) }, doc };
}

/**
 * May a write based on revision `baseRev` replace what is stored? Only when nobody wrote since
 * ('ok'); otherwise another tab's edits would be lost silently. `'force'`: the user chose to overwrite.
 */
export function checkWrite(stored: Pick<DesignMeta, 'rev'> | undefined, baseRev: number | 'force'): 'ok' | 'changed' | 'deleted' {
  if (!stored) return 'deleted';
  if (baseRev === 'force' || stored.rev === baseRev) return 'ok';
  return 'changed';
}

export type SaveStatus =
  | { kind: 'saved'; at: number }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  /** Another tab changed ('changed') or deleted ('deleted') the open design; nothing is written until the user chooses. */
  | { kind: 'conflict'; reason: 'changed' | 'deleted' };

/**
 * Another tab saved revision `theirRev` of the design this tab has open. A tab with nothing unsaved
 * takes their version (nothing of its own is lost); a tab with unsaved edits has a conflict at once,
 * before its own write would be refused.
 */
export function onRemoteSave(local: { baseRev: number; dirty: boolean }, theirRev: number): 'ignore' | 'adopt' | 'conflict' {
  if (theirRev <= local.baseRev) return 'ignore';
  return local.dirty ? 'conflict' : 'adopt';
}

/**
 * An empty design nobody has touched (as a first start or New leaves it): opening or adding another
 * design replaces it instead of leaving an empty entry in the list each time.
 */
export function isUntouchedEmpty(s: { doc: TopologyDocument; savedDoc: TopologyDocument | null; past: unknown[]; baseRev: number }): boolean {
  return s.doc === s.savedDoc && s.baseRev === 1 && s.past.length === 0 && s.doc.nodes.length === 0 && Object.keys(s.doc.samples).length === 0;
}

/** The design a tab opens at start: its own (after a reload), else the last one opened in any tab, else the latest edited. */
export function pickDesignToOpen(metas: DesignMeta[], tabDesign: string | null, lastDesign: string | null): string | null {
  for (const id of [tabDesign, lastDesign]) if (id && metas.some((m) => m.id === id)) return id;
  return newestFirst(metas)[0]?.id ?? null;
}

export function newestFirst(metas: DesignMeta[]): DesignMeta[] {
  return [...metas].sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

/** One design's undo history kept while another design is open, with the revision it belongs to. */
export interface StashedHistory {
  past: TopologyDocument[];
  future: TopologyDocument[];
  rev: number;
}

/**
 * The history to use when a design is opened again in this tab: kept if the design is still at the
 * revision it was left at; dropped if it changed meanwhile (undo would then revert someone else's edit).
 */
export function historyOnReopen(stash: StashedHistory | undefined, rev: number): { past: TopologyDocument[]; future: TopologyDocument[] } {
  return stash && stash.rev === rev ? { past: stash.past, future: stash.future } : { past: [], future: [] };
}

/** The toolbar's words for a save status. */
export function describeSave(status: SaveStatus, now: number): string {
  switch (status.kind) {
    case 'saved':
      return now - status.at < 2000 ? 'Saved' : `Saved · ${timeAgo(status.at, now)}`;
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${status.reason}`;
    case 'conflict':
      return status.reason === 'changed' ? 'Not saved: changed in another tab' : 'Not saved: deleted in another tab';
  }
}
