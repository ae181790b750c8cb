/**
 * The timeline's lanes: the input records of each source topic as marks at their timestamps
 * (out of order: amber; dropped: red with a cross; the one at the cursor ringed), the
 * output records (buttons: a click jumps the cursor to the input that wrote them), the cursor and
 * the node's stream time, and the windows of the node shown, coloured by status. The marks are drawn
 * once per run on one canvas (10k marks); a step redraws only the overlay canvas above it (cursor,
 * windows). Pressing or dragging on it moves the cursor to the nearest input record.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Moment, TimelineOverview, WindowState } from '../../simulator/timeline/types';
import { useApp } from '../../store/store';
import { fmt, fmtClock } from '../panels/format';
import { LABEL_W, LANE_H, WINDOW_ROW_H, laneLayout, nearest, scaleOf, windowRows, xOf, type Scale } from './lanes-geometry';

/** Output records drawn as buttons (more are drawn on the canvas and picked by position). */
const OUTPUT_BUTTONS = 500;
export const STATUS_COLORS: Record<WindowState['status'], string> = { open: '#3ecf8e', grace: '#f5a524', closed: '#8d97b0', expired: '#3a4460' };

export function TimelineLanes({ timeline, moment, windows }: { timeline: TimelineOverview; moment: Moment | null; windows: WindowState[] }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(800);
  const cursor = useApp((s) => s.cursor);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(300, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const rows = useMemo(() => windowRows(windows), [windows]);
  const scale = useMemo(() => scaleOf(timeline, windows, width), [timeline, windows, width]);
  const layout = laneLayout(timeline);
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
    const x = e.clientX - rect.left;
    const lane = Math.floor((e.clientY - rect.top) / LANE_H);
    const s = useApp.getState();
    if (lane === layout.outputLane) {
      const out = nearest(timeline.outputs, scale, x);
      if (out) s.setCursor(out.position);
      return;
    }
    const topic = timeline.topics[lane];
    const inLane = topic === undefined ? timeline.inputs : timeline.inputs.filter((i) => i.topic === topic);
    const hit = nearest(inLane, scale, x, Infinity);
    if (hit) s.setCursor(hit.position);
  };
  const outputs = timeline.outputs.length <= OUTPUT_BUTTONS ? timeline.outputs : [];
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
      {outputs.map((o) => (
        <button
          key={o.id}
          className={`sw-tl-out${o.position === cursor ? ' sw-current' : ''}`}
          style={{ left: xOf(scale, o.timestamp) - 4, top: layout.outputLane * LANE_H + 5 }}
          data-testid="timeline-output"
          data-position={o.position}
          title={`${o.topic}: ${fmt(o.key)} → ${fmt(o.value)} @ ${fmtClock(o.timestamp)}; written while processing input #${o.position + 1} (click: go there)`}
          aria-label={`output ${fmt(o.key)} ${fmt(o.value)} to ${o.topic}, from input ${o.position + 1}`}
          onClick={() => useApp.getState().setCursor(o.position)}
        />
      ))}
      <span className="sw-tl-axis" style={{ left: LABEL_W }}>{fmtClock(scale.min)}</span>
      <span className="sw-tl-axis" style={{ right: 12 }}>{fmtClock(scale.max)}</span>
    </div>
  );
}

function drawMarks(ctx: CanvasRenderingContext2D, t: TimelineOverview, s: Scale, height: number) {
  const { topicLane, outputLane } = laneLayout(t);
  ctx.clearRect(0, 0, s.width, height);
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#8d97b0';
  t.topics.forEach((topic, i) => ctx.fillText(clip(topic), 4, i * LANE_H + 15));
  ctx.fillText('outputs', 4, outputLane * LANE_H + 15);
  for (const i of t.inputs) {
    const x = xOf(s, i.timestamp);
    const y = topicLane.get(i.topic)! * LANE_H;
    ctx.fillStyle = i.dropped ? '#ff5c6c' : i.outOfOrder ? '#f5a524' : '#5b9cff';
    ctx.fillRect(x - 1, y + 4, 3, LANE_H - 8);
    if (i.dropped) cross(ctx, x, y + LANE_H / 2);
  }
  if (t.outputs.length > OUTPUT_BUTTONS) {
    ctx.fillStyle = '#3ecf8e';
    for (const o of t.outputs) ctx.fillRect(xOf(s, o.timestamp) - 1, outputLane * LANE_H + 6, 3, LANE_H - 12);
  }
}

/** The cursor's input (ringed, with a line), the node's stream time (dashed) and the windows of the node shown. */
function drawMoment(ctx: CanvasRenderingContext2D, t: TimelineOverview, moment: Moment | null, rows: ReturnType<typeof windowRows>, s: Scale, height: number) {
  const { topicLane, windowsTop } = laneLayout(t);
  ctx.clearRect(0, 0, s.width, height);
  ctx.font = '11px system-ui, sans-serif';
  if (rows.length) {
    ctx.fillStyle = '#8d97b0';
    ctx.fillText('windows', 4, windowsTop + 10);
  }
  rows.forEach((row, r) => {
    const y = windowsTop + r * (WINDOW_ROW_H + 2);
    for (const w of row.windows) {
      ctx.fillStyle = STATUS_COLORS[w.status];
      const x0 = xOf(s, w.start);
      ctx.fillRect(x0, y, Math.max(2, xOf(s, w.end) - x0 - 1), WINDOW_ROW_H);
    }
    ctx.fillStyle = '#8d97b0';
    ctx.fillText(clip(row.key, 9), 58, y + 10);
  });
  const here = moment?.input;
  if (here) {
    const x = xOf(s, here.timestamp);
    line(ctx, x, height, '#ffd166', []);
    ctx.strokeStyle = '#ffd166';
    ctx.strokeRect(x - 4, (topicLane.get(here.topic) ?? 0) * LANE_H + 1, 8, LANE_H - 2);
  }
  if (moment?.streamTime != null && moment.streamTime !== here?.timestamp) line(ctx, xOf(s, moment.streamTime), height, '#c084fc', [4, 3]);
}

function line(ctx: CanvasRenderingContext2D, x: number, h: number, color: string, dash: number[]) {
  ctx.strokeStyle = color;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x + 0.5, 0);
  ctx.lineTo(x + 0.5, h);
  ctx.stroke();
  ctx.setLineDash([]);
}

function cross(ctx: CanvasRenderingContext2D, x: number, y: number) {
  ctx.strokeStyle = '#ff5c6c';
  ctx.beginPath();
  ctx.moveTo(x - 4, y - 4);
  ctx.lineTo(x + 4, y + 4);
  ctx.moveTo(x + 4, y - 4);
  ctx.lineTo(x - 4, y + 4);
  ctx.stroke();
}

function clip(text: string, n = 16): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
