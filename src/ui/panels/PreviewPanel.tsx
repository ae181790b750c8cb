/**
 * The selected node's output (key, value, timestamp, window), its state stores and the input records
 * it dropped;
 * clicking a record highlights the input records and nodes it came from (lineage). The counts come
 * with every run; the records are asked of the worker for the node shown.
 */
import { hasErrors } from '../../model/check';
import { ownEntry } from '../../model/name-table';
import { useApp } from '../../store/store';
import { analysisOf } from '../use-analysis';
import { DesignProblems } from './DesignProblems';
import { InputRecords } from './flow/InputRecords';
import { NodeFlow } from './flow/NodeFlow';
import { fmt, fmtTime } from './format';
import { PreviewGuide } from './PreviewGuide';

export function PreviewPanel() {
  const result = useApp((s) => s.result);
  const stopped = useApp((s) => s.stopped);
  const nodeId = useApp((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null));
  const node = useApp((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const lineage = useApp((s) => s.lineage);
  const detail = useApp((s) => (s.detail && s.detail.nodeId === nodeId ? s.detail : null));
  const designHasErrors = useApp((s) => hasErrors(analysisOf(s.doc).diagnostics) || !!s.result?.diagnostics.some((d) => d.code === 'E_TOPOLOGY'));
  if (designHasErrors) return <DesignProblems />;
  if (stopped) return <div className="sw-banner sw-error" role="alert" data-testid="preview-stopped">{stopped.message}</div>;
  if (!result) return <p className="sw-muted">The preview runs after each edit.</p>;
  const banner = result.error && (
    <div className="sw-banner sw-error" role="alert" data-testid="preview-error">
      {result.error.message}
    </div>
  );
  if (!node || !nodeId) {
    return (
      <>
        {banner}
        <PreviewGuide sinkCounts={result.sinkCounts} />
      </>
    );
  }
  const r = ownEntry(result.nodes, nodeId);
  const emitted = detail?.emitted ?? [];
  const stores = detail?.stores ?? [];
  const inputs = lineage?.inputs ?? [];
  return (
    <div>
      {banner}
      {r?.error && (
        <div className="sw-banner sw-error" role="alert" data-testid="node-error">
          {r.error.message}
          {r.error.record && ` — record key=${fmt(r.error.record.key)} value=${fmt(r.error.record.value)} timestamp=${r.error.record.timestamp}`}
        </div>
      )}
      {r?.notData && (
        <div className="sw-banner sw-warn" role="status" data-testid="node-not-data">
          {r.notData.field ? `${r.notData.field}: ` : ''}
          {r.notData.message}
        </div>
      )}
      <div className="sw-muted" style={{ marginBottom: 4 }}>
        <strong style={{ color: 'var(--text)' }}>{node.name}</strong> emitted {r?.emittedCount ?? 0} record(s){r && r.dropped > 0 ? `, dropped ${r.dropped} late/invalid record(s)` : ''}
        {r && detail && emitted.length < r.emittedCount ? ` (showing the first ${emitted.length})` : ''}
      </div>
      {detail && <NodeFlow detail={detail} />}
      {lineage && (
        <InputRecords
          testId="lineage"
          title={`Made from ${inputs.length} input record(s), through every node and state store on the way (edit one to see every node update):`}
          records={inputs}
          className="sw-lineage"
        />
      )}
      {detail && detail.dropped.length > 0 && <InputRecords testId="dropped-records" title="Dropped (late, expired or invalid) while processing input record(s):" records={detail.dropped} />}
      {stores.map(({ name, size, entries }) => (
        <div key={name} style={{ marginTop: 8 }} data-testid={`store-${name}`}>
          <div className="sw-muted">State store {name} ({size} entries)</div>
          <table className="sw-records">
            <tbody>
              {entries.map((e, i) => (
                <tr key={i}>
                  <td>{fmt(e.key)}</td>
                  <td>{fmt(e.value)}</td>
                  <td>{e.timestamp !== undefined ? fmtTime(e.timestamp) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
