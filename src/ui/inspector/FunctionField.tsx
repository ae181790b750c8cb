/** A user function in Monaco, with its signature and the upstream record types inferred from samples. */
import type { ParamSpec } from '../../model/descriptor';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import type { FieldProps } from './ParamField';
import { upstreamTypes } from './type-inference';

export function FunctionField({ nodeId, spec, value, error, onChange }: FieldProps) {
  const doc = useApp((s) => s.doc);
  const result = useApp((s) => s.result);
  const c = spec.control as Extract<ParamSpec['control'], { type: 'function' }>;
  const types = upstreamTypes(doc, result, nodeId);
  const sig = `(${c.signature.params.map((p) => `${p.name}: ${p.type}`).join(', ')}) => ${c.signature.returns}`;
  const m = /line (\d+), column (\d+)/.exec(error ?? '');
  return (
    <div>
      <div className="help" style={{ fontFamily: 'var(--mono)' }} data-testid={`signature-${spec.name}`}>
        {sig}
        {types && (
          <>
            <br />K = {types.key}
            <br />V = {types.value}
          </>
        )}
      </div>
      <CodeEditor
        value={String(value ?? '')}
        language="typescript"
        onChange={onChange}
        height={110}
        ariaLabel={`${spec.label} function`}
        testId={`fn-${spec.name}`}
        path={`file:///${nodeId}/${spec.name}.ts`}
        markers={error ? [{ line: m ? Number(m[1]) : 1, column: m ? Number(m[2]) : 1, message: error }] : []}
      />
      <div className="help">e.g. {c.example}</div>
    </div>
  );
}
