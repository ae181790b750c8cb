/**
 * The partition view (in the Timeline tab): "simulate N partitions" runs the samples as Kafka
 * Streams would on N partitions (in the worker); per sink, what changed against one partition, and
 * its records with their partition (filter by partition).
 */
import { useState } from 'react';
import type { PartitionView } from '../../simulator/partitions/partition-view';
import { useApp } from '../../store/store';
import { fmt, fmtClock } from '../panels/format';
import { queryRun } from '../preview/use-live-preview';

export function PartitionsView({ runId }: { runId: number }) {
  const [count, setCount] = useState(3);
  const [view, setView] = useState<(PartitionView & { runId: number }) | null>(null);
  const [filter, setFilter] = useState<number | 'all'>('all');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const answer = await queryRun(runId, { kind: 'partitions', partitions: count });
    setBusy(false);
    if (answer && useApp.getState().result?.runId === runId) setView({ ...answer, runId });
  };
  const shown = view && view.runId === runId ? view : null;
  return (
    <section className="sw-tl-partitions" aria-label="partitions" data-testid="partitions-view">
      <div className="sw-tl-controls">
        <label>
          Simulate{' '}
          <input type="number" min={1} max={64} value={count} onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))} data-testid="partitions-count" aria-label="number of partitions" style={{ width: 56 }} />{' '}
          partitions
        </label>
        <button onClick={() => void run()} disabled={busy} aria-busy={busy} data-testid="partitions-run">
          Compare 1 vs {count}
        </button>
        {shown && (
          <>
            <span className="sw-muted">records per task: {shown.inputsPerTask.join(' / ')}; moved by repartition: {shown.movedByRepartition}</span>
            <select value={String(filter)} onChange={(e) => setFilter(e.target.value === 'all' ? 'all' : Number(e.target.value))} data-testid="partitions-filter" aria-label="show partition">
              <option value="all">all partitions</option>
              {shown.inputsPerTask.map((_, p) => (
                <option key={p} value={p}>partition {p}</option>
              ))}
            </select>
          </>
        )}
      </div>
      {shown?.error && <div className="sw-banner sw-error">{shown.error}</div>}
      {shown?.comparison.map((c) => (
        <div key={c.topic}>
          <p data-testid="partitions-compare" data-topic={c.topic} data-same={c.same}>
            <b>{c.topic}</b>:{' '}
            {c.same ? `same records as with 1 partition` : `vs 1 partition: ${c.appeared.length} appear, ${c.disappeared.length} disappear, ${c.reorderedKeys.length} key(s) in another order`}
            {c.reorderedKeys.length > 0 && <span className="sw-muted"> ({c.reorderedKeys.slice(0, 5).map((k) => fmt(k)).join(', ')})</span>}
          </p>
          <PartitionRows records={shown.sinks[c.topic]?.records ?? []} filter={filter} />
        </div>
      ))}
    </section>
  );
}

/** A sink's records with their partition and task (the first 100 of the partition shown). */
function PartitionRows({ records, filter }: { records: PartitionView['sinks'][string]['records']; filter: number | 'all' }) {
  return (
    <table className="sw-records">
      <thead>
        <tr><th>partition</th><th>task</th><th>key</th><th>value</th><th>timestamp</th></tr>
      </thead>
      <tbody>
        {records
          .filter((r) => filter === 'all' || r.partition === filter)
          .slice(0, 100)
          .map((r, i) => (
            <tr key={i} data-testid="partition-row" data-partition={r.partition}>
              <td>{r.partition}</td><td>{r.task}</td><td>{fmt(r.key)}</td><td>{fmt(r.value)}</td><td>{fmtClock(r.timestamp)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
