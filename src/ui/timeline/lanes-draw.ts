/**
 * Drawing the timeline's lanes on its two canvases: the marks of every input and output record (once
 * per run and scale: 10k marks), and the overlay redrawn on each step (cursor, stream time, windows).
 */
import type { Moment, TimelineOverview, WindowState } from '../../simulator/timeline/types';
import { LANE_H, WINDOW_ROW_H, laneLayout, windowRows, xOf, type Scale } from './lanes-geometry';

/** Output records drawn as buttons (more are drawn on the canvas and picked by position). */
export const OUTPUT_BUTTONS = 500;
export const STATUS_COLORS: Record<WindowState['status'], string> = { open: '#3ecf8e', grace: '#f5a524', closed: '#8d97b0', expired: '#3a4460' };

export function drawMarks(ctx: CanvasRenderingContext2D, t: TimelineOverview, s: Scale, height: number) {
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
export function drawMoment(ctx: CanvasRenderingContext2D, t: TimelineOverview, moment: Moment | null, rows: ReturnType<typeof windowRows>, s: Scale, height: number) {
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
