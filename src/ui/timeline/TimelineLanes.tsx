/**
 * The timeline's lanes: the input records of each source topic as marks at their timestamps
 * (out of order: amber; dropped: red with a cross; the one at the cursor ringed), the
 * output records (buttons: a click jumps the cursor to the input that wrote them), the cursor and
 * the node's stream time, and the windows of the node shown, coloured by status. The marks are drawn
 * once per run and scale on one canvas (10k marks); a step redraws only the overlay canvas above it
 * (cursor, windows). Pressing or dragging on it moves the cursor to the nearest input record.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Moment, TimelineOverview, WindowState } from '../../simulator/timeline/types';
import { useApp } from '../../store/store';
import { fmt, fmtClock } from '../panels/format';
import { LABEL_W, LANE_H, WINDOW_ROW_H, laneLayout, nearest, scaleOf, widenScale, windowRows, xOf, type Scale } from './lanes-geometry';
import { OUTPUT_BUTTONS, drawMarks, drawMoment } from './lanes-draw';

export function TimelineLanes({ timeline, moment, windows }: { timeline: TimelineOverview; moment: Moment | null; windows: WindowState[] }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const width = useBoxWidth(box);
  const rows = useMemo(() => windowRows(windows), [windows]);
  const scale = useLanesScale(timeline, windows, width);
  const layout = useMemo(() => laneLayout(timeline), [timeline]);
  const height = layout.windowsTop + Math.max(1, rows.length) * (WINDOW_ROW_H + 2) + 18;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) drawMarks(ctx, timeline, scale, height);
  }, [timeline, scale, height]);
  useEffect(() => {
    const ctx = overlay.current?.getContext('2d');
    if (ctx) drawMoment(ctx, timeline, moment, rows, scale, height);
  }, [timeline, moment, rows, scale, height]);

  const pick = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const to = pickPosition(timeline, layout.outputLane, scale, e.clientX - rect.left, Math.floor((e.clientY - rect.top) / LANE_H));
    if (to !== null) useApp.getState().setCursor(to);
  };
  return (
    <div ref={box} className="sw-tl-lanes" style={{ height }}>
      <canvas ref={canvas} width={width} height={height} aria-hidden="true" />
      <canvas
        ref={overlay}
        className="sw-tl-overlay"
        width={width}
        height={height}
        data-testid="timeline-lanes"
        aria-label={`timeline: ${timeline.inputs.length} input records by timestamp; press or drag to move the cursor`}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          pick(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons === 1) pick(e);
        }}
      />
      <OutputButtons timeline={timeline} scale={scale} top={layout.outputLane * LANE_H + 5} />
      <span className="sw-tl-axis" style={{ left: LABEL_W }}>{fmtClock(scale.min)}</span>
      <span className="sw-tl-axis" style={{ right: 12 }}>{fmtClock(scale.max)}</span>
    </div>
  );
}

function useBoxWidth(box: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(300, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);
  return width;
}

/**
 * The lanes' time span: the inputs' (walked once per run), widened by every window shown since, so
 * stepping keeps the same scale object while the windows stay within it and the 10k marks are not
 * redrawn on each step (a new windows array comes with every moment).
 */
function useLanesScale(timeline: TimelineOverview, windows: WindowState[], width: number): Scale {
  const base = useMemo(() => scaleOf(timeline, [], width), [timeline, width]);
  const [span, setSpan] = useState({ base, scale: base });
  const scale = widenScale(span.base === base ? span.scale : base, windows);
  // (adjusting state while rendering: React renders this again at once, before anything is drawn)
  if (span.base !== base || span.scale !== scale) setSpan({ base, scale });
  return scale;
}

/** The input (or output) record nearest to x in a lane, as a cursor position (null: none near). */
function pickPosition(timeline: TimelineOverview, outputLane: number, scale: Scale, x: number, lane: number): number | null {
  if (lane === outputLane) return nearest(timeline.outputs, scale, x)?.position ?? null;
  const topic = timeline.topics[lane];
  const inLane = topic === undefined ? timeline.inputs : timeline.inputs.filter((i) => i.topic === topic);
  return nearest(inLane, scale, x, Infinity)?.position ?? null;
}

/** The output records as buttons (when few enough): the one written at the cursor is marked. */
function OutputButtons({ timeline, scale, top }: { timeline: TimelineOverview; scale: Scale; top: number }) {
  const cursor = useApp((s) => s.cursor);
  if (timeline.outputs.length > OUTPUT_BUTTONS) return null;
  return timeline.outputs.map((o) => (
    <button
      key={o.id}
      className={`sw-tl-out${o.position === cursor ? ' sw-current' : ''}`}
      style={{ left: xOf(scale, o.timestamp) - 4, top }}
      data-testid="timeline-output"
      data-position={o.position}
      title={`${o.topic}: ${fmt(o.key)} → ${fmt(o.value)} @ ${fmtClock(o.timestamp)}; written while processing input #${o.position + 1} (click: go there)`}
      aria-label={`output ${fmt(o.key)} ${fmt(o.value)} to ${o.topic}, from input ${o.position + 1}`}
      onClick={() => useApp.getState().setCursor(o.position)}
    />
  ));
}
