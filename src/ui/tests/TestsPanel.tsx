/**
 * The Tests tab: every test case of the design with its verdict from the last run (the worker runs
 * them after each preview), what each sink must receive and, for a failing one, the diff. Choosing a
 * case makes the samples panel and the preview show its samples.
 */
import { removeTestCase, renameTestCase } from '../../model/test-case-commands';
import { ownEntry } from '../../model/name-table';
import type { DesignTestCase } from '../../model/types';
import type { TestCaseResult } from '../../simulator/test-run';
import { useApp } from '../../store/store';
import { ExpectedSink } from './ExpectedSink';

const NONE: DesignTestCase[] = [];

export function TestsPanel() {
  const tests = useApp((s) => s.doc.tests ?? NONE);
  const results = useApp((s) => s.result?.tests);
  const running = useApp((s) => s.running);
  if (tests.length === 0) {
    return (
      <p className="sw-muted" data-testid="tests-empty">
        No test case yet. Select a sink node and press <strong>Pin as expected</strong> in the preview: its output (on the samples shown) becomes a test case, run after every edit.
      </p>
    );
  }
  const passed = results ? results.filter((r) => r.pass).length : 0;
  return (
    <div>
      <div className="sw-muted" data-testid="tests-summary" style={{ marginBottom: 6 }}>
        {results === null ? 'The design has errors: the test cases did not run.' : !results ? 'Running…' : `${passed} of ${results.length} test case(s) pass${running ? ' (running again…)' : ''}`}
      </div>
      {tests.map((t) => (
        <TestCaseCard key={t.id} test={t} result={results?.find((r) => r.id === t.id)} />
      ))}
    </div>
  );
}

function TestCaseCard({ test, result }: { test: DesignTestCase; result: TestCaseResult | undefined }) {
  const active = useApp((s) => s.activeTestId === test.id);
  const s = useApp.getState;
  const remove = () => {
    if (active) s().setActiveTest(null);
    s().edit((d) => removeTestCase(d, test.id));
  };
  const status = !result ? 'not run' : result.pass ? 'pass' : 'fail';
  return (
    <section data-testid={`test-case-${test.id}`} data-status={status} aria-label={`Test case ${test.name}`} style={{ borderTop: '1px solid var(--border)', padding: '6px 0' }}>
      <div className="sw-row">
        <span className={`sw-badge ${status === 'pass' ? 'sw-count' : status === 'fail' ? 'sw-err' : ''}`} data-testid="test-status">
          {status === 'pass' ? 'PASS' : status === 'fail' ? 'FAIL' : '—'}
        </span>
        <input aria-label="Test case name" value={test.name} onChange={(e) => s().edit((d) => renameTestCase(d, test.id, e.target.value), `rename-test-${test.id}`)} data-testid="test-name" />
        <span className="sw-muted">{Object.values(test.samples).reduce((n, r) => n + r.length, 0)} sample record(s)</span>
        <button onClick={() => s().setActiveTest(active ? null : test.id)} aria-pressed={active} data-testid="use-test-samples" title="The samples panel and the preview show this case's samples">
          {active ? 'Shown in preview' : 'Show its samples'}
        </button>
        <button onClick={remove} data-testid="delete-test">
          Delete
        </button>
      </div>
      {result?.error && (
        <div className="sw-banner sw-error" role="alert" data-testid="test-error">
          The run failed: {result.error}
        </div>
      )}
      {Object.keys(test.expected).map((topic) => (
        <ExpectedSink key={topic} testId={test.id} topic={topic} expected={ownEntry(test.expected, topic)!} verdict={result?.sinks.find((v) => v.topic === topic)} />
      ))}
    </section>
  );
}
