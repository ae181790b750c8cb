/** Milliseconds edited as a number and a unit (ms, s, min, h, d). */
import { useState } from 'react';

const UNITS: [string, number][] = [
  ['ms', 1],
  ['s', 1000],
  ['min', 60_000],
  ['h', 3_600_000],
  ['d', 86_400_000],
];

function bestUnit(ms: number): number {
  let best = 1;
  for (const [, f] of UNITS) if (ms !== 0 && ms % f === 0) best = f;
  return best;
}

export function DurationField(props: { id: string; label: string; value: number | null | undefined; optional?: boolean; onChange: (v: number | null) => void }) {
  const ms = props.value;
  const [unit, setUnit] = useState(() => bestUnit(ms ?? 0));
  return (
    <div className="sw-row">
      <input
        id={props.id}
        type="number"
        min={0}
        step="any"
        aria-label={`${props.label} amount`}
        value={ms === null || ms === undefined ? '' : String(ms / unit)}
        onChange={(e) => props.onChange(e.target.value === '' ? (props.optional ? null : 0) : Math.round(Number(e.target.value) * unit))}
      />
      <select aria-label={`${props.label} unit`} value={unit} onChange={(e) => setUnit(Number(e.target.value))} style={{ width: 70 }}>
        {UNITS.map(([n, f]) => (
          <option key={n} value={f}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
