/** A failing sink of a test case: the records expected and not produced (-), produced and not expected (+), and keys whose record changed (~). */
import { ASSERTION_MODE_LABELS } from '../../model/test-cases';
import type { TestCaseResult } from '../../simulator/test-run';
import { fmt, fmtTime } from '../panels/format';

type Verdict = TestCaseResult['sinks'][number];
type Row = Verdict['rows'][number];

const SIGN: Record<Exclude<Row['op'], 'same'>, string> = { missing: '−', unexpected: '+', changed: '~' };
const WHAT: Record<Exclude<Row['op'], 'same'>, string> = { missing: 'expected, not produced', unexpected: 'produced, not expected', changed: 'expected / got' };

function ts(t: number | undefined): string {
  return t === undefined ? 'any time' : fmtTime(t).text;
}

export function TestDiff({ verdict }: { verdict: Verdict }) {
  const rows = verdict.rows.filter((r): r is Exclude<Row, { op: 'same' }> => r.op !== 'same');
  const same = verdict.rows.length - rows.length;
  return (
    <div data-testid={`test-diff-${verdict.topic}`} style={{ marginTop: 4 }}>
      <div className="sw-muted">
        {verdict.topic} ({ASSERTION_MODE_LABELS[verdict.mode]}): {rows.length} difference(s), {same} record(s) as expected, {verdict.actualCount} produced
      </div>
      <table className="sw-records">
        <thead>
          <tr>
            <th />
            <th>what</th>
            <th>key</th>
            <th>value</th>
            <th>timestamp</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid="test-diff-row" data-op={r.op}>
              <td aria-label={r.op}>{SIGN[r.op]}</td>
              <td className="sw-muted">{WHAT[r.op]}</td>
              {r.op === 'changed' ? (
                <>
                  <td>{fmt(r.expected.key)}</td>
                  <td>
                    <del>{fmt(r.expected.value)}</del> → <mark className="sw-changed">{fmt(r.actual.value)}</mark>
                  </td>
                  <td>{r.expected.timestamp === undefined || r.expected.timestamp === r.actual.timestamp ? ts(r.actual.timestamp) : `${ts(r.expected.timestamp)} → ${ts(r.actual.timestamp)}`}</td>
                </>
              ) : (
                <>
                  <td>{fmt(r.op === 'missing' ? r.expected.key : r.actual.key)}</td>
                  <td>{fmt(r.op === 'missing' ? r.expected.value : r.actual.value)}</td>
                  <td>{ts(r.op === 'missing' ? r.expected.timestamp : r.actual.timestamp)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
