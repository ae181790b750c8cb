/** The rules of several designs and several tabs, without IndexedDB: revision checks, remote saves, which design opens, undo on reopen. */
import { describe, expect, it } from 'vitest';
import { addNode, emptyDesign } from '../../src/model/commands';
import { checkWrite, describeSave, historyOnReopen, isUntouchedEmpty, makeRecord, onRemoteSave, pickDesignToOpen } from '../../src/store/design-sync';
import { createAppStore } from '../../src/store/store';

const meta = (id: string, updatedAt: number) => makeRecord(id, emptyDesign(id), 1, 0, updatedAt).meta;

describe('design sync', () => {
  it('lets a write land only on the revision it was based on', () => {
    expect(checkWrite({ rev: 3 }, 3)).toBe('ok');
    expect(checkWrite({ rev: 4 }, 3)).toBe('changed');
    expect(checkWrite(undefined, 3)).toBe('deleted');
    expect(checkWrite({ rev: 9 }, 'force')).toBe('ok');
  });
  it('takes another tab’s save when nothing is unsaved here, and has a conflict when something is', () => {
    expect(onRemoteSave({ baseRev: 2, dirty: false }, 3)).toBe('adopt');
    expect(onRemoteSave({ baseRev: 2, dirty: true }, 3)).toBe('conflict');
    // an old or echoed message changes nothing
    expect(onRemoteSave({ baseRev: 3, dirty: true }, 3)).toBe('ignore');
    expect(onRemoteSave({ baseRev: 4, dirty: false }, 3)).toBe('ignore');
  });
  it('opens the tab’s own design after a reload, else the last opened, else the latest edited', () => {
    const list = [meta('a', 10), meta('b', 30), meta('c', 20)];
    expect(pickDesignToOpen(list, 'c', 'a')).toBe('c');
    expect(pickDesignToOpen(list, 'gone', 'a')).toBe('a');
    expect(pickDesignToOpen(list, null, 'gone')).toBe('b');
    expect(pickDesignToOpen([], 'a', 'b')).toBeNull();
  });
  it('keeps a design’s undo history on reopening only if nobody changed it meanwhile', () => {
    const past = [emptyDesign('x')];
    expect(historyOnReopen({ past, future: [], rev: 4 }, 4)).toEqual({ past, future: [] });
    expect(historyOnReopen({ past, future: [], rev: 4 }, 5)).toEqual({ past: [], future: [] });
    expect(historyOnReopen(undefined, 1)).toEqual({ past: [], future: [] });
  });
  it('treats only an empty, never edited design as replaceable', () => {
    const doc = emptyDesign();
    expect(isUntouchedEmpty({ doc, savedDoc: doc, past: [], baseRev: 1 })).toBe(true);
    expect(isUntouchedEmpty({ doc, savedDoc: doc, past: [doc], baseRev: 1 })).toBe(false);
    expect(isUntouchedEmpty({ doc, savedDoc: doc, past: [], baseRev: 2 })).toBe(false);
    const edited = addNode(doc, 'stream', { x: 0, y: 0 }).doc;
    expect(isUntouchedEmpty({ doc: edited, savedDoc: doc, past: [], baseRev: 1 })).toBe(false);
  });
  it('words the save status for the toolbar', () => {
    expect(describeSave({ kind: 'saved', at: 1000 }, 1500)).toBe('Saved');
    expect(describeSave({ kind: 'saved', at: 1000 }, 3000)).toBe('Saved · 2 s ago');
    expect(describeSave({ kind: 'saving' }, 0)).toBe('Saving…');
    expect(describeSave({ kind: 'failed', reason: 'the browser storage is full' }, 0)).toBe('Not saved: the browser storage is full');
    expect(describeSave({ kind: 'conflict', reason: 'changed' }, 0)).toBe('Not saved: changed in another tab');
  });
  it('switching designs in the store brings each one’s own history', () => {
    const store = createAppStore();
    store.getState().edit((d) => addNode(d, 'stream', { x: 0, y: 0 }).doc);
    const a = store.getState();
    store.getState().switchDocument(emptyDesign('b'), { past: [], future: [] });
    expect(store.getState().past).toEqual([]);
    store.getState().switchDocument(a.doc, { past: a.past, future: a.future });
    store.getState().undo();
    expect(store.getState().doc.nodes).toEqual([]);
  });
});
