/**
 * The checker's errors, listed where the preview would be: a design with errors is not run (the
 * worker asks the same checker), so this says why and where. Clicking a problem selects its node.
 * The last run's E_TOPOLOGY errors (the engine refused a node the checker passed) are listed too.
 */
import { formatDiagnostic } from '../../model/check';
import { useApp } from '../../store/store';
import { useAnalysis } from '../use-analysis';

export function DesignProblems() {
  const doc = useApp((s) => s.doc);
  const { diagnostics } = useAnalysis();
  const refused = useApp((s) => s.result?.diagnostics);
  const errors = [...diagnostics, ...(refused ?? []).filter((d) => d.code === 'E_TOPOLOGY')].filter((d) => d.severity === 'error');
  if (errors.length === 0) return null;
  return (
    <div className="sw-banner sw-error" role="alert" data-testid="preview-diagnostics">
      <div>
        The preview does not run while the design has {errors.length} error{errors.length > 1 ? 's' : ''}:
      </div>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {errors.map((d, i) => (
          <li key={i} data-code={d.code} data-node-id={d.nodeId} data-testid="preview-diagnostic">
            {d.nodeId ? (
              <button type="button" className="sw-link" onClick={() => useApp.getState().select([d.nodeId!])}>
                {formatDiagnostic(doc, d)}
              </button>
            ) : (
              formatDiagnostic(doc, d)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
