/**
 * Monaco, bundled locally (never from a CDN) with its workers as Vite ES-module workers. Imported
 * lazily by CodeEditor so the first screen does not wait for it.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';

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

loader.config({ monaco });
export { monaco };
