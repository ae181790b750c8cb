/**
 * Monaco, bundled locally (never from a CDN) with its workers as Vite ES-module workers. Imported
 * lazily by CodeEditor so the first screen does not wait for it.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { processorTypings } from './processor-typings';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

type TsDefaults = { typescriptDefaults: { setCompilerOptions(o: object): void; setDiagnosticsOptions(o: object): void; addExtraLib(src: string, path: string): void } };
// Monaco 0.5x exports the TypeScript language API at the top level (older versions under languages).
const ts = ((monaco as unknown as { typescript?: TsDefaults }).typescript ?? (monaco.languages as unknown as { typescript?: TsDefaults }).typescript) as TsDefaults | undefined;
ts?.typescriptDefaults.setCompilerOptions({ target: 99, allowNonTsExtensions: true, noImplicitAny: false, strict: false, noLib: false });
ts?.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [1375, 2304, 7006] });
// Processor editors (process/processValues) type their object with these (see processor-typings.ts).
ts?.typescriptDefaults.addExtraLib(processorTypings(), 'file:///streamwright/processor-api.d.ts');

/** The Monaco theme named after the app's: its colours are the app's CSS variables (styles.css). */
export const APP_THEME = 'streamwright';

/** Defines APP_THEME from the app's current CSS variables (dark or light, as the app's color-scheme). */
export function defineAppTheme(): void {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const dark = css.colorScheme.trim() !== 'light';
  monaco.editor.defineTheme(APP_THEME, {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': v('--bg', dark ? '#0f1420' : '#ffffff'),
      'editorGutter.background': v('--bg', dark ? '#0f1420' : '#ffffff'),
      'editor.foreground': v('--text', dark ? '#e6e9f2' : '#1b1f2a'),
      'editorLineNumber.foreground': v('--muted', '#8d97b0'),
      // The last line's number (dimmed by default) below 4.5:1 contrast otherwise (axe, WCAG AA).
      'editorLineNumber.dimmedForeground': v('--muted', '#8d97b0'),
      'editorWidget.background': v('--panel2', dark ? '#1c2436' : '#f3f4f8'),
      'editorWidget.border': v('--border', '#2a3450'),
      'editorSuggestWidget.background': v('--panel2', dark ? '#1c2436' : '#f3f4f8'),
      'editorSuggestWidget.border': v('--border', '#2a3450'),
      'editorHoverWidget.background': v('--panel2', dark ? '#1c2436' : '#f3f4f8'),
    },
  });
}

loader.config({ monaco });
export { monaco };
