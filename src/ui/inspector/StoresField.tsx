/** The state stores a processor node declares: name, type, for window/session stores their times, changelogging, sharing. */
import type { FieldProps } from './ParamField';
import { DurationField } from './DurationField';

interface Store {
  name: string;
  type: 'keyValue' | 'window' | 'session';
  retentionMs?: number;
  windowSizeMs?: number;
  logging?: boolean;
  shared?: boolean;
}

const TYPES: Store['type'][] = ['keyValue', 'window', 'session'];

export function StoresField({ spec, value, onChange }: FieldProps) {
  const stores = Array.isArray(value) ? (value as Store[]) : [];
  const update = (i: number, patch: Partial<Store>) => onChange(stores.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const add = () => {
    let n = stores.length + 1;
    while (stores.some((s) => s.name === `store-${n}`)) n++;
    onChange([...stores, { name: `store-${n}`, type: 'keyValue' }]);
  };
  return (
    <div data-testid={`param-${spec.name}`}>
      {stores.map((s, i) => (
        <div key={i} className="sw-store-row" data-testid={`store-decl-${i}`} style={{ display: 'grid', gap: 4, marginBottom: 6 }}>
          <div style={{ display: 'flex', gap: 4 }}>
            <input aria-label={`Store ${i + 1} name`} type="text" value={s.name} onChange={(e) => update(i, { name: e.target.value })} />
            <select aria-label={`Store ${i + 1} type`} value={s.type} onChange={(e) => update(i, { type: e.target.value as Store['type'] })}>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <button type="button" aria-label={`Remove store ${s.name}`} onClick={() => onChange(stores.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
          {s.type !== 'keyValue' && <DurationField id={`store-${i}-retention`} label={`Store ${i + 1} retention`} value={s.retentionMs} optional onChange={(v) => update(i, { retentionMs: v ?? undefined })} />}
          {s.type === 'window' && <DurationField id={`store-${i}-size`} label={`Store ${i + 1} window size`} value={s.windowSizeMs} optional onChange={(v) => update(i, { windowSizeMs: v ?? undefined })} />}
          <label style={{ fontWeight: 'normal' }}>
            <input type="checkbox" checked={s.logging !== false} onChange={(e) => update(i, { logging: e.target.checked })} /> changelogged on Kafka
          </label>
          <label style={{ fontWeight: 'normal' }} title="Declare it alike on every processor node that uses it: they share one store (and one sub-topology).">
            <input type="checkbox" data-testid={`store-${i}-shared`} checked={s.shared === true} onChange={(e) => update(i, { shared: e.target.checked || undefined })} /> shared with other processor nodes
          </label>
        </div>
      ))}
      <button type="button" onClick={add} data-testid="add-store">
        + Add store
      </button>
    </div>
  );
}
