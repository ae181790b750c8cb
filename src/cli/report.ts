/** Diagnostics as the CLI prints them: one `file: node "name" param: message [CODE]` line each. */
import { formatDiagnostic } from '../model/check';
import type { Diagnostic, TopologyDocument } from '../model/types';

export function printDiagnostics(write: (text: string) => void, file: string, doc: TopologyDocument, diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) write(`${file}: ${formatDiagnostic(doc, d)}\n`);
}
