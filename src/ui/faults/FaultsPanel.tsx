/**
 * The Faults tab: the preview's samples run again under faults the user places on input records
 * (crash and restart, duplicate delivery, delay, reorder), with the app's guarantee and commit
 * interval; per sink, what changes against the fault-free run and which fault causes it. Below, the
 * sink records, each with "What fault changes this?" (the lineage-driven search). Both run in the
 * preview's worker on the run it keeps (docs/faults.md).
 */
import { useState } from 'react';
import { faultText, type Fault, type FaultKind, type FaultSettings } from '../../simulator/faults/types';
import { useApp } from '../../store/store';
import { previewDocument } from '../tests/active-test';
import { TIMEOUT_MS } from '../preview/preview-runner';
import { queryRun } from '../preview/use-live-preview';
import { FaultReportView } from './FaultReportView';
import { FaultSearch } from './FaultSearch';

const KIND_LABELS: [FaultKind, string][] = [
  ['crash', 'crash + restart after'],
  ['duplicate', 'duplicate delivery of'],
  ['delay', 'delay'],
  ['reorder', 'reorder with next'],
];

export function FaultsPanel() {
  const runId = useApp((s) => s.result?.runId ?? null);
  const ok = useApp((s) => s.result?.ok ?? false);
  const settings = useApp((s) => s.faultSettings);
  const faults = useApp((s) => s.faults);
  const report = useApp((s) => s.faultReport);
  const { setFaults, setFaultSettings: setSettings } = useApp.getState();
  const [busy, setBusy] = useState(false);
  if (runId === null) return <p className="sw-muted">The Faults view runs the preview's samples under faults once the preview has a run.</p>;
  if (!ok) return <p className="sw-muted" data-testid="faults-no-run">The preview's run failed: fix it first (see the Preview tab).</p>;
  const run = async () => {
    setBusy(true);
    const answer = await queryRun(runId, { kind: 'faults', faults, settings, timeLimitMs: TIMEOUT_MS });
    setBusy(false);
    if (answer && useApp.getState().result?.runId === runId) useApp.getState().setFaultReport({ runId, report: answer });
  };
  return (
    <div className="sw-faults" data-testid="faults-panel">
      <SettingsRow settings={settings} onChange={setSettings} />
      <FaultPicker onAdd={(f) => setFaults([...faults, f])} />
      <ul className="sw-fault-list" aria-label="faults to inject">
        {faults.map((f, i) => (
          <li key={i} data-testid="fault-item">
            {faultText(f)}{' '}
            <button onClick={() => setFaults(faults.filter((_, j) => j !== i))} aria-label={`remove ${faultText(f)}`}>✕</button>
          </li>
        ))}
        {faults.length === 0 && <li className="sw-muted">No faults yet: with none, the run is compared with itself.</li>}
      </ul>
      <button onClick={() => void run()} disabled={busy} aria-busy={busy} data-testid="faults-run">
        Run under faults
      </button>
      {report && report.runId === runId && <FaultReportView report={report.report} />}
      <FaultSearch runId={runId} settings={settings} />
    </div>
  );
}

function SettingsRow({ settings, onChange }: { settings: FaultSettings; onChange: (s: FaultSettings) => void }) {
  return (
    <div className="sw-tl-controls">
      <label>
        Guarantee{' '}
        <select value={settings.guarantee} onChange={(e) => onChange({ ...settings, guarantee: e.target.value as FaultSettings['guarantee'] })} data-testid="faults-guarantee">
          <option value="at-least-once">at-least-once</option>
          <option value="exactly-once">exactly-once</option>
        </select>
      </label>
      <label>
        Commit every{' '}
        <input type="number" min={1} value={settings.commit.every} onChange={(e) => onChange({ ...settings, commit: { ...settings.commit, every: Math.max(1, Number(e.target.value) || 1) } })} data-testid="faults-commit-every" aria-label="commit interval" style={{ width: 72 }} />
      </label>
      <select value={settings.commit.unit} onChange={(e) => onChange({ ...settings, commit: { ...settings.commit, unit: e.target.value as FaultSettings['commit']['unit'] } })} data-testid="faults-commit-unit" aria-label="commit interval unit">
        <option value="records">input records</option>
        <option value="ms">ms of stream time</option>
      </select>
    </div>
  );
}

/** A fault kind and the input record it is placed at (the preview's samples, "<topic>#<index>"). */
function FaultPicker({ onAdd }: { onAdd: (f: Fault) => void }) {
  const samples = useApp((s) => previewDocument(s).samples);
  const ids = Object.entries(samples).flatMap(([topic, recs]) => (recs ?? []).slice(0, 500).map((r, i) => ({ id: `${topic}#${i}`, text: `${topic}#${i} ${JSON.stringify(r.key)} → ${JSON.stringify(r.value)}`.slice(0, 80) })));
  const [kind, setKind] = useState<FaultKind>('crash');
  const [at, setAt] = useState('');
  const [byMs, setByMs] = useState('');
  const chosen = ids.some((x) => x.id === at) ? at : (ids[0]?.id ?? '');
  const fault = (): Fault => (kind === 'delay' && byMs.trim() !== '' && Number(byMs) >= 0 ? { kind, at: chosen, byMs: Number(byMs) } : { kind, at: chosen });
  return (
    <div className="sw-tl-controls">
      <select value={kind} onChange={(e) => setKind(e.target.value as FaultKind)} data-testid="fault-kind" aria-label="fault">
        {KIND_LABELS.map(([k, label]) => (
          <option key={k} value={k}>{label}</option>
        ))}
      </select>
      <select value={chosen} onChange={(e) => setAt(e.target.value)} data-testid="fault-at" aria-label="input record">
        {ids.map((x) => (
          <option key={x.id} value={x.id}>{x.text}</option>
        ))}
      </select>
      {kind === 'delay' && (
        <label>
          by <input type="number" min={0} value={byMs} placeholder="to the end" onChange={(e) => setByMs(e.target.value)} data-testid="fault-delay-ms" aria-label="delay in ms (empty: after every other record)" style={{ width: 96 }} /> ms
        </label>
      )}
      <button onClick={() => chosen && onAdd(fault())} disabled={!chosen} data-testid="fault-add">
        Add fault
      </button>
    </div>
  );
}
