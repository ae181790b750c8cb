/**
 * Where the timeline draws things: one lane per source topic (input records at their timestamps),
 * one for the output records, and one row per key for the windows of the node shown. Pure, so
 * drawing and hit-testing (a click picks the nearest mark) agree.
 */
import type { TimelineOverview, WindowState } from '../../simulator/timeline/types';

export const LANE_H = 22;
export const LABEL_W = 110;
export const WINDOW_ROW_H = 12;
/** Keys whose windows are drawn (the rest are listed, not drawn). */
export const WINDOW_KEYS_DRAWN = 6;

export interface Scale {
  min: number;
  max: number;
  width: number;
}

/** The span of the inputs' timestamps, widened to hold the windows. */
export function scaleOf(t: TimelineOverview, windows: WindowState[], width: number): Scale {
  let min = Infinity;
  let max = -Infinity;
  for (const i of t.inputs) {
    if (i.timestamp < min) min = i.timestamp;
    if (i.timestamp > max) max = i.timestamp;
  }
  if (min === Infinity) return widenScale({ min: 0, max: 1, width }, windows);
  if (max === min) max = min + 1;
  return widenScale({ min, max, width }, windows);
}

/** `s` widened to hold the windows too: `s` itself when they already fit (so it stays the same object). */
export function widenScale(s: Scale, windows: WindowState[]): Scale {
  let { min, max } = s;
  for (const w of windows) {
    min = Math.min(min, w.start);
    max = Math.max(max, w.end);
  }
  return min === s.min && max === s.max ? s : { min, max, width: s.width };
}

export function xOf(s: Scale, ts: number): number {
  const span = s.width - LABEL_W - 12;
  return LABEL_W + ((ts - s.min) / (s.max - s.min)) * span;
}

/** Lane index of each topic; the outputs lane comes after the topics, the windows after that. */
export function laneLayout(t: TimelineOverview) {
  const topicLane = new Map(t.topics.map((topic, i) => [topic, i]));
  const outputLane = t.topics.length;
  const windowsTop = (outputLane + 1) * LANE_H + 6;
  return { topicLane, outputLane, windowsTop };
}

/** The windows drawn: of the first keys, by key text. */
export function windowRows(windows: WindowState[]): { key: string; windows: WindowState[] }[] {
  const rows = new Map<string, WindowState[]>();
  for (const w of windows) {
    const k = JSON.stringify(w.key) ?? 'null';
    if (!rows.has(k) && rows.size >= WINDOW_KEYS_DRAWN) continue;
    (rows.get(k) ?? rows.set(k, []).get(k)!).push(w);
  }
  return [...rows].map(([key, ws]) => ({ key, windows: ws }));
}

/** The mark nearest to x among `items` (by timestamp), or null. */
export function nearest<T extends { timestamp: number }>(items: readonly T[], s: Scale, x: number, maxPx = 12): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const it of items) {
    const d = Math.abs(xOf(s, it.timestamp) - x);
    if (d < bestD) {
      bestD = d;
      best = it;
    }
  }
  return bestD <= maxPx ? best : null;
}
