/**
 * "What fault changes this?": the sink records of the preview's run, and for the one asked about,
 * the smallest fault set the lineage-driven search found in the worker, with how much of the space
 * it tried before its time limit.
 */
import { useState } from 'react';
import type { FaultAnswers } from '../../simulator/faults/view';
import { FAULT_KINDS, faultText, type FaultKind, type FaultSettings } from '../../simulator/faults/types';
import type { TracedRecord } from '../../simulator/types';
import { useApp } from '../../store/store';
import { fmt } from '../panels/format';
import { TIMEOUT_MS } from '../preview/preview-runner';
import { queryRun } from '../preview/use-live-preview';

const SHOWN = 100;

export function FaultSearch({ runId, settings }: { runId: number; settings: FaultSettings }) {
  const sinks = useApp((s) => s.doc.nodes).filter((n) => n.kind === 'to');
  const [sinkId, setSinkId] = useState<string | null>(null);
  const [records, setRecords] = useState<{ runId: number; nodeId: string; list: TracedRecord[] } | null>(null);
  const lastSearch = useApp((s) => s.faultSearch);
  const found = lastSearch && lastSearch.runId === runId ? lastSearch.report : null;
  const [busy, setBusy] = useState<string | null>(null);
  const [kinds, setKinds] = useState<FaultKind[]>([...FAULT_KINDS]);
  const nodeId = sinkId && sinks.some((n) => n.id === sinkId) ? sinkId : (sinks[0]?.id ?? null);
  if (!nodeId) return null;
  const load = async (id: string) => {
    const detail = await queryRun(runId, { kind: 'node', nodeId: id, limit: SHOWN });
    if (detail) setRecords({ runId, nodeId: id, list: detail.emitted });
  };
  const search = async (recordId: string) => {
    setBusy(recordId);
    const answer = await queryRun(runId, { kind: 'fault-search', recordId, settings, kinds, timeLimitMs: TIMEOUT_MS });
    setBusy(null);
    if (answer) useApp.getState().setFaultSearch({ runId, report: answer });
  };
  const shown = records && records.runId === runId && records.nodeId === nodeId ? records.list : null;
  return (
    <section aria-label="what fault changes an output" data-testid="fault-search">
      <div className="sw-tl-controls">
        <b>Output records</b>
        <select value={nodeId} onChange={(e) => setSinkId(e.target.value)} aria-label="sink" data-testid="fault-search-sink">
          {sinks.map((n) => (
            <option key={n.id} value={n.id}>{n.name} → {String(n.params.topic)}</option>
          ))}
        </select>
        <button onClick={() => void load(nodeId)} data-testid="fault-search-load">Show records</button>
        <span className="sw-muted">search among:</span>
        {FAULT_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={kinds.includes(k)} onChange={(e) => setKinds(e.target.checked ? FAULT_KINDS.filter((x) => x === k || kinds.includes(x)) : kinds.filter((x) => x !== k))} data-testid={`fault-search-kind-${k}`} /> {k}
          </label>
        ))}
      </div>
      {found && <SearchResult report={found} />}
      {shown && <OutputRows records={shown} busy={busy} search={search} />}
    </section>
  );
}

/** The sink's records, each with the button that asks which faults change it. */
function OutputRows({ records, busy, search }: { records: TracedRecord[]; busy: string | null; search: (id: string) => Promise<void> }) {
  return (
    <table className="sw-records">
      <thead>
        <tr><th>key</th><th>value</th><th /></tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.id} data-testid="fault-output" data-record={r.id}>
            <td>{fmt(r.key)}</td>
            <td>{fmt(r.value)}</td>
            <td>
              <button onClick={() => void search(r.id)} disabled={busy !== null} aria-busy={busy === r.id} data-testid="fault-search-run">
                What fault changes this?
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SearchResult({ report }: { report: FaultAnswers['fault-search'] }) {
  if (!report.ok) return <div className="sw-banner sw-error">{report.error}</div>;
  const { tried, space } = report;
  const inputs = `${report.inputIds.length} input record${report.inputIds.length === 1 ? '' : 's'}`;
  const covered = `tried ${tried.singles} of ${space.singles} single faults and ${tried.pairs} of ${space.pairs} pairs on its lineage (${inputs}): ${Math.round(report.coverage * 100)}% of the space`;
  const single = report.stopped === 'found' && report.found[0]?.faults.length === 1;
  const why = { found: single ? ' — pairs not needed: one fault is the smallest set' : '', exhausted: '', time: ' — stopped at the time limit', budget: ' — stopped at the pair budget' }[report.stopped];
  return (
    <div className="sw-banner" data-testid="fault-search-result" data-stopped={report.stopped} data-size={report.found[0]?.faults.length ?? 0}>
      <p>
        <b>{fmt(report.record?.key)} → {fmt(report.record?.value)}</b>:{' '}
        {report.found.length === 0
          ? 'no fault set tried changes this record'
          : `smallest fault set: ${report.found[0].faults.length} fault${report.found[0].faults.length > 1 ? 's' : ''}`}
      </p>
      <ul>
        {report.found.map((s, i) => (
          <li key={i} data-testid="fault-search-set">
            {s.faults.map(faultText).join(' + ')}: {s.differences.map((d) => (d.kind === 'changed' ? `changed to ${fmt(d.to?.value)}` : d.kind)).join(', ')}
          </li>
        ))}
      </ul>
      <p className="sw-muted" data-testid="fault-search-coverage" data-coverage={report.coverage}>{covered}{why}</p>
    </div>
  );
}
