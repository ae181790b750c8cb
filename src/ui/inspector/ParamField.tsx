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

/** The editors with a component of their own, by control type. */
const EDITORS: Partial<Record<ParamSpec['control']['type'], (props: FieldProps) => React.ReactNode>> = {
  function: FunctionField,
  branches: BranchesField,
  processor: ProcessorField,
  stores: StoresField,
  portFunctions: PortFunctionsField,
};

export function ParamField(props: FieldProps) {
  const { spec, problems } = props;
  // A connector's config: each key is a row of its own, with its own label and problems.
  if (spec.control.type === 'connector') return <ConnectorField {...props} />;
  const Editor = EDITORS[spec.control.type];
  return (
    <div className="sw-field">
      <label htmlFor={`param-${spec.name}`}>{spec.label}</label>
      {Editor ? <Editor {...props} /> : <PlainInput {...props} />}
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

/** Durations, checkboxes, choices, numbers and text: one form control each. */
function PlainInput({ spec, value, onChange }: FieldProps) {
  const id = `param-${spec.name}`;
  const c = spec.control;
  switch (c.type) {
    case 'duration':
      return <DurationField id={id} value={value as number | null | undefined} optional={spec.optional} onChange={onChange} label={spec.label} />;
    case 'boolean':
      return <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
    case 'enum':
    case 'serde':
      return (
        <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          {(c.type === 'enum' ? c.options : SERDES).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'number':
      return <input id={id} type="number" min={c.min} step={c.integer ? 1 : 'any'} value={value === null || value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
    default:
      return <input id={id} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value === '' && spec.optional ? undefined : e.target.value)} data-testid={`param-${spec.name}`} />;
  }
}

/** A problem as shown under its field: where in the param (a branch, a line of the function), then what. */
export function problemText(param: string, p: Diagnostic): string {
  const part = p.param && p.param !== param ? `${p.param.slice(param.length + 1)}: ` : '';
  const pos = p.line !== undefined ? `line ${p.line}, column ${p.column}: ` : '';
  return `${part}${pos}${p.message}`;
}
