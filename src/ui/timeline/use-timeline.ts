/**
 * Keeps the timeline's data in step with the preview: the overview of each recorded run, and the
 * state at the cursor, asked of the worker one question at a time (while one is out, only the
 * latest cursor waits: dragging never queues a backlog). Play steps the cursor on a timer.
 */
import { useEffect } from 'react';
import { useApp } from '../../store/store';
import { queryRun } from '../preview/use-live-preview';

/** Play speed: records per second. */
const PLAY_STEP_MS = 200;

export function useTimelineSync(): void {
  const runId = useApp((s) => s.result?.runId);
  const open = useApp((s) => s.bottomTab === 'timeline');
  useEffect(() => {
    if (!open || runId === undefined) return;
    let live = true;
    void queryRun(runId, { kind: 'timeline' }).then((t) => {
      if (live && useApp.getState().result?.runId === runId) useApp.getState().setTimeline(t ? { ...t, runId } : null);
    });
    return () => {
      live = false;
    };
  }, [open, runId]);

  useEffect(() => {
    let asking = false;
    let wanted: { runId: number; position: number } | null = null;
    const ask = async () => {
      if (asking || !wanted) return;
      const w = wanted;
      wanted = null;
      asking = true;
      const started = performance.now();
      const moment = await queryRun(w.runId, { kind: 'moment', position: w.position });
      asking = false;
      if (moment && useApp.getState().timeline?.runId === w.runId) {
        useApp.getState().setMoment(moment);
        performance.measure('timeline: step', { start: started, end: performance.now() });
      }
      void ask();
    };
    const want = () => {
      const s = useApp.getState();
      if (!s.timeline || s.bottomTab !== 'timeline') return;
      wanted = { runId: s.timeline.runId, position: s.cursor };
      void ask();
    };
    want();
    return useApp.subscribe((s, prev) => {
      if (s.cursor !== prev.cursor || s.timeline !== prev.timeline) want();
    });
  }, []);

  const playing = useApp((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = useApp.getState();
      if (!s.timeline || s.cursor >= s.timeline.processed - 1) return s.setPlaying(false);
      s.setCursor(s.cursor + 1);
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing]);
}
