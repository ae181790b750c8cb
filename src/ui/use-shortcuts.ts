/** Keyboard shortcuts (listed in the help dialog): undo/redo, copy/paste, select all, help. */
import { useEffect } from 'react';
import { duplicateNodes } from '../model/commands';
import type { DesignEdge, DesignNode } from '../model/types';
import { useApp } from '../store/store';

export const SHORTCUTS: [string, string][] = [
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ['Ctrl+C / Ctrl+V', 'Copy / paste selected nodes'],
  ['Ctrl+A', 'Select all nodes'],
  ['Delete / Backspace', 'Delete selected nodes or edges'],
  ['Shift+drag', 'Box-select several nodes'],
  ['Ctrl+click', 'Add a node to the selection'],
  ['Enter (palette)', 'Add the operator after the selected node, connected to it'],
  ['Arrow keys (on a node)', 'Move to the neighbouring node'],
  ['Enter (on a node)', 'Open the node in the inspector'],
  ['?', 'This help'],
  ['Escape', 'Close a dialog'],
];

let clipboard: { nodes: DesignNode[]; edges: DesignEdge[] } | null = null;

function inEditor(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable || !!el.closest('.monaco-editor'));
}

export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inEditor(e.target)) return;
      const s = useApp.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) s.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) s.redo();
      else if (mod && key === 'c') {
        const ids = new Set(s.selectedNodeIds);
        clipboard = { nodes: s.doc.nodes.filter((n) => ids.has(n.id)), edges: s.doc.edges.filter((x) => ids.has(x.source) && ids.has(x.target)) };
      } else if (mod && key === 'v' && clipboard) {
        const c = clipboard;
        let created: string[] = [];
        s.edit((d) => {
          const r = duplicateNodes(d, c.nodes, c.edges);
          created = r.nodeIds;
          return r.doc;
        });
        s.select(created);
      } else if (mod && key === 'a') s.select(s.doc.nodes.map((n) => n.id));
      else if (e.key === '?') s.setDialog('help');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
