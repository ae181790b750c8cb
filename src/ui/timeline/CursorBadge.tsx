/** On a node card while the timeline is shown: the node's stream time and records out as of the cursor. */
import { useApp } from '../../store/store';
import { fmtClock } from '../panels/format';

export function CursorBadge({ id }: { id: string }) {
  const shown = useApp((s) => s.bottomTab === 'timeline' && !!s.moment?.nodes[id]);
  const emitted = useApp((s) => s.moment?.nodes[id]?.emitted ?? 0);
  const streamTime = useApp((s) => s.moment?.nodes[id]?.streamTime ?? null);
  const dropsNow = useApp((s) => s.moment?.nodes[id]?.dropsHere.length ?? 0);
  if (!shown) return null;
  return (
    <span className={`sw-badge ${dropsNow ? 'sw-err' : 'sw-at-cursor'}`} data-testid="cursor-state" title="as of the timeline's cursor: stream time and records emitted so far">
      @ {fmtClock(streamTime)} · {emitted} out{dropsNow ? ` · ${dropsNow} dropped now` : ''}
    </span>
  );
}
