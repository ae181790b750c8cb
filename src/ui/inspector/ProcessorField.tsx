/** A process/processValues node's processor object in Monaco, typed by a header line (ctx and stores complete). */
import type { ParamSpec } from '../../model/descriptor';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { processorHeader } from '../editor/processor-typings';
import type { FieldProps } from './ParamField';
import { SignatureHelp } from './FunctionField';
import { functionMarkers } from './markers';
import { upstreamTypes } from './type-inference';
import { useSchemaFlowStore } from '../schemas/use-schema-flow';

export function ProcessorField({ nodeId, spec, value, problems, onChange }: FieldProps) {
  const doc = useApp((s) => s.doc);
  const result = useApp((s) => s.result);
  const c = spec.control as Extract<ParamSpec['control'], { type: 'processor' }>;
  const flow = useSchemaFlowStore((s) => s.flow);
  const types = upstreamTypes(doc, result, nodeId, undefined, flow);
  return (
    <div>
      <SignatureHelp param={spec.name} text={`{ init(ctx), process(record), close() }${c.fixedKey ? ' — forwarded records keep the key' : ''}`} types={types} />
      <CodeEditor
        header={processorHeader(types, c.fixedKey)}
        value={String(value ?? '')}
        language="typescript"
        onChange={onChange}
        height={260}
        ariaLabel={`${spec.label} object`}
        testId={`fn-${spec.name}`}
        path={`file:///${nodeId}/${spec.name}.ts`}
        markers={functionMarkers(problems, 1)}
      />
      <details className="sw-help">
        <summary>Example</summary>
        <pre style={{ margin: 0 }}>{c.example}</pre>
      </details>
    </div>
  );
}
