/**
 * "Check an invariant" on a sink: the user's predicate over the records the sink receives; the
 * preview worker generates sample sets from the source schemas (fast-check) until one breaks it and
 * shrinks it (simulator/invariant-search.ts), within the preview's time limit. A counterexample can
 * be kept as the design's samples.
 */
import { useState } from 'react';
import { setSamples, sourceTopics } from '../../model/commands';
import type { InvariantAnswer } from '../../simulator/invariant-search';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { upstreamTypes } from '../inspector/type-inference';
import { TIMEOUT_MS } from '../preview/preview-runner';
import { queryRun } from '../preview/use-live-preview';
import { useSchemaFlowStore } from './use-schema-flow';
import { hasSchema } from './SchemaGenerateForm';

const EXAMPLE = '(records) => records.every((r) => r.value !== null)';

export function InvariantCheck({ nodeId, topic }: { nodeId: string; topic: string }) {
  const doc = useApp((s) => s.doc);
  const result = useApp((s) => s.result);
  const flow = useSchemaFlowStore((s) => s.flow);
  const [predicate, setPredicate] = useState(EXAMPLE);
  const [seed, setSeed] = useState(1);
  const [maxRecords, setMaxRecords] = useState(10);
  const [answer, setAnswer] = useState<InvariantAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const types = upstreamTypes(doc, result, nodeId, undefined, flow);
  const header = `const invariant: (records: { key: ${types?.key ?? 'any'}; value: ${types?.value ?? 'any'}; timestamp: number }[]) => boolean =`;
  const search = async () => {
    if (!result) return;
    setBusy(true);
    setAnswer(await queryRun(result.runId, { kind: 'invariant', sinkTopic: topic, predicate, seed, maxRecords, timeLimitMs: TIMEOUT_MS }));
    setBusy(false);
  };
  const keep = (samples: Record<string, unknown[]>) => useApp.getState().edit((d) => Object.entries(samples).reduce((acc, [t, records]) => setSamples(acc, t, records as never), d));
  return (
    <div className="sw-field" data-testid="invariant-check">
      <label>Check an invariant over what reaches “{topic}”</label>
      <CodeEditor header={header} value={predicate} language="typescript" onChange={setPredicate} height={70} ariaLabel="Invariant" testId="invariant-predicate" path={`file:///${nodeId}/invariant.ts`} />
      <div className="sw-row" style={{ marginTop: 4 }}>
        <label>
          seed <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} style={{ width: 60 }} aria-label="Seed" />
        </label>
        <label>
          records ≤ <input type="number" min={1} value={maxRecords} onChange={(e) => setMaxRecords(Number(e.target.value))} style={{ width: 60 }} aria-label="Records per topic at most" />
        </label>
        <button onClick={() => void search()} disabled={busy || !result} data-testid="invariant-search">
          {busy ? 'Searching…' : 'Search'}
        </button>
      </div>
      {answer && <InvariantResult answer={answer} onKeep={keep} />}
      {!sourceTopics(doc).some((t) => hasSchema(doc.topics?.[t])) && <div className="sw-help">Give a source topic a schema: the samples are generated from it.</div>}
    </div>
  );
}

function InvariantResult({ answer, onKeep }: { answer: InvariantAnswer; onKeep: (s: Record<string, unknown[]>) => void }) {
  if (answer.status === 'invalid') return <div className="sw-error" role="alert" data-testid="invariant-result" data-status="invalid">{answer.message}</div>;
  if (answer.status === 'held') {
    return (
      <div className="sw-help" data-testid="invariant-result" data-status="held">
        Held for {answer.runs} generated sample sets{answer.interrupted ? ' (stopped at the time limit)' : ''}.
      </div>
    );
  }
  const total = Object.values(answer.samples).reduce((n, r) => n + r.length, 0);
  return (
    <div className="sw-banner sw-error" data-testid="invariant-result" data-status="broken">
      Broken after {answer.runs} sample set{answer.runs > 1 ? 's' : ''} ({answer.reason}); shrunk {answer.shrinks} times to {total} record{total === 1 ? '' : 's'}:
      <pre className="sw-invariant-samples" data-testid="invariant-samples">{JSON.stringify(answer.samples, null, 1)}</pre>
      <div style={{ overflowWrap: 'anywhere' }}>Output: <code>{JSON.stringify(answer.output).slice(0, 300)}</code></div>
      <button onClick={() => onKeep(answer.samples)} data-testid="invariant-keep">
        Keep as the topics' samples
      </button>
    </div>
  );
}
