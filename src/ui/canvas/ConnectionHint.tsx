/**
 * While a connection is dragged over a handle: next to the pointer, whether that handle accepts it
 * and, if not, why and the fix offered on release. React Flow colours the handle itself (styles.css).
 */
import { useConnection } from '@xyflow/react';
import { edgeBetween, verdictFor } from './connection-check';

export function ConnectionHint() {
  const c = useConnection();
  if (!c.inProgress || !c.toHandle) return null;
  const edge = edgeBetween(c.fromHandle, c.toHandle);
  if (!edge) return null;
  const { refusal, fix } = verdictFor(edge);
  return (
    <div className={`sw-connection-hint ${refusal ? 'sw-refused' : 'sw-accepted'}`} style={{ left: c.pointer.x + 16, top: c.pointer.y + 16 }} role="status" data-testid="connection-hint" data-valid={String(!refusal)}>
      {refusal ? (
        <>
          <strong>Cannot connect:</strong> {refusal.reason}
          {fix && <div className="sw-hint-fix">{fix.explanation}: release to {fix.action}</div>}
        </>
      ) : (
        'Release to connect'
      )}
    </div>
  );
}
