/**
 * Line 1 of a function editor (the function's typed header) is read-only: shown greyed with a lock,
 * the cursor and any selection are kept below it, and Backspace at the start of line 2 does not join
 * the two. It stays in the model, so Monaco type-checks the function against it.
 */
import type { OnMount } from '@monaco-editor/react';
import { monaco } from './monaco-setup';

type Editor = Parameters<OnMount>[0];

export function guardFirstLine(editor: Editor): void {
  const decorations = editor.createDecorationsCollection();
  const mark = () => decorations.set([{ range: new monaco.Range(1, 1, 1, 1), options: { isWholeLine: true, className: 'sw-readonly-line', inlineClassName: 'sw-readonly-text', hoverMessage: { value: 'Read-only: the function\'s type, from the operator and the upstream records' } } }]);
  mark();
  editor.onDidChangeModelContent(mark);
  const body = (endLine: number, endCol: number) => new monaco.Selection(2, 1, endLine, endCol);
  // A selection reaching into line 1 is moved below it: on every change, and again just before a key
  // is handled (the change event comes after the keys of a fast typist, who would then edit the header).
  const keepBelowHeader = (s: InstanceType<typeof monaco.Selection> | null) => {
    if (!s || s.startLineNumber > 1 || (editor.getModel()?.getLineCount() ?? 0) < 2) return;
    editor.setSelection(s.endLineNumber > 1 ? body(s.endLineNumber, s.endColumn) : body(2, 1));
  };
  editor.onDidChangeCursorSelection((e) => keepBelowHeader(e.selection));
  // Select all selects the function's text only (an action, not addCommand: Monaco runs a command's
  // keybinding in whichever editor registered it last, and a join has several function editors).
  editor.addAction({
    id: 'streamwright.selectFunctionText',
    label: 'Select the function',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyA],
    run: (ed) => {
      const model = ed.getModel();
      if (model && model.getLineCount() >= 2) ed.setSelection(body(model.getLineCount(), model.getLineMaxColumn(model.getLineCount())));
    },
  });
  editor.onKeyDown((e) => {
    keepBelowHeader(editor.getSelection());
    const s = editor.getSelection();
    if (e.keyCode === monaco.KeyCode.Backspace && s?.isEmpty() && s.startLineNumber === 2 && s.startColumn === 1) {
      e.preventDefault();
      e.stopPropagation();
    }
  });
}
