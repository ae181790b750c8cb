/**
 * The timeline under the canvas: the overview of the recorded run it shows, the cursor (an input
 * record's position in processing order) and every node's state at the cursor, as the worker answered.
 */
import type { StateCreator } from 'zustand';
import type { OrderReport } from '../simulator/order/order-finder';
import type { Moment, TimelineOverview } from '../simulator/timeline/types';

export interface TimelineSlice {
  /** The overview of run `runId` (null: none yet, or the run was not recorded). */
  timeline: (TimelineOverview & { runId: number }) | null;
  /** Position of the input record the cursor is on (-1: before the first). */
  cursor: number;
  /** The state at `moment.position` (it follows the cursor as answers arrive). */
  moment: Moment | null;
  playing: boolean;
  setTimeline: (t: TimelineSlice['timeline']) => void;
  /** Moves the cursor, kept within the recorded records. */
  setCursor: (position: number) => void;
  setMoment: (m: Moment | null) => void;
  setPlaying: (playing: boolean) => void;
  /** The last order-dependence search and the run it searched (badges show only while that run is shown). */
  orders: { runId: number; report: OrderReport } | null;
  setOrders: (o: TimelineSlice['orders']) => void;
}

export const createTimelineSlice: StateCreator<TimelineSlice, [], [], TimelineSlice> = (set, get) => ({
  timeline: null,
  cursor: 0,
  moment: null,
  playing: false,
  setTimeline: (timeline) => set({ timeline, cursor: timeline ? Math.min(get().cursor, timeline.processed - 1) : get().cursor }),
  setCursor: (position) => {
    const t = get().timeline;
    const last = t ? t.processed - 1 : 0;
    set({ cursor: Math.max(t && t.processed === 0 ? -1 : 0, Math.min(last, Math.round(position))) });
  },
  setMoment: (moment) => set({ moment }),
  setPlaying: (playing) => set({ playing }),
  orders: null,
  setOrders: (orders) => set({ orders }),
});
