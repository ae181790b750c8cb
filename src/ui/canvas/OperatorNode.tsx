/**
 * A node card: operator kind, name, stream kind, emitted count, problems. Reads the store (no
 * callbacks in data) through selectors that return only this node's values (primitives or objects
 * that keep their identity), so an edit or a new preview re-renders only the cards that changed.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { ownEntry } from '../../model/name-table';
import { getOperator } from '../../model/registry';
import { useApp } from '../../store/store';
import { nodeById, nodeProblems, analysisOf } from '../use-analysis';
import { handleOffset, outputPortsOf, streamKindLabel, type OperatorNodeData } from './flow-mapping';

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
  const emitted = run?.emittedCount;
  const dropped = run?.dropped ?? 0;
  const runError = run?.error?.message ?? stoppedHere;
  const inLineage = useApp((s) => !!s.lineage?.nodeIds.includes(id));
  const d = node ? getOperator(node.kind) : undefined;
  const outPorts = useMemo(() => (node ? outputPortsOf(node) : ['out']), [node]);
  if (!node) return null;
  const error = runError ?? null;
  const cls = ['sw-op-node', selected ? 'sw-selected' : '', problemCount || error ? 'sw-has-error' : '', inLineage ? 'sw-lineage' : ''].join(' ');
  return (
    <div className={cls} data-testid={`node-${node.name}`} aria-label={`${node.kind} node ${node.name}`}>
      {d?.inputs.map((p, i) => (
        <Handle key={p.name} type="target" id={p.name} position={Position.Left} style={{ top: `${handleOffset(i, d.inputs.length) * 100}%` }} title={`${p.label}: ${p.accepts.join(' | ')}`} data-testid={`in-${node.name}-${p.name}`} />
      ))}
      <div className="sw-kind">{node.kind}</div>
      <div className="sw-name">{node.name}</div>
      <div className="sw-meta">
        {kindLabel && <span className="sw-badge" data-testid="stream-kind">{kindLabel}</span>}
        {emitted !== undefined && <span className="sw-badge sw-count" data-testid="emitted-count" title="records emitted in the preview">{emitted} out</span>}
        {dropped > 0 && <span className="sw-badge sw-dropped" title="records dropped (late or invalid)">{dropped} dropped</span>}
        {problemCount > 0 && <span className="sw-badge sw-err">{problemCount} problem{problemCount > 1 ? 's' : ''}</span>}
      </div>
      {(error || firstProblem) && (
        <div className="sw-problem" data-testid="node-problem">
          {error ?? firstProblem}
        </div>
      )}
      {outPorts.map((p, i) => (
        <Handle key={p} type="source" id={p} position={Position.Right} style={{ top: `${handleOffset(i, outPorts.length) * 100}%` }} title={p} data-testid={`out-${node.name}-${p}`}>
          {outPorts.length > 1 && <span className="sw-port-label" style={{ left: 10, top: -6 }}>{p}</span>}
        </Handle>
      ))}
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeView);
