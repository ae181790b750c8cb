/** The Monaco-backed editor (this module pulls in Monaco; CodeEditor imports it lazily). */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { APP_THEME, defineAppTheme, monaco } from './monaco-setup';
import type { CodeEditorProps } from './CodeEditor';
import { guardFirstLine } from './header-guard';
import { changedRange, EchoQueue, joinHeader, splitHeader } from './model-sync';

type Editor = Parameters<OnMount>[0];
interface Sync {
  echoes: EchoQueue;
  /** Set while the page's value is written in, so that write is not reported back as an edit. */
  applying: boolean;
}

const oneLine = (header: string | undefined) => header?.replace(/[\r\n]+/g, ' ');

/** Whether the editor shows the model of `path` (the wrapper switches models after our effects run). */
function showsPath(editor: Editor, path: string | undefined): boolean {
  const model = editor.getModel();
  return !!model && (path === undefined || model.uri.toString() === monaco.Uri.parse(path).toString());
}

export default function MonacoEditor(props: CodeEditorProps) {
  const editorRef = useRef<Editor | null>(null);
  const sync = useRef<Sync>({ echoes: new EchoQueue(), applying: false });
  const latest = useRef(props);
  latest.current = props;
  // A header never spans lines: line 1 is the header, the rest is the body.
  const header = oneLine(props.header);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'streamwright',
      (props.markers ?? []).map((m) => ({ startLineNumber: m.line, endLineNumber: m.line, startColumn: m.column ?? 1, endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())), message: m.message, severity: monaco.MarkerSeverity.Error })),
    );
  }, [props.markers]);
  // A layout effect: applied in the same task as the render, before the next key is handled.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    // After a path change the wrapper switches models in its own (later) effect: the new model gets
    // the page's value when it is shown (onDidChangeModel below), never the old model.
    if (!editor || !showsPath(editor, props.path)) return;
    applyProps(editor, sync.current, header, props.value);
  }, [header, props.value, props.path]);
  return (
    <Editor
      defaultValue={joinHeader(header, props.value)}
      language={props.language}
      path={props.path}
      theme={APP_THEME}
      beforeMount={defineAppTheme}
      height="100%"
      onMount={(editor) => {
        editorRef.current = editor;
        connect(editor, sync.current, () => latest.current);
      }}
      options={editorOptions(props, header)}
    />
  );
}

/** Reports the user's edits (never the page's own writes) and shows the page's text in every model the editor shows. */
function connect(editor: Editor, sync: Sync, props: () => CodeEditorProps): void {
  editor.onDidChangeModelContent(() => {
    if (sync.applying) return;
    const body = splitHeader(oneLine(props().header), editor.getModel()?.getValue() ?? '').body;
    sync.echoes.reported(body);
    props().onChange?.(body);
  });
  // A model kept from an earlier mount or path (one model per path) may hold older text.
  const showLatest = () => {
    const p = props();
    if (showsPath(editor, p.path)) applyProps(editor, sync, oneLine(p.header), p.value, true);
  };
  editor.onDidChangeModel(showLatest);
  showLatest();
  if (props().header !== undefined) guardFirstLine(editor);
  editor.getDomNode()?.setAttribute('data-monaco-ready', 'true');
}

function editorOptions(props: CodeEditorProps, header: string | undefined): object {
  return {
    readOnly: props.readOnly,
    minimap: { enabled: false },
    fontSize: 12,
    lineNumbers: header !== undefined ? (n: number) => (n === 1 ? '' : String(n - 1)) : 'on',
    scrollBeyondLastLine: false,
    automaticLayout: true,
    wordWrap: 'on',
    tabSize: 2,
    editContext: false,
    ariaLabel: props.ariaLabel,
    // Suggestions and hovers are positioned on the page, not clipped by the (short) editor box.
    fixedOverflowWidgets: true,
  };
}

/** Writes the page's header and value into the model, unless the value is an echo of the editor's own text. */
function applyProps(editor: Editor, sync: Sync, header: string | undefined, value: string, force = false): void {
  const model = editor.getModel();
  if (!model) return;
  const current = model.getValue();
  const shown = splitHeader(header, current);
  if (force) sync.echoes.forget();
  const external = force || sync.echoes.received(value) === 'external';
  const target = joinHeader(header, external ? value : shown.body);
  const range = changedRange(current, target);
  if (!range) return;
  sync.applying = true;
  try {
    const start = model.getPositionAt(range.start);
    const end = model.getPositionAt(range.end);
    // On the model (not executeEdits, which a read-only editor refuses); its own undo step.
    model.pushStackElement();
    model.pushEditOperations([], [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: range.text }], () => null);
    model.pushStackElement();
  } finally {
    sync.applying = false;
  }
}
