/** One inspector row, chosen by the param's control type from the descriptor. */
import type { ParamSpec } from '../../model/descriptor';
import { BranchesField } from './BranchesField';
import { DurationField } from './DurationField';
import { FunctionField } from './FunctionField';

export interface FieldProps {
  nodeId: string;
  spec: ParamSpec;
  value: unknown;
  error?: string;
  onChange: (v: unknown) => void;
}

const SERDES = ['default', 'json', 'string', 'number', 'bytes'];

export function ParamField(props: FieldProps) {
  const { spec, value, error, onChange } = props;
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
      {error && (
        <div className="sw-error" role="alert" data-testid={`error-${spec.name}`}>
          {error}
        </div>
      )}
    </div>
  );
}
