/** A Monaco editor, loaded lazily; a plain textarea stands in until Monaco is ready. */
import { lazy, Suspense } from 'react';

export interface CodeEditorProps {
  value: string;
  language: 'typescript' | 'json' | 'plaintext';
  onChange?: (value: string) => void;
  readOnly?: boolean;
  height: number | string;
  ariaLabel: string;
  testId?: string;
  /** Markers: problems to show at a line (1-based). */
  markers?: { line: number; column?: number; message: string }[];
  path?: string;
  /**
   * A read-only first line shown above the value (greyed; the cursor cannot enter it; lines are
   * numbered from line 2). It is not part of `value`, and onChange reports the text below it.
   */
  header?: string;
}

const MonacoEditor = lazy(() => import('./MonacoEditor'));

export function CodeEditor(props: CodeEditorProps) {
  return (
    <div className="sw-editor-box" data-testid={props.testId} style={{ height: props.height }}>
      <Suspense
        fallback={
          <textarea className="sw-editor-fallback" aria-label={props.ariaLabel} value={props.value} readOnly={props.readOnly} onChange={(e) => props.onChange?.(e.target.value)} style={{ height: '100%' }} />
        }
      >
        <MonacoEditor {...props} />
      </Suspense>
    </div>
  );
}
