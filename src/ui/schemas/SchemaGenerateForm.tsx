/** "Generate from schema": the controls of generateFromSchema (model/topic-schemas/generate.ts) for a topic with a schema. */
import { useState } from 'react';
import { DEFAULT_GENERATE, generateFromSchema, type GenerateOptions } from '../../model/topic-schemas/generate';
import type { SampleRecord, TopicSettings } from '../../model/types';

export function hasSchema(settings: TopicSettings | undefined): boolean {
  return !!(settings?.keySchema || settings?.valueSchema);
}

type NumberOption = { [K in keyof GenerateOptions]: GenerateOptions[K] extends number ? K : never }[keyof GenerateOptions];

/** The form's numeric controls: option, label, and whether it is a percentage of the records. */
const CONTROLS: { name: NumberOption; label: string; percent?: boolean; width?: number }[] = [
  { name: 'count', label: 'N' },
  { name: 'seed', label: 'seed' },
  { name: 'keyCardinality', label: 'distinct keys' },
  { name: 'nullRate', label: 'null %', percent: true },
  { name: 'absentRate', label: 'absent %', percent: true },
  { name: 'boundaryRate', label: 'boundary %', percent: true },
  { name: 'outOfOrder', label: 'out of order %', percent: true },
  { name: 'late', label: 'late %', percent: true },
  { name: 'duplicates', label: 'duplicates %', percent: true },
  { name: 'tombstones', label: 'tombstones %', percent: true },
];

export function SchemaGenerateForm({ settings, onGenerate }: { settings: TopicSettings; onGenerate: (r: SampleRecord[]) => void }) {
  const [o, setO] = useState<GenerateOptions>(DEFAULT_GENERATE);
  const [minutes, setMinutes] = useState(DEFAULT_GENERATE.spanMs / 60_000);
  const [start, setStart] = useState(new Date(DEFAULT_GENERATE.startMs).toISOString());
  const set = (name: NumberOption, raw: string, percent?: boolean) => setO({ ...o, [name]: percent ? Number(raw) / 100 : Number(raw) });
  const go = () => onGenerate(generateFromSchema(settings, { ...o, spanMs: minutes * 60_000, startMs: Date.parse(start) || 0 }));
  return (
    <div className="sw-row" style={{ flexWrap: 'wrap', marginBottom: 6 }} data-testid="schema-generate-form">
      <strong style={{ fontSize: 12 }}>From the schema:</strong>
      {CONTROLS.map((c) => (
        <label key={c.name}>
          {c.label}{' '}
          <input type="number" min={0} max={c.percent ? 100 : undefined} value={c.percent ? Math.round(o[c.name] * 100) : o[c.name]} onChange={(e) => set(c.name, e.target.value, c.percent)} style={{ width: 64 }} aria-label={c.label} data-testid={`gen-${c.name}`} />
        </label>
      ))}
      <label>
        from <input type="text" value={start} onChange={(e) => setStart(e.target.value)} style={{ width: 170 }} aria-label="Start time (ISO)" />
      </label>
      <label>
        over <input type="number" min={0} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} style={{ width: 60 }} aria-label="Time span in minutes" /> min
      </label>
      <label>
        <input type="checkbox" checked={o.coverage} onChange={(e) => setO({ ...o, coverage: e.target.checked })} /> every enum symbol and union branch
      </label>
      <button onClick={go} data-testid="generate-from-schema">
        Generate from schema
      </button>
    </div>
  );
}
