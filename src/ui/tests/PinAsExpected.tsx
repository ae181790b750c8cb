/** "Pin as expected" beside a sink's preview: what it wrote becomes the expectation of the chosen (or a new) test case. */
import { useApp } from '../../store/store';
import { activeTestOf } from './active-test';
import { pinSinkOutput, sinkTopicOf } from './test-actions';

export function PinAsExpected({ nodeId }: { nodeId: string }) {
  const topic = useApp((s) => {
    const node = s.doc.nodes.find((n) => n.id === nodeId);
    return node ? sinkTopicOf(node) : null;
  });
  const caseName = useApp((s) => activeTestOf(s)?.name ?? null);
  if (!topic) return null;
  return (
    <button
      style={{ marginLeft: 8 }}
      onClick={() => void pinSinkOutput(topic)}
      data-testid="pin-expected"
      title={caseName === null ? `A new test case: the design's samples in, these ${topic} records expected out` : `These ${topic} records become what test case "${caseName}" expects`}
    >
      Pin as expected{caseName === null ? '' : ` in "${caseName}"`}
    </button>
  );
}
