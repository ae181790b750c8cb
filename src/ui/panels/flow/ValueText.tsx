/** A key or value as JSON text, with the fields a node changed marked (whole value, or top-level fields of an object). */
import { fmt } from '../format';
import type { Changes } from './changed';

export function ValueText({ value, changes }: { value: unknown; changes?: Changes['value'] }) {
  if (!changes) return <>{fmt(value)}</>;
  if (changes === 'all' || typeof value !== 'object' || value === null) return <mark className="sw-changed">{fmt(value)}</mark>;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    <>
      {'{'}
      {entries.map(([k, v], i) => (
        <span key={k}>
          {i > 0 ? ',' : ''}
          {changes.has(k) ? (
            <mark className="sw-changed" data-testid="changed-field">
              {JSON.stringify(k)}:{fmt(v)}
            </mark>
          ) : (
            `${JSON.stringify(k)}:${fmt(v)}`
          )}
        </span>
      ))}
      {'}'}
    </>
  );
}
