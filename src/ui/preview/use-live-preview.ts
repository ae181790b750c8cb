/** Runs the preview in a Web Worker after each edit (see preview-runner.ts for when and how). */
import { useEffect } from 'react';
import { createSimulatorClient } from '../../simulator/client';
import { useApp } from '../../store/store';
import { previewDocument } from '../tests/active-test';
import { createPreviewRunner, type PreviewRunner } from './preview-runner';

function makeWorker(): Worker {
  return new Worker(new URL('../../simulator/worker.ts', import.meta.url), { type: 'module' });
}

let current: PreviewRunner | null = null;

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
    const runner = createPreviewRunner(createSimulatorClient(makeWorker), useApp);
    current = runner;
    runner.edited(previewDocument(useApp.getState()));
    // Started inside the store update, so the worker runs while the page renders the edit.
    const unsub = useApp.subscribe((s, prev) => {
      if (s.doc !== prev.doc || s.activeTestId !== prev.activeTestId) runner.edited(previewDocument(s));
    });
    return () => {
      unsub();
      runner.dispose();
      if (current === runner) current = null;
    };
  }, []);
}
