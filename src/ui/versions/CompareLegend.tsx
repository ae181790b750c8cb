/**
 * While a version compare is shown on the canvas: what was compared, the nodes the canvas cannot
 * mark (removed ones), and a button that clears the marks.
 */
import { Panel } from '@xyflow/react';
import { openCompare } from '../../store/compare-slice';
import { useApp } from '../../store/store';

export function CompareLegend() {
  const compare = useApp(openCompare);
  if (!compare) return null;
  return (
    <Panel position="top-left" className="sw-diff-legend" data-testid="diff-legend">
      <div>
        Compared {compare.label}: <span className="sw-muted">marked cards changed</span>{' '}
        <button className="sw-small" onClick={() => useApp.getState().setCompare(null)} data-testid="clear-compare">
          Clear
        </button>
      </div>
      {compare.offCanvas.length > 0 && (
        <ul data-testid="diff-off-canvas" style={{ margin: '2px 0 0', paddingLeft: 18 }}>
          {compare.offCanvas.map((n) => (
            <li key={n.nodeId} data-change={n.change}>
              {n.change} {n.kind} &quot;{n.name}&quot;
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
