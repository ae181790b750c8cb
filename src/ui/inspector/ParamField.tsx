/** One inspector row, chosen by the param's control type from the descriptor. */
import type { ParamSpec } from '../../model/descriptor';
import type { Diagnostic } from '../../model/types';
import { BranchesField } from './BranchesField';
import { DurationField } from './DurationField';
import { FunctionField } from './FunctionField';
import { ProcessorField } from './ProcessorField';
import { StoresField } from './StoresField';
import { PortFunctionsField } from './PortFunctionsField';
import { ConnectorField } from '../connectors/ConnectorField';

export interface FieldProps {
  nodeId: string;
  spec: ParamSpec;
  value: unknown;
  /** The checker's diagnostics for this param (or a part of it, e.g. `branches.1.predicate`). */
  problems: readonly Diagnostic[];
  onChange: (v: unknown) => void;
  /** The input port this field belongs to (one aggregator per cogroup input): its records type K and V. */
  port?: string;
}

const SERDES = ['default', 'json', 'string', 'number', 'bytes'];

export function ParamField(props: FieldProps) {
  const { spec, value, problems, onChange } = props;
  const id = `param-${spec.name}`;
  const c = spec.control;
  let input: React.ReactNode;
  switch (c.type) {
    case 'function':
      input = <FunctionField {...props} />;
      break;
    case 'branches':
      input = <BranchesField {...props} />;
      break;
    case 'processor':
      input = <ProcessorField {...props} />;
      break;
    case 'stores':
      input = <StoresField {...props} />;
      break;
    case 'portFunctions':
      input = <PortFunctionsField {...props} />;
      break;
    case 'connector':
      // Each key shows its own problems.
      return <ConnectorField {...props} />;
    case 'duration':
      input = <DurationField id={id} value={value as number | null | undefined} optional={spec.optional} onChange={onChange} label={spec.label} />;
      break;
    case 'boolean':
      input = <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'enum':
    case 'serde':
      input = (
        <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          {(c.type === 'enum' ? c.options : SERDES).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'number':
      input = (
        <input id={id} type="number" min={c.min} step={c.integer ? 1 : 'any'} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />
      );
      break;
    default:
      input = <input id={id} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value === '' && spec.optional ? undefined : e.target.value)} data-testid={`param-${spec.name}`} />;
  }
  return (
    <div className="sw-field">
      <label htmlFor={id}>{spec.label}</label>
      {input}
      {spec.help && <div className="sw-help">{spec.help}</div>}
      {problems.length > 0 && (
        <div className="sw-error" role="alert" data-testid={`error-${spec.name}`}>
          {problems.map((p, i) => (
            <div key={i} data-code={p.code}>
              {problemText(spec.name, p)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** A problem as shown under its field: where in the param (a branch, a line of the function), then what. */
export function problemText(param: string, p: Diagnostic): string {
  const part = p.param && p.param !== param ? `${p.param.slice(param.length + 1)}: ` : '';
  const pos = p.line !== undefined ? `line ${p.line}, column ${p.column}: ` : '';
  return `${part}${pos}${p.message}`;
}
