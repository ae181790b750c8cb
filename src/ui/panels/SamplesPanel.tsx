/**
 * Sample records per source topic: edit as JSON in Monaco, import JSON/JSONL/CSV, or generate.
 * Invalid input is marked at its line and never applied; the text stays until it is fixed.
 */
import { useMemo, useState } from 'react';
import { ownEntry } from '../../model/name-table';
import { setSamples, sourceTopics } from '../../model/commands';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { GenerateForm } from './GenerateForm';
import { formatSamples, parseSamples } from './samples-io';

export function SamplesPanel() {
  const doc = useApp((s) => s.doc);
  const topics = useMemo(() => sourceTopics(doc), [doc]);
  const chosen = useApp((s) => s.samplesTopic);
  const current = chosen && topics.includes(chosen) ? chosen : (topics[0] ?? null);
  const saved = current ? (ownEntry(doc.samples, current) ?? []) : [];
  // Unapplied text (typed, or invalid) lives in the store: it survives tab and topic switches.
  const draft = useApp((s) => (current ? ownEntry(s.sampleDrafts, current) : undefined));
  const savedText = useMemo(() => formatSamples(saved), [saved]);
  const text = draft?.text ?? savedText;
  const problem = draft?.problem ?? null;
  const [showGenerate, setShowGenerate] = useState(false);
  if (!current) return <p className="sw-muted">Add a source (stream, table or globalTable) to enter sample records for its topic.</p>;
  const store = useApp.getState;
  const apply = (t: string, format: 'json' | 'jsonl' | 'csv' = 'json', fileName?: string) => {
    const r = parseSamples(t, format);
    if (!r.ok) {
      store().setSampleDraft(current, { text: t, problem: { line: r.line, column: r.column, message: fileName ? `${fileName}: ${r.message}` : r.message } });
      return;
    }
    store().setSampleDraft(current, null);
    store().edit((d) => setSamples(d, current, r.records));
  };
  const importFile = async (f: File) => apply(await f.text(), f.name.endsWith('.csv') ? 'csv' : f.name.endsWith('.jsonl') ? 'jsonl' : 'json', f.name);
  return (
    <div>
      <div className="sw-row" style={{ marginBottom: 6 }}>
        <label htmlFor="sample-topic" className="sw-muted">Topic</label>
        <select id="sample-topic" value={current} onChange={(e) => store().setSamplesTopic(e.target.value)} data-testid="sample-topic">
          {topics.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <span className="sw-muted">{saved.length} record(s) applied</span>
        <button className="sw-primary" onClick={() => apply(text)} data-testid="apply-samples">Apply</button>
        <label className="sw-muted" style={{ cursor: 'pointer' }}>
          <input type="file" accept=".json,.jsonl,.csv" style={{ display: 'none' }} data-testid="import-samples" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} aria-label="Import samples from a JSON, JSONL or CSV file" />
          <span className="sw-badge">Import JSON / JSONL / CSV…</span>
        </label>
        <button onClick={() => setShowGenerate((v) => !v)}>Generate…</button>
      </div>
      {problem && (
        <div className="sw-banner sw-error" role="alert" data-testid="samples-error">
          Line {problem.line}
          {problem.column ? `, column ${problem.column}` : ''}: {problem.message} — not applied.
        </div>
      )}
      {showGenerate && <GenerateForm onGenerate={(records) => apply(formatSamples(records))} />}
      <CodeEditor value={text} language="json" onChange={(t) => t !== text && store().setSampleDraft(current, { text: t, problem })} height={showGenerate ? 120 : 200} ariaLabel={`Sample records for ${current}`} testId="samples-editor" path={`file:///samples/${current}.json`} markers={problem ? [{ line: problem.line, column: problem.column, message: problem.message }] : []} />
    </div>
  );
}
