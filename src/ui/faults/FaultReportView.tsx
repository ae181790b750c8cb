/** Per sink: what a run under faults changed against the fault-free run, and the faults that cause each difference. */
import type { FaultAnswers } from '../../simulator/faults/view';
import { faultText, type SinkDifference } from '../../simulator/faults/types';
import { fmt } from '../panels/format';

const KIND_TEXT: Record<SinkDifference['kind'], string> = {
  lost: 'lost',
  duplicated: 'duplicated',
  changed: 'changed',
  added: 'added',
  reordered: 'reordered',
};

export function FaultReportView({ report }: { report: FaultAnswers['faults'] }) {
  if (!report.ok) return <div className="sw-banner sw-error" data-testid="faults-error">{report.error}</div>;
  return (
    <section aria-label="differences under faults" data-testid="faults-report">
      {report.unattributed && (
        <p className="sw-banner sw-warn" data-testid="faults-unattributed">
          The time limit came before {report.unattributed.map(faultText).join(', ')} could run alone: differences no other fault explains name them as possible causes.
        </p>
      )}
      {report.restarts.map((r, i) => (
        <p key={i} className="sw-muted" data-testid="faults-restart">
          crash after {r.at}: restarted from {r.from ?? 'the beginning'} ({r.replayed} input record{r.replayed === 1 ? '' : 's'} processed again)
        </p>
      ))}
      {report.sinks.map((s) => (
        <div key={s.topic}>
          <p data-testid="faults-sink" data-topic={s.topic} data-differences={report.differenceCounts[s.topic] ?? 0}>
            <b>{s.topic}</b>: {s.faultFree} records fault-free, {s.faulty} under faults —{' '}
            {s.differences.length === 0 ? 'no difference' : summary(s.differences)}
          </p>
          {s.differences.length > 0 && (
            <table className="sw-records">
              <thead>
                <tr><th>difference</th><th>key</th><th>fault-free</th><th>under faults</th><th>caused by</th></tr>
              </thead>
              <tbody>
                {s.differences.slice(0, 200).map((d, i) => (
                  <tr key={i} data-testid="fault-difference" data-kind={d.kind}>
                    <td>{KIND_TEXT[d.kind]}{d.count > 1 ? ` ×${d.count}` : ''}</td>
                    <td>{fmt(d.key)}</td>
                    <td>{d.kind === 'added' ? '' : fmt(d.record.value)}</td>
                    <td>{d.kind === 'lost' ? '—' : d.to ? fmt(d.to.value) : d.kind === 'reordered' ? `${fmt(d.record.value)} out of place` : fmt(d.record.value)}</td>
                    <td data-testid="fault-cause">{d.together ? 'together: ' : ''}{d.causes.map(faultText).join(' + ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}

function summary(ds: SinkDifference[]): string {
  const n = new Map<string, number>();
  for (const d of ds) n.set(d.kind, (n.get(d.kind) ?? 0) + d.count);
  return [...n].map(([k, c]) => `${c} ${k}`).join(', ');
}
