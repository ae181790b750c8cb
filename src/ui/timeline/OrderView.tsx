/**
 * The order-dependence finder in the Timeline tab: replays the samples under K valid arrival
 * orders in the worker (src/simulator/order) and lists the sink records that depend on the order,
 * each with the smallest swap that changes it and the two disagreeing orders replayed side by side.
 */
import { useState } from 'react';
import type { OrderDependentRecord } from '../../simulator/order/order-finder';
import { useApp } from '../../store/store';
import { fmt } from '../panels/format';
import { queryRun } from '../preview/use-live-preview';

export function OrderView({ runId }: { runId: number }) {
  const [orders, setOrders] = useState(50);
  const [seed, setSeed] = useState(1);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const shown = useApp((s) => (s.orders?.runId === runId ? s.orders.report : null));
  const run = async () => {
    setBusy(true);
    const report = await queryRun(runId, { kind: 'orders', orders, seed });
    setBusy(false);
    if (report && useApp.getState().result?.runId === runId) useApp.getState().setOrders({ runId, report });
  };
  return (
    <section className="sw-tl-partitions" aria-label="arrival orders" data-testid="orders-view">
      <div className="sw-tl-controls">
        <label>
          Try <input type="number" min={1} max={500} value={orders} onChange={(e) => setOrders(Math.max(1, Number(e.target.value) || 1))} data-testid="orders-count" aria-label="arrival orders to try" style={{ width: 56 }} /> arrival orders
        </label>
        <label>
          seed <input type="number" min={1} value={seed} onChange={(e) => setSeed(Math.max(1, Number(e.target.value) || 1))} aria-label="seed" style={{ width: 56 }} />
        </label>
        <button onClick={() => void run()} disabled={busy} aria-busy={busy} data-testid="orders-run">
          Check order dependence
        </button>
        {shown && (
          <span data-testid="orders-summary" data-dependent={shown.dependent.length} className={shown.dependent.length ? undefined : 'sw-muted'}>
            {shown.ok ? `${shown.tried} orders tried${shown.stoppedEarly ? ' (stopped at the time limit)' : ''}, ${shown.swapsTried} of ${shown.swapsTotal} single swaps: ` : shown.error}
            {shown.ok && (shown.dependent.length ? `${shown.dependent.length} sink record(s) depend on the arrival order` : 'no sink record depends on the arrival order')}
          </span>
        )}
      </div>
      {shown?.dependent.slice(0, 50).map((d, i) => (
        <div key={i} data-testid="order-dependent">
          <button className="sw-link" onClick={() => setOpen(open === i ? null : i)} aria-expanded={open === i}>
            <b>{d.topic}</b>: {fmt(d.key)} → {fmt(d.value)}
          </button>
          {d.swap ? <span className="sw-muted" data-testid="order-swap"> · appears or vanishes when {d.swap[0]} and {d.swap[1]} swap</span> : <span className="sw-muted"> · no single swap changes it alone</span>}
          {open === i && <Replay d={d} />}
        </div>
      ))}
    </section>
  );
}

/** The two disagreeing orders side by side: inputs as processed, and what the sink received. */
function Replay({ d }: { d: OrderDependentRecord }) {
  const side = (title: string, order: string[], out: OrderDependentRecord['presentOutput']) => (
    <div style={{ flex: 1, minWidth: 0 }}>
      <div className="sw-muted">{title}</div>
      <div style={{ wordBreak: 'break-word' }}>{order.join(' → ')}</div>
      <table className="sw-records">
        <tbody>
          {out.map((r, i) => (
            <tr key={i}>
              <td>{fmt(r.key)}</td>
              <td>{fmt(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div style={{ display: 'flex', gap: 12 }} data-testid="order-replay">
      {side('with the record', d.presentIn, d.presentOutput)}
      {side('without it', d.absentIn, d.absentOutput)}
    </div>
  );
}
