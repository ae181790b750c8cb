/**
 * On a node card while the timeline is shown: the node's stream time and records out as of the cursor.
 * A box of fixed size on a line of its own (styles.css: .sw-cursor-box), so the text changing on each
 * step never changes the card's size: React Flow does not measure the cards again (nor redraw the
 * edges) while stepping, and the layout stays inside the box. The full text is its title too, for
 * when it is cut.
 */
import type { NodeMoment } from '../../simulator/timeline/types';
import { useApp } from '../../store/store';
import { fmtClock } from '../panels/format';

const WHAT = "as of the timeline's cursor: stream time and records emitted so far";

// Per node state object: the selector below runs on every store update (a drag's frames too), the text is made once.
const texts = new WeakMap<NodeMoment, string>();
function badgeText(m: NodeMoment): string {
  let text = texts.get(m);
  if (text === undefined) texts.set(m, (text = `@ ${fmtClock(m.streamTime)} · ${m.emitted} out${m.dropsHere.length ? ` · ${m.dropsHere.length} dropped now` : ''}`));
  return text;
}

export function CursorBadge({ id }: { id: string }) {
  // One string (compared by value), so a step re-renders only the cards whose figures changed.
  const text = useApp((s) => {
    const m = s.bottomTab === 'timeline' ? s.moment?.nodes[id] : undefined;
    return m ? badgeText(m) : null;
  });
  const dropsNow = useApp((s) => !!s.moment?.nodes[id]?.dropsHere.length);
  if (text === null) return null;
  return (
    <span className={`sw-badge sw-cursor-box ${dropsNow ? 'sw-err' : 'sw-at-cursor'}`} data-testid="cursor-state" title={`${text} (${WHAT})`}>
      {text}
    </span>
  );
}
