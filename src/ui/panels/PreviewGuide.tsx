/**
 * What the preview says when there is nothing selected to show: the next step, with the one click
 * that takes it (open an example, add an example record, select a node), and the sink topics.
 */
import { addExampleSamples, sourceTopics } from '../../model/commands';
import { useApp } from '../../store/store';

export function PreviewGuide({ sinkCounts }: { sinkCounts: Record<string, number> }) {
  const empty = useApp((s) => s.doc.nodes.length === 0);
  const noSamples = useApp((s) => {
    const topics = sourceTopics(s.doc);
    return topics.length > 0 && topics.every((t) => !s.doc.samples[t]?.length);
  });
  if (empty) {
    return (
      <div className="sw-guide" data-testid="preview-guide">
        <p>Nothing to preview yet. Drag an operator from the palette onto the canvas (a <strong>stream</strong> source first), or start from a working design:</p>
        <button className="sw-primary" onClick={() => useApp.getState().setDialog('examples')} data-testid="guide-open-examples">
          Open an example
        </button>
      </div>
    );
  }
  if (noSamples) {
    return (
      <div className="sw-guide" data-testid="preview-guide">
        <p>No sample records: the preview runs your design over the records you give each source topic.</p>
        <button className="sw-primary" onClick={() => useApp.getState().edit((d) => addExampleSamples(d))} data-testid="add-example-samples">
          Add an example record to each source
        </button>{' '}
        <button onClick={() => useApp.getState().setBottomTab('samples')}>Edit samples…</button>
      </div>
    );
  }
  return (
    <div className="sw-guide" data-testid="preview-guide">
      <p className="sw-muted">Click a node on the canvas to see the records it takes in and emits; click an output record to see where it came from.</p>
      {Object.entries(sinkCounts).map(([t, count]) => (
        <div key={t} className="sw-muted">
          Sink topic {t}: {count} record(s)
        </div>
      ))}
    </div>
  );
}
