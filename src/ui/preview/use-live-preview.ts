/** Runs the preview in a Web Worker after each edit (see preview-runner.ts for when and how). */
import { useEffect } from 'react';
import { createSimulatorClient, type SimulatorClient } from '../../simulator/client';
import { useApp } from '../../store/store';
import type { PreviewAnswers, PreviewQuery } from '../../simulator/types';
import { recordingClient } from '../timeline/recording-client';
import { previewDocument } from '../tests/active-test';
import { createPreviewRunner, type PreviewRunner } from './preview-runner';

function makeWorker(): Worker {
  return new Worker(new URL('../../simulator/worker.ts', import.meta.url), { type: 'module' });
}

let current: PreviewRunner | null = null;
let currentClient: SimulatorClient | null = null;

/** Asks the worker about a preview run (null: it no longer holds that run). */
export async function queryRun<Q extends PreviewQuery>(runId: number, query: Q): Promise<PreviewAnswers[Q['kind']] | null> {
  return (await currentClient?.query(runId, query)) ?? null;
}

/** Highlights the input records and nodes an output record came from. */
export function showLineage(recordId: string): void {
  void current?.showLineage(recordId);
}

/** The sink outputs of a preview run (the generated project's expected output). */
export async function previewSinks(runId: number) {
  return (await current?.sinks(runId)) ?? null;
}

export function useLivePreview() {
  useEffect(() => {
    const client = recordingClient(createSimulatorClient(makeWorker), () => useApp.getState().bottomTab === 'timeline');
    const runner = createPreviewRunner(client, useApp);
    current = runner;
    currentClient = client;
    runner.edited(previewDocument(useApp.getState()));
    // Started inside the store update, so the worker runs while the page renders the edit.
    // Opening the timeline runs again, recorded (runs are recorded only while it is shown).
    const unsub = useApp.subscribe((s, prev) => {
      if (s.doc !== prev.doc || s.activeTestId !== prev.activeTestId || s.wallClock !== prev.wallClock || (s.bottomTab === 'timeline' && prev.bottomTab !== 'timeline')) runner.edited(previewDocument(s));
    });
    return () => {
      unsub();
      runner.dispose();
      if (current === runner) current = null;
      if (currentClient === client) currentClient = null;
    };
  }, []);
}
