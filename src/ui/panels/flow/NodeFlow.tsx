/**
 * A node's data flow, side by side: the records that reached it and the records it emitted. An
 * output row is linked to the records it was made from (hover or click: they light up; for an
 * aggregate, every record of its key and window so far), and the fields the node changed are
 * marked. Input records of a source can be edited in place.
 */
import { useMemo, useState } from 'react';
import type { NodeDetail, TracedRecord } from '../../../simulator/types';
import { useApp } from '../../../store/store';
import { showLineage } from '../../preview/use-live-preview';
import { windowKindOf, type WindowKind } from '../../../model/window-kind';
import { fmt, fmtWindow, keyOnly } from '../format';
import { TimeCell } from '../TimeCell';
import { changesBetween, type Changes } from './changed';
import { EditButton } from './InputRecords';
import { SampleRowEditor } from './SampleRowEditor';
import { ValueText } from './ValueText';

export function NodeFlow({ detail }: { detail: NodeDetail }) {
  const selected = useApp((s) => s.lineage?.recordId ?? null);
  const names = useApp((s) => s.doc.nodes);
  const windowKind = useApp((s) => windowKindOf(s.doc, detail.nodeId)) ?? 'time';
  const [hover, setHover] = useState<string | null>(null);
  const focus = hover ?? selected;
  const linked = useMemo(() => new Set(focus ? (detail.from[focus] ?? []) : []), [detail, focus]);
  const byId = useMemo(() => new Map(detail.inputs.map((r) => [r.id, r])), [detail]);
  // A window column only for a node that emits windowed records (an empty column reads as missing data).
  const windowed = detail.emitted.some((r) => r.window);
  const nodeName = (recordId: string) => {
    const from = recordId.slice(0, recordId.lastIndexOf('#'));
    return names.find((n) => n.id === from)?.name ?? from;
  };
  return (
    <div className="sw-flow" data-testid="node-flow">
      <section>
        <div className="sw-muted">In: {detail.inputs.length} record(s) reached this node</div>
        <InTable records={detail.inputs} linked={linked} nodeName={nodeName} />
      </section>
      <section>
        <div className="sw-muted">Out: hover or click a record to see what it was made from</div>
        <table className="sw-records" data-testid="output-table">
          <thead>
            <tr>
              <th>#</th>
              <th>key</th>
              <th>value</th>
              <th>timestamp</th>
              {windowed && <th>window</th>}
            </tr>
          </thead>
          <tbody onMouseLeave={() => setHover(null)}>
            {detail.emitted.map((rec, i) => (
              <OutRow key={rec.id} rec={rec} n={i + 1} windowKind={windowed ? windowKind : null} selected={selected === rec.id} changes={detail.rule === 'cause' ? changesOf(rec, detail.from[rec.id], byId) : undefined} onHover={setHover} />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** Changes against the one record an output was made from (only for one-in, records-out nodes: an aggregate's value is not an edit of its input). */
function changesOf(rec: TracedRecord, from: string[] | undefined, byId: Map<string, TracedRecord>): Changes | undefined {
  if (!from || from.length !== 1) return undefined;
  const before = byId.get(from[0]);
  return before ? changesBetween({ key: keyOnly(before.key), value: before.value }, { key: keyOnly(rec.key), value: rec.value }) : undefined;
}

function WindowCell({ window: w, kind }: { window?: { start: number; end: number }; kind: WindowKind }) {
  if (!w) return <td />;
  const { text, title } = fmtWindow(w, kind);
  return (
    <td className="sw-window" title={title} data-testid="window-cell">
      {text}
    </td>
  );
}

function OutRow({ rec, n, selected, changes, onHover, windowKind }: { rec: TracedRecord; n: number; selected: boolean; changes?: Changes; onHover: (id: string | null) => void; windowKind: WindowKind | null }) {
  return (
    <tr className={`sw-clickable ${selected ? 'sw-lineage' : ''}`} onClick={() => showLineage(rec.id)} onMouseEnter={() => onHover(rec.id)} data-testid="output-row">
      <td>{n}</td>
      <td>{changes?.key ? <mark className="sw-changed">{fmt(keyOnly(rec.key))}</mark> : fmt(keyOnly(rec.key))}</td>
      <td>
        <ValueText value={rec.value} changes={changes?.value} />
      </td>
      <TimeCell ts={rec.timestamp} />
      {windowKind && <WindowCell window={rec.window} kind={windowKind} />}
    </tr>
  );
}

function InTable({ records, linked, nodeName }: { records: TracedRecord[]; linked: Set<string>; nodeName: (id: string) => string }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <table className="sw-records" data-testid="input-table">
      <thead>
        <tr>
          <th>from</th>
          <th>key</th>
          <th>value</th>
          <th>timestamp</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {records.map((r) => {
          const isInput = r.seq === undefined;
          if (editing === r.id) return <SampleRowEditor key={r.id} inputId={r.id} record={r} colSpan={5} onDone={() => setEditing(null)} />;
          return (
            <tr key={r.id} className={linked.has(r.id) ? 'sw-linked' : ''} data-testid="input-row" data-linked={linked.has(r.id)}>
              <td>{isInput ? r.id : nodeName(r.id)}</td>
              <td>{fmt(keyOnly(r.key))}</td>
              <td>{fmt(r.value)}</td>
              <TimeCell ts={r.timestamp} />
              <td>{isInput && <EditButton id={r.id} onClick={() => setEditing(r.id)} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
