/** The last run's records that do not match their sink topic's schema (E_SINK_SCHEMA), with the field path; a click selects the sink. */
import { formatDiagnostic } from '../../model/check';
import { useApp } from '../../store/store';

export function SinkSchemaProblems() {
  const doc = useApp((s) => s.doc);
  const problems = useApp((s) => s.result?.diagnostics)?.filter((d) => d.code === 'E_SINK_SCHEMA') ?? [];
  if (problems.length === 0) return null;
  return (
    <div className="sw-banner sw-error" role="alert" data-testid="sink-schema-problems">
      <div>Records that the deployed app's serializer would refuse (they do not match the sink's schema):</div>
      <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {problems.map((d, i) => (
          <li key={i} data-code={d.code} data-testid="sink-schema-problem">
            <button type="button" className="sw-link" onClick={() => d.nodeId && useApp.getState().select([d.nodeId])}>
              {formatDiagnostic(doc, d)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
