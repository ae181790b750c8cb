/**
 * One key of a connector's config in the inspector: required keys marked, allowed values as a
 * select, secrets as the name of an environment variable (the design keeps `${env:NAME}`, never a
 * value), the checker's problems for the key under it.
 */
import type { ConnectorKey } from '../../model/connectors/spec';
import { envReference, envVariableOf, isProviderReference } from '../../model/connectors/secrets';
import type { Diagnostic } from '../../model/types';

export interface KeyRowProps {
  k: ConnectorKey;
  required: boolean;
  secret: boolean;
  value: string | undefined;
  problems: readonly Diagnostic[];
  onChange: (value: string | undefined) => void;
  onRemove?: () => void;
}

export function ConnectorKeyRow({ k, required, secret, value, problems, onChange, onRemove }: KeyRowProps) {
  const id = `connector-key-${k.name}`;
  return (
    <div className="sw-field sw-connector-key" data-testid={id} data-required={required ? 'true' : undefined}>
      <label htmlFor={id + '-input'}>
        <code>{k.name}</code>
        {required && (
          <span className="sw-required" title="required" aria-label="required">
            *
          </span>
        )}
        {secret && <span className="sw-muted"> (secret)</span>}
      </label>
      <div style={{ display: 'flex', gap: 4 }}>
        <ValueInput id={id + '-input'} k={k} secret={secret} value={value} onChange={onChange} />
        {onRemove && (
          <button type="button" aria-label={`Remove ${k.name}`} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      {k.help && <div className="sw-help">{k.help}</div>}
      {problems.length > 0 && (
        <div className="sw-error" role="alert" data-testid={`connector-error-${k.name}`}>
          {problems.map((p, i) => (
            <div key={i} data-code={p.code}>
              {p.message}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function ValueInput({ id, k, secret, value, onChange }: { id: string; k: ConnectorKey; secret: boolean; value: string | undefined; onChange: (v: string | undefined) => void }) {
  if (secret) {
    const name = value !== undefined ? envVariableOf(value) : null;
    // Only a variable name can be typed: the value itself never enters the design.
    return (
      <span className="sw-secret" title="The Connect worker (or connect:apply) reads the value from this environment variable">
        {'${env:'}
        <input
          id={id}
          type="text"
          placeholder={value && name === null ? (isProviderReference(value) ? value : 'in clear: type a variable name instead') : 'VARIABLE_NAME'}
          value={name ?? ''}
          onChange={(e) => {
            const v = e.target.value.replace(/[^A-Za-z0-9_]/g, '');
            onChange(v ? envReference(v) : undefined);
          }}
        />
        {'}'}
      </span>
    );
  }
  if (k.options) {
    return (
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">(default)</option>
        {k.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  return <input id={id} type="text" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
}
