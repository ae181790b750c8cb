/**
 * Sample records per source topic: edit as JSON in Monaco, import JSON/JSONL/CSV, or generate.
 * Invalid input is marked at its line and never applied; the text stays until it is fixed.
 */
import { useEffect, useMemo, useState } from 'react';
import { setSamples, sourceTopics } from '../../model/commands';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { GenerateForm } from './GenerateForm';
import { formatSamples, parseSamples, type ParsedSamples } from './samples-io';

export function SamplesPanel() {
  const doc = useApp((s) => s.doc);
  const topics = useMemo(() => sourceTopics(doc), [doc]);
  const [topic, setTopic] = useState<string | null>(null);
  const current = topic && topics.includes(topic) ? topic : (topics[0] ?? null);
  const saved = current ? (doc.samples[current] ?? []) : [];
  const [text, setText] = useState(() => formatSamples(saved));
  const [problem, setProblem] = useState<Extract<ParsedSamples, { ok: false }> | null>(null);
  const [showGenerate, setShowGenerate] = useState(false);
  useEffect(() => {
    setText(formatSamples(current ? (useApp.getState().doc.samples[current] ?? []) : []));
    setProblem(null);
  }, [current]);
  if (!current) return <p className="muted">Add a source (stream, table or globalTable) to enter sample records for its topic.</p>;
  const apply = (t: string, format: 'json' | 'jsonl' | 'csv' = 'json') => {
    const r = parseSamples(t, format);
    if (!r.ok) {
      setProblem(r);
      return;
    }
    setProblem(null);
    useApp.getState().edit((d) => setSamples(d, current, r.records));
    setText(formatSamples(r.records));
  };
  const importFile = async (f: File) => {
    const t = await f.text();
    const format = f.name.endsWith('.csv') ? 'csv' : f.name.endsWith('.jsonl') ? 'jsonl' : 'json';
    const r = parseSamples(t, format);
    if (!r.ok) {
      setText(t);
      setProblem({ ...r, message: `${f.name}: ${r.message}` });
      return;
    }
    apply(formatSamples(r.records));
  };
  return (
    <div>
      <div className="row" style={{ marginBottom: 6 }}>
        <label htmlFor="sample-topic" className="muted">Topic</label>
        <select id="sample-topic" value={current} onChange={(e) => setTopic(e.target.value)} data-testid="sample-topic">
          {topics.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <span className="muted">{saved.length} record(s) applied</span>
        <button className="primary" onClick={() => apply(text)} data-testid="apply-samples">Apply</button>
        <label className="muted" style={{ cursor: 'pointer' }}>
          <input type="file" accept=".json,.jsonl,.csv" style={{ display: 'none' }} data-testid="import-samples" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} aria-label="Import samples from a JSON, JSONL or CSV file" />
          <span className="badge">Import JSON / JSONL / CSV…</span>
        </label>
        <button onClick={() => setShowGenerate((v) => !v)}>Generate…</button>
      </div>
      {problem && (
        <div className="banner error" role="alert" data-testid="samples-error">
          Line {problem.line}
          {problem.column ? `, column ${problem.column}` : ''}: {problem.message} — not applied.
        </div>
      )}
      {showGenerate && <GenerateForm onGenerate={(records) => apply(formatSamples(records))} />}
      <CodeEditor value={text} language="json" onChange={setText} height={showGenerate ? 120 : 200} ariaLabel={`Sample records for ${current}`} testId="samples-editor" path={`file:///samples/${current}.json`} markers={problem ? [{ line: problem.line, column: problem.column, message: problem.message }] : []} />
    </div>
  );
}
