/**
 * Every node's state as of the cursor's input record: a row per node (stream time, emitted so far,
 * dropped, store sizes; a click selects it) and, for the node shown, its windows, suppress buffer,
 * stores, drops with their rule and last records (a record's button moves the cursor to the input
 * that made it).
 */
import { memo } from 'react';
import type { Moment, NodeMoment, WindowState } from '../../simulator/timeline/types';
import type { DesignNode } from '../../model/types';
import { useApp } from '../../store/store';
import { fmt, fmtClock } from '../panels/format';
import { dropText } from './drop-text';

export function MomentTable({ moment, nodes, shownId }: { moment: Moment; nodes: DesignNode[]; shownId: string | null }) {
  return (
    <table className="sw-records sw-tl-nodes" data-testid="timeline-nodes">
      <thead>
        <tr><th>node</th><th>stream time</th><th>out so far</th><th>dropped</th><th>stores</th></tr>
      </thead>
      <tbody>
        {nodes.map((n) => {
          const m = moment.nodes[n.id];
          if (!m) return null;
          const stores = m.stores.map((s) => `${s.size}`).join(' / ');
          return <MomentRow key={n.id} id={n.id} name={n.name} streamTime={fmtClock(m.streamTime)} emitted={m.emitted} dropped={m.dropped} dropsNow={m.dropsHere.length > 0} stores={stores} current={n.id === shownId} />;
        })}
      </tbody>
    </table>
  );
}

/** A node's row, from primitives: a step re-renders only the rows whose figures changed. */
const MomentRow = memo(function MomentRow(p: { id: string; name: string; streamTime: string; emitted: number; dropped: number; dropsNow: boolean; stores: string; current: boolean }) {
  return (
    <tr data-testid={`timeline-node-${p.name}`} className={p.current ? 'sw-current' : undefined} onClick={() => useApp.getState().select([p.id])}>
      <td>{p.name}</td>
      <td data-testid="timeline-stream-time">{p.streamTime}</td>
      <td data-testid="timeline-emitted">{p.emitted}</td>
      <td className={p.dropsNow ? 'sw-tl-drop-now' : undefined}>{p.dropsNow ? `${p.dropped} (now)` : p.dropped}</td>
      <td>{p.stores}</td>
    </tr>
  );
});

export function NodeMomentDetail({ name, m }: { name: string; m: NodeMoment }) {
  return (
    <div className="sw-tl-detail" data-testid="timeline-node-detail">
      <h4>{`${name} at this record`}</h4>
      {m.dropsHere.map((d, i) => (
        <div key={i} className="sw-banner sw-warn" data-testid="timeline-drop" data-code={d.reason?.code}>
          {`dropped ${d.inputId}: ${dropText(d.reason)}`}
        </div>
      ))}
      {m.windows && m.windows.length > 0 && (
        <ul className="sw-tl-list" aria-label="windows">
          {/* Keyed by place, not by window: a jump rewrites the items' text instead of replacing them. */}
          {m.windows.map((w, i) => <WindowItem key={i} status={w.status} text={windowText(w)} />)}
        </ul>
      )}
      {m.buffer && (
        <ul className="sw-tl-list" aria-label="suppress buffer">
          {m.buffer.length === 0 && <li className="sw-muted">buffer empty</li>}
          {m.buffer.map((b, i) => (
            <li key={i} data-testid="timeline-buffer-entry">
              {`held ${fmt(b.key)} = ${fmt(b.value)}; due when stream time reaches ${fmtClock(b.dueAt)}; ${b.emittedAt === null ? 'not emitted within these samples' : `emitted at input #${b.emittedAt + 1}`}`}
            </li>
          ))}
        </ul>
      )}
      {m.stores.map((s) => (
        <details key={s.name} open={s.size <= 20}>
          <summary>{`store ${s.name}: ${s.size} entries`}</summary>
          <ul className="sw-tl-list">
            {s.entries.slice(0, 20).map((e, i) => (
              <li key={i}>{`${fmt(e.key)} → ${fmt(e.value)}${e.timestamp !== undefined ? ` @ ${fmtClock(e.timestamp)}` : ''}`}</li>
            ))}
          </ul>
        </details>
      ))}
      {m.recentDrops.length > 0 && (
        <p className="sw-muted">
          {`drops so far: ${m.recentDrops.map((d) => `#${d.position + 1} ${dropText(d.reason)}`).join('; ')}`}
        </p>
      )}
      <ul className="sw-tl-list" aria-label="last records emitted">
        {m.last.map((r, i) => <LastRecord key={i} id={r.id} position={r.position} text={` ${fmt(r.key)} → ${fmt(r.value)} @ ${fmtClock(r.timestamp)}`} />)}
      </ul>
    </div>
  );
}

// The items below are one text node each where they can be (fewer layout objects to lay out per step)
// and take primitives, so an item whose text did not change is not rendered again.

function windowText(w: WindowState): string {
  return ` ${fmt(w.key)} [${fmtClock(w.start)}, ${fmtClock(w.end)}) = ${fmt(w.value)}`;
}

const WindowItem = memo(function WindowItem({ status, text }: { status: WindowState['status']; text: string }) {
  return (
    <li data-testid="timeline-window" data-status={status}>
      <span className={`sw-tl-status sw-tl-${status}`}>{status === 'grace' ? 'in grace' : status}</span>
      {text}
    </li>
  );
});

const LastRecord = memo(function LastRecord({ id, position, text }: { id: string; position: number; text: string }) {
  return (
    <li>
      <button className="sw-link" data-testid="timeline-last-record" onClick={() => useApp.getState().setCursor(position)} title={`made while processing input #${position + 1}: go there`}>{id}</button>
      {text}
    </li>
  );
});
