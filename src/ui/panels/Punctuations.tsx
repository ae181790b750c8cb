/**
 * A processor node's punctuations in the preview: which callback ran, when (stream time after which
 * input, or the wall clock), and what it forwarded; and the control that moves the preview's mock
 * wall clock (per record, with record time, after the samples), which runs WALL_CLOCK_TIME punctuators.
 */
import type { PunctuationRun } from '../../simulator/types';
import { useApp } from '../../store/store';
import { fmt, fmtTime } from './format';

export function WallClockControl() {
  const clock = useApp((s) => s.wallClock);
  const set = useApp((s) => s.setWallClock);
  const row = { display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' } as const;
  return (
    <div className="sw-muted" style={{ margin: '6px 0', display: 'grid', gap: 4 }} data-testid="wall-clock">
      <div style={row}>
        <span>Wall clock (starts at 0):</span>
        <label htmlFor="wall-clock-per-record">after each record +</label>
        <input id="wall-clock-per-record" data-testid="wall-clock-per-record" type="number" min={0} step={1000} style={{ width: 90 }} value={clock.perRecordMs} onChange={(e) => set({ perRecordMs: Number(e.target.value) })} />
        ms
        <label>
          <input type="checkbox" data-testid="wall-clock-follow" checked={clock.followEventTime} onChange={(e) => set({ followEventTime: e.target.checked })} /> follows record time
        </label>
      </div>
      <div style={row}>
        <label htmlFor="wall-clock-advance">after the samples +</label>
        <input id="wall-clock-advance" type="number" min={0} step={1000} style={{ width: 110 }} value={clock.advanceMs} onChange={(e) => set({ advanceMs: Number(e.target.value) })} />
        ms
        <button type="button" onClick={() => set({ advanceMs: clock.advanceMs + 60_000 })} data-testid="wall-clock-plus">
          +1 min
        </button>
      </div>
    </div>
  );
}

export function Punctuations({ runs }: { runs: PunctuationRun[] }) {
  return (
    <div style={{ marginTop: 8 }} data-testid="punctuations">
      <div className="sw-muted">Punctuations that ran ({runs.length})</div>
      <table className="sw-records">
        <thead>
          <tr>
            <th>when</th>
            <th>callback</th>
            <th>forwarded</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((p, i) => (
            <tr key={i} data-testid="punctuation">
              <td>
                {p.type === 'STREAM_TIME' ? 'stream time' : 'wall clock'} {fmtTime(p.timestamp).text}
                {p.afterInputId ? ` (after ${p.afterInputId})` : ''}
              </td>
              <td>
                {p.callback} every {p.intervalMs} ms
              </td>
              <td>
                {p.forwardedCount === 0 ? 'nothing' : p.forwarded.map((r) => `${fmt(r.key)} → ${fmt(r.value)}`).join(', ')}
                {p.forwardedCount > p.forwarded.length ? ` … (${p.forwardedCount} in all)` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
