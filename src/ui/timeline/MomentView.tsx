/**
 * Every node's state as of the cursor's input record: a row per node (stream time, emitted so far,
 * dropped, store sizes; a click selects it) and, for the node shown, its windows, suppress buffer,
 * stores, drops with their rule and last records (a record's button moves the cursor to the input
 * that made it).
 */
import type { Moment, NodeMoment } from '../../simulator/timeline/types';
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
          return (
            <tr key={n.id} data-testid={`timeline-node-${n.name}`} className={n.id === shownId ? 'sw-current' : undefined} onClick={() => useApp.getState().select([n.id])}>
              <td>{n.name}</td>
              <td data-testid="timeline-stream-time">{fmtClock(m.streamTime)}</td>
              <td data-testid="timeline-emitted">{m.emitted}</td>
              <td className={m.dropsHere.length ? 'sw-tl-drop-now' : undefined}>{m.dropped}{m.dropsHere.length ? ' (now)' : ''}</td>
              <td>{m.stores.map((s) => `${s.size}`).join(' / ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function NodeMomentDetail({ name, m }: { name: string; m: NodeMoment }) {
  return (
    <div className="sw-tl-detail" data-testid="timeline-node-detail">
      <h4>{name} at this record</h4>
      {m.dropsHere.map((d, i) => (
        <div key={i} className="sw-banner sw-warn" data-testid="timeline-drop" data-code={d.reason?.code}>
          dropped {d.inputId}: {dropText(d.reason)}
        </div>
      ))}
      {m.windows && m.windows.length > 0 && (
        <ul className="sw-tl-list" aria-label="windows">
          {m.windows.map((w) => (
            <li key={`${fmt(w.key)}-${w.start}-${w.end}`} data-testid="timeline-window" data-status={w.status}>
              <span className={`sw-tl-status sw-tl-${w.status}`}>{w.status === 'grace' ? 'in grace' : w.status}</span> {fmt(w.key)} [{fmtClock(w.start)}, {fmtClock(w.end)}) = {fmt(w.value)}
            </li>
          ))}
        </ul>
      )}
      {m.buffer && (
        <ul className="sw-tl-list" aria-label="suppress buffer">
          {m.buffer.length === 0 && <li className="sw-muted">buffer empty</li>}
          {m.buffer.map((b, i) => (
            <li key={i} data-testid="timeline-buffer-entry">
              held {fmt(b.key)} = {fmt(b.value)}; due when stream time reaches {fmtClock(b.dueAt)}; {b.emittedAt === null ? 'not emitted within these samples' : `emitted at input #${b.emittedAt + 1}`}
            </li>
          ))}
        </ul>
      )}
      {m.stores.map((s) => (
        <details key={s.name} open={s.size <= 20}>
          <summary>store {s.name}: {s.size} entries</summary>
          <ul className="sw-tl-list">
            {s.entries.slice(0, 20).map((e, i) => (
              <li key={i}>{fmt(e.key)} → {fmt(e.value)}{e.timestamp !== undefined ? ` @ ${fmtClock(e.timestamp)}` : ''}</li>
            ))}
          </ul>
        </details>
      ))}
      {m.recentDrops.length > 0 && (
        <p className="sw-muted">
          drops so far: {m.recentDrops.map((d) => `#${d.position + 1} ${dropText(d.reason)}`).join('; ')}
        </p>
      )}
      <ul className="sw-tl-list" aria-label="last records emitted">
        {m.last.map((r) => (
          <li key={r.id}>
            <button className="sw-link" data-testid="timeline-last-record" onClick={() => useApp.getState().setCursor(r.position)} title={`made while processing input #${r.position + 1}: go there`}>{r.id}</button> {fmt(r.key)} → {fmt(r.value)} @ {fmtClock(r.timestamp)}
          </li>
        ))}
      </ul>
    </div>
  );
}
