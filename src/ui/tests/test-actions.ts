/**
 * The designer's side of test cases: pinning a sink's output as
 * a case's expectation (a new case from the design's samples when none is chosen).
 */
import { getOperator } from '../../model/registry';
import { addTestCase, pinExpected } from '../../model/test-case-commands';
import type { DesignNode } from '../../model/types';
import { useApp } from '../../store/store';
import { previewSinks } from '../preview/use-live-preview';
import { activeTestOf } from './active-test';

/** The topic a sink node writes (a node with no output port that writes a topic), else null. */
export function sinkTopicOf(node: DesignNode): string | null {
  const d = getOperator(node.kind);
  if (!d) return null;
  const params = { ...(d.defaults as object), ...node.params } as never;
  if ((d.outputPorts?.(params) ?? ['out']).length !== 0) return null;
  return d.topics?.(params).writes?.[0] ?? null;
}

/**
 * Pins what the shown run wrote to `topic` as the chosen case's expectation. With no case chosen
 * the preview ran on the design's samples: they become a new case, which is then chosen.
 */
export async function pinSinkOutput(topic: string): Promise<void> {
  const app = useApp.getState();
  const runId = app.result?.runId;
  if (runId === undefined) return;
  const sinks = await previewSinks(runId);
  if (!sinks) {
    useApp.getState().notify('The preview changed meanwhile: pin again', 'error');
    return;
  }
  const records = Object.hasOwn(sinks, topic) ? sinks[topic] : [];
  const s = useApp.getState();
  let testId = activeTestOf(s)?.id ?? null;
  s.edit((doc) => {
    let d = doc;
    if (testId === null) ({ doc: d, testId } = addTestCase(d));
    return pinExpected(d, testId!, topic, records);
  });
  s.setActiveTest(testId);
  const name = useApp.getState().doc.tests?.find((t) => t.id === testId)?.name ?? '';
  s.notify(`Pinned ${records.length} record(s) of ${topic} as expected in test case "${name}"`);
}
