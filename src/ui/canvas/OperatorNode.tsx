/**
 * A node card: operator kind, stream kind, name, the preview's counters (in, out, dropped),
 * problems. Reads the store (no callbacks in data) through selectors that return only this node's
 * values (primitives or objects that keep their identity), so an edit or a new preview re-renders
 * only the cards that changed.
 */
import type { NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { ownEntry } from '../../model/name-table';
import { getOperator } from '../../model/registry';
import { hasImportTodo } from '../../model/describe/design-builder';
import type { NodeChange } from '../../model/design-diff';
import { openCompare } from '../../store/compare-slice';
import { useApp } from '../../store/store';
import { CursorBadge } from '../timeline/CursorBadge';
import { OrderBadge } from '../timeline/OrderBadge';
import { nodeById, nodeProblems, analysisOf, targetPortsKey } from '../use-analysis';
import { nodeInputPorts } from '../../model/ports';
import { outputPortsOf, streamKindLabel, type OperatorNodeData } from './flow-mapping';
import { InputPorts, OutputPorts, portRoom } from './NodePorts';
import { ConnectorBadge } from '../connectors/ConnectorBadge';
import { TopicHandles } from '../connectors/TopicHandles';
import { nodeTopic, schemaLabel } from '../../model/topic-schemas/commands';
import type { DesignNode, TopologyDocument } from '../../model/types';

/** The topic schemas of a source or sink card, as one line (`value: Avro Order`), or null. */
function schemaLine(doc: TopologyDocument, node: DesignNode | undefined): string | null {
  const t = node && nodeTopic(node);
  const settings = t ? doc.topics?.[t.topic] : undefined;
  if (!settings) return null;
  const parts = [settings.keySchema && `key: ${schemaLabel(settings.keySchema)}`, settings.valueSchema && `value: ${schemaLabel(settings.valueSchema)}`].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function Counters({ id, problemCount }: { id: string; problemCount: number }) {
  const summary = useApp((s) => (s.result ? ownEntry(s.result.nodes, id) : undefined));
  return (
    <div className="sw-meta">
      {summary && (
        <>
          <span className="sw-badge" data-testid="in-count" title="records this node received in the preview">{summary.recordsIn} in</span>
          <span className="sw-badge sw-count" data-testid="emitted-count" title="records emitted in the preview">{summary.emittedCount} out</span>
          <span className={`sw-badge${summary.dropped ? ' sw-dropped' : ''}`} data-testid="dropped-count" title="records dropped (late or invalid)">{summary.dropped} dropped</span>
        </>
      )}
      <CursorBadge id={id} />
      <OrderBadge id={id} />
      {problemCount > 0 && <span className="sw-badge sw-err" data-testid="node-problem-count">{problemCount} problem{problemCount > 1 ? 's' : ''}</span>}
    </div>
  );
}

/** What a version compare found on this card: added, or changed with the fields that changed. */
function DiffLine({ change }: { change: NodeChange }) {
  const text = change.change === 'added' ? 'added' : `changed: ${change.fields?.join(', ')}${change.renamedFrom ? ` (was "${change.renamedFrom}")` : ''}`;
  return (
    <div className="sw-diff-line" data-testid="node-diff" data-change={change.change} title={text}>
      {text}
    </div>
  );
}

function OperatorNodeView({ id, selected }: NodeProps & { data: OperatorNodeData }) {
  const node = useApp((s) => nodeById(s.doc).get(id));
  const kindLabel = useApp((s) => streamKindLabel(analysisOf(s.doc).analysis, id));
  const problemCount = useApp((s) => nodeProblems(s.doc, id).length);
  const firstProblem = useApp((s) => {
    const p = nodeProblems(s.doc, id)[0];
    return p ? `${p.param ? `${p.param}: ` : ''}${p.message}` : null;
  });
  const run = useApp((s) => (s.result ? ownEntry(s.result.nodes, id) : undefined));
  const stoppedHere = useApp((s) => (s.stopped?.nodeId === id ? s.stopped.message : null));
  const runError = run?.error?.message ?? stoppedHere;
  const notData = run?.notData;
  const inLineage = useApp((s) => !!s.lineage?.nodeIds.includes(id));
  // Imported stubs ("TODO: was KSTREAM-...") still to be written.
  const todoLeft = useMemo(() => !!node && hasImportTodo(node.params), [node]);
  const diff = useApp((s) => (openCompare(s) ? ownEntry(openCompare(s)!.nodes, id) : undefined));
  const schema = useApp((s) => schemaLine(s.doc, nodeById(s.doc).get(id)));
  const d = node ? getOperator(node.kind) : undefined;
  const outPorts = useMemo(() => (node ? outputPortsOf(node) : ['out']), [node]);
  // A repeating port (cogroup) shows one port per connection plus a free one.
  const portsKey = useApp((s) => targetPortsKey(s.doc, id));
  const inputs = useMemo(() => (d ? nodeInputPorts(d, portsKey ? portsKey.split(' ') : []) : []), [d, portsKey]);
  if (!node) return null;
  const error = runError ?? (notData ? `${notData.field ? `${notData.field}: ` : ''}${notData.message}` : null);
  const cls = ['sw-op-node', selected ? 'sw-selected' : '', problemCount || error ? 'sw-has-error' : '', inLineage ? 'sw-lineage' : '', diff ? `sw-diff-${diff.change}` : ''].join(' ');
  return (
    <div className={cls} style={portRoom(inputs, outPorts)} data-testid={`node-${node.name}`} role="group" aria-label={`${node.kind} node ${node.name}`}>
      <InputPorts nodeName={node.name} inputs={inputs} />
      <div className="sw-head">
        <span className="sw-kind">{node.kind}</span>
        {kindLabel && <span className="sw-badge" data-testid="stream-kind">{kindLabel}</span>}
        {todoLeft && <span className="sw-badge sw-todo" data-testid="node-todo" title={node.description ?? 'A function is still the stub the describe() import wrote'}>TODO</span>}
      </div>
      <div className="sw-name" title={node.name}>{node.name}</div>
      {d?.connector && <ConnectorBadge spec={d.connector} node={node} />}
      {schema && <div className="sw-card-schema" data-testid="node-schema" title={schema}>{schema}</div>}
      {diff && <DiffLine change={diff} />}
      <Counters id={id} problemCount={problemCount} />
      {(error || firstProblem) && (
        <div className="sw-problem" data-testid="node-problem" data-code={!runError && notData ? notData.code : undefined} title={error ?? firstProblem ?? undefined}>
          {error ?? firstProblem}
        </div>
      )}
      <OutputPorts nodeName={node.name} outputs={outPorts} />
      <TopicHandles d={d} nodeName={node.name} />
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeView);
