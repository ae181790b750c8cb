/** The store without React: edits through model commands, undo/redo, coalesced typing. */
import { describe, expect, it } from 'vitest';
import { addNode, renameNode } from '../../src/model/commands';
import { createAppStore } from '../../src/store/store';

describe('document slice', () => {
  it('undoes and redoes edits', () => {
    const store = createAppStore();
    store.getState().edit((d) => addNode(d, 'stream', { x: 0, y: 0 }).doc);
    store.getState().edit((d) => addNode(d, 'filter', { x: 0, y: 0 }).doc);
    expect(store.getState().doc.nodes.map((n) => n.kind)).toEqual(['stream', 'filter']);
    store.getState().undo();
    expect(store.getState().doc.nodes.map((n) => n.kind)).toEqual(['stream']);
    store.getState().redo();
    expect(store.getState().doc.nodes).toHaveLength(2);
  });
  it('coalesces consecutive edits with the same key (typing a name) into one undo step', () => {
    const store = createAppStore();
    store.getState().edit((d) => addNode(d, 'stream', { x: 0, y: 0 }).doc);
    for (const name of ['o', 'or', 'ord', 'orders']) store.getState().edit((d) => renameNode(d, 'n1', name), 'name:n1');
    expect(store.getState().doc.nodes[0].name).toBe('orders');
    store.getState().undo();
    expect(store.getState().doc.nodes[0].name).toBe('stream');
  });
  it('a new edit clears the redo stack', () => {
    const store = createAppStore();
    store.getState().edit((d) => addNode(d, 'stream', { x: 0, y: 0 }).doc);
    store.getState().undo();
    store.getState().edit((d) => addNode(d, 'table', { x: 0, y: 0 }).doc);
    expect(store.getState().future).toEqual([]);
  });
});

describe('samples drafts', () => {
  it('keeps an unapplied text per topic until it is applied or another design replaces the document', () => {
    const store = createAppStore();
    store.getState().setSampleDraft('orders', { text: '[{', problem: { message: 'bad', line: 1 } });
    store.getState().setSampleDraft('payments', { text: '[]', problem: null });
    store.getState().edit((d) => addNode(d, 'stream', { x: 0, y: 0 }).doc);
    expect(Object.keys(store.getState().sampleDrafts)).toEqual(['orders', 'payments']);
    store.getState().setSampleDraft('orders', null);
    expect(Object.keys(store.getState().sampleDrafts)).toEqual(['payments']);
    store.getState().replaceDocument(store.getState().doc);
    expect(store.getState().sampleDrafts).toEqual({});
  });
});
