/** Above the samples editor: whose samples it shows (the design's, or a test case's) and a way to start a new case. */
import { addTestCase } from '../../model/test-case-commands';
import { useApp } from '../../store/store';
import { activeTestOf } from './active-test';

export function SamplesCasePicker() {
  const tests = useApp((s) => s.doc.tests);
  const active = useApp(activeTestOf);
  const newCase = () => {
    const s = useApp.getState();
    let id = '';
    s.edit((d) => {
      const r = addTestCase(d, { samples: activeTestOf(s)?.samples });
      id = r.testId;
      return r.doc;
    });
    s.setActiveTest(id);
  };
  return (
    <div className="sw-row" style={{ marginBottom: 6 }}>
      <label htmlFor="samples-case" className="sw-muted">Samples of</label>
      <select id="samples-case" value={active?.id ?? ''} onChange={(e) => useApp.getState().setActiveTest(e.target.value || null)} data-testid="samples-case">
        <option value="">the design (preview)</option>
        {(tests ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            test case: {t.name || '(no name)'}
          </option>
        ))}
      </select>
      <button onClick={newCase} data-testid="new-test-case" title="A new test case starting from the samples shown">
        New test case
      </button>
      {active && <span className="sw-muted">the preview runs on this case&apos;s samples</span>}
    </div>
  );
}
