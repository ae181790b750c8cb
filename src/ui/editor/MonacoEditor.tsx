/** The Monaco-backed editor (this module pulls in Monaco; CodeEditor imports it lazily). */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { monaco } from './monaco-setup';
import type { CodeEditorProps } from './CodeEditor';

export default function MonacoEditor(props: CodeEditorProps) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'streamwright',
      (props.markers ?? []).map((m) => ({ startLineNumber: m.line, endLineNumber: m.line, startColumn: m.column ?? 1, endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())), message: m.message, severity: monaco.MarkerSeverity.Error })),
    );
  }, [props.markers]);
  return (
    <Editor
      value={props.value}
      language={props.language}
      path={props.path}
      theme="vs-dark"
      height="100%"
      onChange={(v) => props.onChange?.(v ?? '')}
      onMount={(editor) => {
        editorRef.current = editor;
        editor.getDomNode()?.setAttribute('data-monaco-ready', 'true');
      }}
      options={{
        readOnly: props.readOnly,
        minimap: { enabled: false },
        fontSize: 12,
        lineNumbers: 'on',
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordWrap: 'on',
        tabSize: 2,
        editContext: false,
        ariaLabel: props.ariaLabel,
      } as object}
    />
  );
}
