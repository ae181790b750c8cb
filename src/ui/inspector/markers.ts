/** The checker's diagnostics of one function as Monaco markers, at their line and column (from the data, never the text). */
import type { Diagnostic } from '../../model/types';

/** `headerLines`: lines the editor shows above the user's source (FunctionField's typed declaration). */
export function functionMarkers(problems: readonly Diagnostic[], headerLines = 0): { line: number; column?: number; message: string }[] {
  return problems.map((p) => ({ line: (p.line ?? 1) + headerLines, column: p.column, message: p.message }));
}
