/** A user function in Monaco, with its signature and the upstream record types inferred from samples. */
import type { ParamSpec } from '../../model/descriptor';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import type { FieldProps } from './ParamField';
import { functionMarkers } from './markers';
import { upstreamTypes, type UpstreamTypes } from './type-inference';
import { useSchemaFlowStore } from '../schemas/use-schema-flow';

/** The signature with K and V (a joiner's VL and VR) replaced by the record types (other type variables: any). */
function typedSignature(signature: { params: { name: string; type: string }[]; returns: string }, types: UpstreamTypes | null): string {
  const known: Record<string, string | undefined> = { K: types?.key, V: types?.value, VL: types?.left, VR: types?.right };
  const t = (x: string) => (x in known ? (known[x] ?? 'any') : /^[A-Z]{1,2}$/.test(x) ? 'any' : x);
  return `(${signature.params.map((p) => `${p.name}: ${t(p.type)}`).join(', ')}) => ${t(signature.returns)}`;
}

export function FunctionField({ nodeId, spec, value, problems, onChange, port }: FieldProps) {
  const doc = useApp((s) => s.doc);
  const result = useApp((s) => s.result);
  const c = spec.control as Extract<ParamSpec['control'], { type: 'function' }>;
  const flow = useSchemaFlowStore((s) => s.flow);
  const types = upstreamTypes(doc, result, nodeId, port, flow);
  const sig = `(${c.signature.params.map((p) => `${p.name}: ${p.type}`).join(', ')}) => ${c.signature.returns}`;
  // A first line declares the function's type with the record types inferred from the samples, so
  // Monaco type-checks and hovers the user's function against them; it is not part of the source.
  const header = `const ${spec.name.replace(/\W/g, '_')}: ${typedSignature(c.signature, types)} =`;
  const source = String(value ?? '');
  return (
    <div>
      <SignatureHelp param={spec.name} text={sig} types={types} />
      <CodeEditor
        header={header}
        value={source}
        language="typescript"
        onChange={onChange}
        height={110}
        ariaLabel={`${spec.label} function`}
        testId={`fn-${spec.name}`}
        path={`file:///${nodeId}/${spec.name}.ts`}
        markers={functionMarkers(problems, 1)}
      />
      <div className="sw-help">e.g. {c.example}</div>
    </div>
  );
}

/** The signature above an editor, with the record types inferred for K and V. */
export function SignatureHelp({ param, text, types }: { param: string; text: string; types: UpstreamTypes | null }) {
  return (
    <div className="sw-help" style={{ fontFamily: 'var(--mono)' }} data-testid={`signature-${param}`}>
      {text}
      {types && (
        <>
          <br />K = {types.key}
          <br />V = {types.value}
          {types.left && <><br />VL = {types.left}</>}
          {types.right && <><br />VR = {types.right}</>}
        </>
      )}
    </div>
  );
}
