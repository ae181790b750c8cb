/** On the Tests tab: how many test cases passed in the last run (red when one failed). */
import { useApp } from '../../store/store';

export function TestsBadge() {
  const summary = useApp((s) => {
    const r = s.result?.tests;
    return r && r.length ? `${r.filter((x) => x.pass).length}/${r.length}` : null;
  });
  if (!summary) return null;
  const [passed, total] = summary.split('/');
  return (
    <span className={`sw-badge ${passed === total ? 'sw-count' : 'sw-err'}`} style={{ marginLeft: 4 }} data-testid="tests-badge" aria-label={`${passed} of ${total} test cases pass`}>
      {summary}
    </span>
  );
}
