/** Generates N records: keys from a set, timestamps spread over a range, optional disorder and lateness. */
import { useState } from 'react';
import type { SampleRecord } from '../../model/types';
import { generateSamples } from './samples-io';

export function GenerateForm({ onGenerate }: { onGenerate: (r: SampleRecord[]) => void }) {
  const [count, setCount] = useState(100);
  const [keys, setKeys] = useState('a,b,c');
  const [start, setStart] = useState('2024-01-01T00:00:00Z');
  const [minutes, setMinutes] = useState(10);
  const [template, setTemplate] = useState('{"n": $i, "amount": $rand}');
  const [outOfOrder, setOutOfOrder] = useState(0);
  const [late, setLate] = useState(0);
  const go = () => {
    const startMs = Date.parse(start) || 0;
    onGenerate(
      generateSamples({ count, keys: keys.split(',').map((k) => k.trim()).filter(Boolean), startMs, endMs: startMs + minutes * 60_000, valueTemplate: template, outOfOrder: outOfOrder / 100, late: late / 100, lateByMs: 5 * 60_000, seed: 42 }),
    );
  };
  return (
    <div className="sw-row" style={{ flexWrap: 'wrap', marginBottom: 6 }} data-testid="generate-form">
      <label>N <input type="number" value={count} min={1} max={100000} onChange={(e) => setCount(Number(e.target.value))} style={{ width: 80 }} aria-label="Number of records" /></label>
      <label>keys <input type="text" value={keys} onChange={(e) => setKeys(e.target.value)} style={{ width: 100 }} aria-label="Keys (comma separated)" /></label>
      <label>from <input type="text" value={start} onChange={(e) => setStart(e.target.value)} style={{ width: 170 }} aria-label="Start time (ISO)" /></label>
      <label>over <input type="number" value={minutes} min={0} onChange={(e) => setMinutes(Number(e.target.value))} style={{ width: 60 }} aria-label="Time span in minutes" /> min</label>
      <label>value <input type="text" value={template} onChange={(e) => setTemplate(e.target.value)} style={{ width: 190 }} aria-label="Value template" /></label>
      <label>out of order % <input type="number" value={outOfOrder} min={0} max={100} onChange={(e) => setOutOfOrder(Number(e.target.value))} style={{ width: 55 }} aria-label="Out of order percent" /></label>
      <label>late % <input type="number" value={late} min={0} max={100} onChange={(e) => setLate(Number(e.target.value))} style={{ width: 55 }} aria-label="Late percent" /></label>
      <button onClick={go} data-testid="generate-samples">Generate</button>
    </div>
  );
}
