/**
 * One function per connected input of a repeating port (cogroup's aggregators), each in its own
 * Monaco editor headed by the upstream node it applies to, typed with that input's records.
 */
import type { ParamSpec } from '../../model/descriptor';
import { repeatedPortNames } from '../../model/ports';
import { useApp } from '../../store/store';
import { FunctionField } from './FunctionField';
import type { FieldProps } from './ParamField';

export function PortFunctionsField(props: FieldProps) {
  const { nodeId, spec, value, problems, onChange } = props;
  const c = spec.control as Extract<ParamSpec['control'], { type: 'portFunctions' }>;
  const doc = useApp((s) => s.doc);
  const fns = (value ?? {}) as Record<string, string>;
  const incoming = doc.edges.filter((e) => e.target === nodeId);
  const ports = repeatedPortNames({ name: c.port, label: '', accepts: [], repeat: true }, incoming.map((e) => e.targetPort));
  if (ports.length === 0) return <div className="sw-help">Connect a grouped stream (groupByKey or groupBy) to the node: each input gets its function here.</div>;
  return (
    <div>
      {ports.map((port) => {
        const from = doc.nodes.find((n) => n.id === incoming.find((e) => e.targetPort === port)?.source);
        const name = `${spec.name}.${port}`;
        return (
          <div key={port} data-testid={`port-fn-${port}`} style={{ marginBottom: 8 }}>
            <div className="sw-help">
              {port}: records of <strong>{from?.name ?? '?'}</strong>
            </div>
            <FunctionField
              nodeId={nodeId}
              port={port}
              spec={{ name, label: `${spec.label} for ${from?.name ?? port}`, control: { type: 'function', signature: c.signature, example: c.example } }}
              value={fns[port] ?? ''}
              problems={problems.filter((p) => p.param === name)}
              onChange={(v) => onChange({ ...fns, [port]: v })}
            />
          </div>
        );
      })}
    </div>
  );
}
