/**
 * Sample records per source topic: edit as JSON in Monaco, import JSON/JSONL/CSV, or generate.
 * Invalid input is marked at its line and never applied; the text stays until it is fixed. A list of
 * plain values can be taken as record values in one click; an empty topic offers an example record.
 */
import { useMemo, useRef, useState } from 'react';
import { EXAMPLE_SAMPLE, setSamples, sourceTopics } from '../../model/commands';
import { setTestSamples } from '../../model/test-case-commands';
import { ownEntry } from '../../model/name-table';
import type { SampleRecord } from '../../model/types';
import { useApp } from '../../store/store';
import type { SampleDraft } from '../../store/samples-draft-slice';
import { CodeEditor } from '../editor/CodeEditor';
import { activeTestOf } from '../tests/active-test';
import { SamplesCasePicker } from '../tests/SamplesCasePicker';
import { GenerateForm } from './GenerateForm';
import { formatSamples, lineOfRecord, parseSamples, plainValuesOf, wrapValues } from './samples-io';
import { sampleSchemaProblems } from '../../model/topic-schemas/samples-check';
import { hasSchema, SchemaGenerateForm } from '../schemas/SchemaGenerateForm';

type Format = 'json' | 'jsonl' | 'csv';

export function SamplesPanel() {
  const doc = useApp((s) => s.doc);
  const topics = useMemo(() => sourceTopics(doc), [doc]);
  const chosen = useApp((s) => s.samplesTopic);
  const current = chosen && topics.includes(chosen) ? chosen : (topics[0] ?? null);
  // A chosen test case has its own samples (the preview runs on them); drafts are kept per case.
  const active = useApp(activeTestOf);
  const saved = current ? (ownEntry(active ? active.samples : doc.samples, current) ?? []) : [];
  const draftKey = current && active ? `${active.id}\u0000${current}` : current;
  // Unapplied text (typed, or invalid) lives in the store: it survives tab and topic switches.
  const draft = useApp((s) => (draftKey ? ownEntry(s.sampleDrafts, draftKey) : undefined));
  const savedText = useMemo(() => formatSamples(saved), [saved]);
  const text = draft?.text ?? savedText;
  const problem = draft?.problem ?? null;
  const [showGenerate, setShowGenerate] = useState(false);
  if (!current || !draftKey) return <p className="sw-muted">Add a source (stream, table or globalTable) to enter sample records for its topic.</p>;
  const store = useApp.getState;
  const save = (records: SampleRecord[]) => {
    store().setSampleDraft(draftKey, null);
    store().edit((d) => (active ? setTestSamples(d, active.id, current, records) : setSamples(d, current, records)));
  };
  const apply = (t: string, format: Format = 'json', fileName?: string) => {
    const r = parseSamples(t, format);
    // Records that do not match the topic's schema are marked at the first one and never applied.
    const mismatch = r.ok ? sampleSchemaProblems(r.records, doc.topics?.[current], 1)[0] : undefined;
    if (r.ok && !mismatch) return save(r.records);
    const p = r.ok ? { line: lineOfRecord(t, format, mismatch!.index), message: `record ${mismatch!.index + 1} does not match the ${mismatch!.side} schema: ${mismatch!.path} ${mismatch!.message}` } : r;
    store().setSampleDraft(draftKey, { text: t, problem: { line: p.line, column: 'column' in p ? p.column : undefined, message: fileName ? `${fileName}: ${p.message}` : p.message, plainValues: 'plainValues' in p ? p.plainValues : undefined } });
  };
  const wrap = () => save(wrapValues(plainValuesOf(text) ?? []));
  return (
    <div>
      <SamplesCasePicker />
      <SamplesToolbar topics={topics} current={current} applied={saved.length} onApply={() => apply(text)} onImport={apply} onToggleGenerate={() => setShowGenerate((v) => !v)} />
      {problem && <SamplesProblem problem={problem} onWrap={wrap} />}
      {!problem && saved.length === 0 && !draft && (
        <div className="sw-banner sw-warn" data-testid="samples-empty">
          No sample records for <strong>{current}</strong> yet: the preview has nothing to run.{' '}
          <button onClick={() => save([{ ...EXAMPLE_SAMPLE }])} data-testid="add-example-sample">
            Add an example record
          </button>
        </div>
      )}
      {showGenerate && (hasSchema(doc.topics?.[current]) ? <SchemaGenerateForm settings={doc.topics![current]!} onGenerate={(records) => apply(formatSamples(records))} /> : <GenerateForm onGenerate={(records) => apply(formatSamples(records))} />)}
      <CodeEditor value={text} language="json" onChange={(t) => t !== text && store().setSampleDraft(draftKey, { text: t, problem })} height={showGenerate ? 120 : 200} ariaLabel={`Sample records for ${current}`} testId="samples-editor" path={`file:///samples/${active ? `${active.id}/` : ''}${current}.json`} markers={problem ? [{ line: problem.line, column: problem.column, message: problem.message }] : []} />
    </div>
  );
}

interface ToolbarProps {
  topics: string[];
  current: string;
  applied: number;
  onApply: () => void;
  onImport: (text: string, format: Format, fileName: string) => void;
  onToggleGenerate: () => void;
}

function SamplesToolbar({ topics, current, applied, onApply, onImport, onToggleGenerate }: ToolbarProps) {
  const file = useRef<HTMLInputElement>(null);
  const importFile = async (f: File) => onImport(await f.text(), f.name.endsWith('.csv') ? 'csv' : f.name.endsWith('.jsonl') ? 'jsonl' : 'json', f.name);
  return (
    <div className="sw-row" style={{ marginBottom: 6 }}>
      <label htmlFor="sample-topic" className="sw-muted">Topic</label>
      <select id="sample-topic" value={current} onChange={(e) => useApp.getState().setSamplesTopic(e.target.value)} data-testid="sample-topic">
        {topics.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <span className="sw-muted" data-testid="samples-applied">{applied} record(s) applied</span>
      <button className="sw-primary" onClick={onApply} data-testid="apply-samples">Apply</button>
      <input ref={file} type="file" accept=".json,.jsonl,.csv" hidden data-testid="import-samples" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} aria-label="Import samples from a JSON, JSONL or CSV file" />
      <button onClick={() => file.current?.click()} data-testid="import-samples-button" title="Records as a JSON array, JSON lines, or CSV with key, value and timestamp columns">
        Import JSON / JSONL / CSV…
      </button>
      <button onClick={onToggleGenerate}>Generate…</button>
    </div>
  );
}

function SamplesProblem({ problem, onWrap }: { problem: NonNullable<SampleDraft['problem']>; onWrap: () => void }) {
  return (
    <div className="sw-banner sw-error" role="alert" data-testid="samples-error">
      Line {problem.line}
      {problem.column ? `, column ${problem.column}` : ''}: {problem.message} — not applied.
      {problem.plainValues !== undefined && (
        <div style={{ marginTop: 4 }}>
          Each sample is a record: <code>{'{ "key": …, "value": …, "timestamp": epoch ms }'}</code>.{' '}
          <button onClick={onWrap} data-testid="wrap-samples">
            Treat these {problem.plainValues} values as record values
          </button>
        </div>
      )}
    </div>
  );
}
