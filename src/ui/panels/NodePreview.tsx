/**
 * One node in the preview: its run error or not-data warning, what it emitted, its records in and
 * out side by side (flow/NodeFlow), every input behind a clicked record (lineage through state), the
 * inputs it dropped and its state stores.
 */
import { ownEntry } from '../../model/name-table';
import type { NodeDetail, PreviewResult } from '../../simulator/types';
import { useApp } from '../../store/store';
import { PinAsExpected } from '../tests/PinAsExpected';
import { InputRecords } from './flow/InputRecords';
import { NodeFlow } from './flow/NodeFlow';
import { fmt, fmtTime } from './format';
import { TimeCell } from './TimeCell';
import { Punctuations, WallClockControl } from './Punctuations';

export function NodePreview({ result, nodeId, name, detail }: { result: PreviewResult; nodeId: string; name: string; detail: NodeDetail | null }) {
  const lineage = useApp((s) => s.lineage);
  const r = ownEntry(result.nodes, nodeId);
  const emitted = detail?.emitted ?? [];
  const inputs = lineage?.inputs ?? [];
  const kind = useApp((s) => s.doc.nodes.find((n) => n.id === nodeId)?.kind);
  const isProcessor = kind === 'process' || kind === 'processValues';
  return (
    <>
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
        <strong style={{ color: 'var(--text)' }}>{name}</strong> emitted {r?.emittedCount ?? 0} record(s){r && r.dropped > 0 ? `, dropped ${r.dropped} late/invalid record(s)` : ''}
        {r && detail && emitted.length < r.emittedCount ? ` (showing the first ${emitted.length})` : ''}
        <PinAsExpected nodeId={nodeId} />
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
      {(detail?.stores ?? []).map((store) => (
        <StoreTable key={store.name} {...store} />
      ))}
      {isProcessor && <WallClockControl />}
      {detail?.punctuations && <Punctuations runs={detail.punctuations} />}
    </>
  );
}

function StoreTable({ name, size, entries }: NodeDetail['stores'][number]) {
  return (
    <div style={{ marginTop: 8 }} data-testid={`store-${name}`}>
      <div className="sw-muted">
        State store {name} ({size} entries)
      </div>
      <table className="sw-records">
        <tbody>
          {entries.map((e, i) => (
            <tr key={i}>
              <td>{fmt(e.key)}</td>
              <td>{fmt(e.value)}</td>
              <TimeCell ts={e.timestamp} />
              {e.history ? <VersionHistory history={e.history} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A versioned store's older versions of a key, newest first (tombstone versions shown as null). */
function VersionHistory({ history }: { history: NonNullable<NodeDetail['stores'][number]['entries'][number]['history']> }) {
  return (
    <td className="sw-muted" data-testid="store-history" title="older versions (history), newest first">
      history: {history.map((h) => `${fmt(h.value)} @ ${fmtTime(h.timestamp).text}`).join(', ')}
    </td>
  );
}
