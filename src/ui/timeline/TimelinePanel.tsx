/**
 * The Timeline tab: the event-time scrubber. Controls (step back/forward, play, a slider over the
 * input records in processing order; keyboard: left/right, shift for 10, Home/End), the lanes, the
 * input record at the cursor and every node's state there. The run behind it is recorded only
 * while this tab is shown (use-live-preview.ts).
 *
 * A step is two store updates: the cursor (at once) and the moment (when the worker answers). Each
 * part subscribes only to what it shows, so the cursor re-renders the controls alone and the moment
 * the state below them; the position the controls report (data-position) and the state it names come
 * from the same moment, so they reach the screen in the same commit.
 */
import { memo } from 'react';
import type { TimelineOverview } from '../../simulator/timeline/types';
import { useApp } from '../../store/store';
import { fmt, fmtClock } from '../panels/format';
import { MomentTable, NodeMomentDetail } from './MomentView';
import { OrderView } from './OrderView';
import { PartitionsView } from './PartitionsView';
import { TimelineLanes } from './TimelineLanes';
import { useTimelineSync } from './use-timeline';

const NO_WINDOWS: never[] = [];

export function TimelinePanel() {
  useTimelineSync();
  const timeline = useApp((s) => s.timeline);
  const result = useApp((s) => s.result);
  if (!result) return <p className="sw-muted">The timeline shows the preview's run once it has one.</p>;
  if (!timeline || timeline.runId !== result.runId) return <p className="sw-muted" data-testid="timeline-waiting">Recording the run for the timeline…</p>;
  if (timeline.processed === 0) return <p className="sw-muted" data-testid="timeline-empty">No input records: add samples to a source topic.</p>;
  const onKey = (e: React.KeyboardEvent) => {
    const { cursor, setCursor } = useApp.getState();
    const step = e.shiftKey ? 10 : 1;
    const to = e.key === 'ArrowLeft' ? cursor - step : e.key === 'ArrowRight' ? cursor + step : e.key === 'Home' ? 0 : e.key === 'End' ? timeline.processed - 1 : null;
    if (to === null || (e.target as HTMLElement).tagName === 'INPUT') return;
    e.preventDefault();
    e.stopPropagation();
    setCursor(to);
  };
  return (
    <div className="sw-timeline" data-testid="timeline-panel" tabIndex={0} onKeyDown={onKey} aria-label="event-time timeline: left and right arrows step through the input records">
      <TimelineControls timeline={timeline} />
      <MomentSection timeline={timeline} />
      <PartitionsView runId={timeline.runId} />
      <OrderView runId={timeline.runId} />
    </div>
  );
}

/** Step buttons, play, the slider, the position and what the recorded history holds. */
const TimelineControls = memo(function TimelineControls({ timeline }: { timeline: TimelineOverview }) {
  const cursor = useApp((s) => s.cursor);
  const playing = useApp((s) => s.playing);
  const position = useApp((s) => s.moment?.position ?? -1);
  const set = useApp.getState().setCursor;
  return (
    <div className="sw-tl-controls">
      <button data-testid="timeline-step-back" onClick={() => set(cursor - 1)} disabled={cursor <= 0} aria-label="previous input record">◀</button>
      <button data-testid="timeline-play" onClick={() => useApp.getState().setPlaying(!playing)} aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
      <button data-testid="timeline-step-forward" onClick={() => set(cursor + 1)} disabled={cursor >= timeline.processed - 1} aria-label="next input record">▶</button>
      <input type="range" min={0} max={timeline.processed - 1} value={cursor} onChange={(e) => set(Number(e.target.value))} data-testid="timeline-slider" aria-label="input record (processing order)" />
      <span data-testid="timeline-position" data-position={position}>
        {`record ${cursor + 1} of ${timeline.processed}`}
      </span>
      <span className="sw-muted" data-testid="timeline-memory" data-bytes={timeline.memory.estimatedBytes} data-checkpoints={timeline.memory.checkpoints} title={`what the recorded history holds: ${timeline.memory.checkpoints} store checkpoints/snapshots (${timeline.memory.entries} entries), ${timeline.memory.changes} store changes, ${timeline.memory.records} records`}>
        checkpoints: {timeline.memory.checkpoints}, ~{Math.round(timeline.memory.estimatedBytes / 1024)} KB
      </span>
    </div>
  );
});

/** The lanes, the input record at the moment shown and every node's state there. */
const MomentSection = memo(function MomentSection({ timeline }: { timeline: TimelineOverview }) {
  const moment = useApp((s) => s.moment);
  const nodes = useApp((s) => s.doc.nodes);
  const selected = useApp((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null));
  // The node shown: the selected one, else the first with windows (what a timeline is mostly for).
  const shownId = selected ?? (moment ? (nodes.find((n) => moment.nodes[n.id]?.windows?.length) ?? null)?.id ?? null : null);
  const shown = shownId && moment ? moment.nodes[shownId] : undefined;
  const input = moment?.input;
  return (
    <>
      <TimelineLanes timeline={timeline} moment={moment} windows={shown?.windows ?? NO_WINDOWS} />
      {input && (
        <div className="sw-tl-input" data-testid="timeline-input">
          <b>{input.topic}</b>{` ${fmt(input.key)} → ${fmt(input.value)} @ ${fmtClock(input.timestamp)}`}
          {input.outOfOrder && <span className="sw-badge sw-dropped" data-testid="timeline-out-of-order">out of order</span>}
          {input.dropped && <span className="sw-badge sw-err" data-testid="timeline-dropped">dropped</span>}
          <span className="sw-muted">{` · stream time ${fmtClock(moment.streamTime)}`}</span>
        </div>
      )}
      {moment && (
        <div className="sw-tl-state">
          <MomentTable moment={moment} nodes={nodes} shownId={shownId} />
          {shown && shownId && <NodeMomentDetail name={nodes.find((n) => n.id === shownId)?.name ?? shownId} m={shown} />}
        </div>
      )}
    </>
  );
});
