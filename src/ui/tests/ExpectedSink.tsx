/** One sink a test case checks: its assertion mode, its expected records (editable as JSON) and, when it fails, the diff. */
import { useState } from 'react';
import { z } from 'zod';
import { parseJsonWithPosition } from '../../model/load';
import { expectedRecordSchema } from '../../model/schema';
import { pinExpected, setExpectMode, unpinExpected } from '../../model/test-case-commands';
import { ASSERTION_MODES, ASSERTION_MODE_LABELS } from '../../model/test-cases';
import type { AssertionMode, ExpectedSinkRecords } from '../../model/types';
import type { TestCaseResult } from '../../simulator/test-run';
import { useApp } from '../../store/store';
import { TestDiff } from './TestDiff';

const recordsSchema = z.array(expectedRecordSchema);

/** The records as JSON, one per line, for the hand editor. */
function recordsText(records: ExpectedSinkRecords['records']): string {
  return records.length ? `[\n${records.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]` : '[]';
}

/** Hand-edited expectations: a JSON array of { key, value, timestamp? }, or why not. */
export function parseExpected(text: string): { ok: true; records: ExpectedSinkRecords['records'] } | { ok: false; message: string } {
  const j = parseJsonWithPosition(text);
  if (!j.ok) return { ok: false, message: `${j.error.line ? `line ${j.error.line}, column ${j.error.column}: ` : ''}${j.error.message}` };
  const r = recordsSchema.safeParse(j.value);
  if (!r.success) return { ok: false, message: `${r.error.issues[0].path.join('.') || 'records'}: ${r.error.issues[0].message}` };
  return { ok: true, records: r.data as ExpectedSinkRecords['records'] };
}

interface Props {
  testId: string;
  topic: string;
  expected: ExpectedSinkRecords;
  verdict: TestCaseResult['sinks'][number] | undefined;
}

export function ExpectedSink({ testId, topic, expected, verdict }: Props) {
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const edit = useApp.getState().edit;
  const apply = () => {
    const r = parseExpected(text ?? '');
    if (!r.ok) return setProblem(r.message);
    edit((d) => pinExpected(d, testId, topic, r.records));
    setText(null);
    setProblem(null);
  };
  return (
    <div data-testid={`expected-${topic}`} style={{ margin: '4px 0 8px 12px' }}>
      <div className="sw-row">
        <strong>{topic}</strong>
        <select aria-label={`How ${topic} is compared`} value={expected.mode} onChange={(e) => edit((d) => setExpectMode(d, testId, topic, e.target.value as AssertionMode))} data-testid="expect-mode">
          {ASSERTION_MODES.map((m) => (
            <option key={m} value={m}>
              {ASSERTION_MODE_LABELS[m]}
            </option>
          ))}
        </select>
        <span className="sw-muted">{expected.records.length} record(s) expected</span>
        {verdict && <span className={`sw-badge ${verdict.pass ? 'sw-count' : 'sw-err'}`}>{verdict.pass ? 'as expected' : 'differs'}</span>}
        <button onClick={() => setText(text === null ? recordsText(expected.records) : null)} data-testid="edit-expected">
          {text === null ? 'Edit expected…' : 'Close editor'}
        </button>
        <button onClick={() => edit((d) => unpinExpected(d, testId, topic))} data-testid="unpin-expected">
          Unpin
        </button>
      </div>
      {text !== null && (
        <div>
          <textarea aria-label={`Expected records of ${topic}`} value={text} onChange={(e) => setText(e.target.value)} rows={Math.min(12, text.split('\n').length + 1)} style={{ width: '100%', fontFamily: 'monospace' }} data-testid="expected-text" spellCheck={false} />
          {problem && (
            <div className="sw-banner sw-error" role="alert" data-testid="expected-error">
              {problem} — not applied.
            </div>
          )}
          <button className="sw-primary" onClick={apply} data-testid="apply-expected">
            Apply
          </button>{' '}
          <span className="sw-muted">A record without a timestamp matches any timestamp.</span>
        </div>
      )}
      {verdict && !verdict.pass && <TestDiff verdict={verdict} />}
    </div>
  );
}
