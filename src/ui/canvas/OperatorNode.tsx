/** A node card: operator kind, name, stream kind, emitted count, problems. Reads the store (no callbacks in data). */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { getOperator } from '../../model/registry';
import { useApp } from '../../store/store';
import { useAnalysis } from '../use-analysis';
import { streamKindLabel, type OperatorNodeData } from './flow-mapping';

function OperatorNodeView({ id, selected }: NodeProps & { data: OperatorNodeData }) {
  const node = useApp((s) => s.doc.nodes.find((n) => n.id === id));
  const preview = useApp((s) => s.result?.nodes[id]);
  const stopped = useApp((s) => (s.stopped?.nodeId === id ? s.stopped : null));
  const inLineage = useApp((s) => !!s.lineage?.nodeIds.includes(id));
  const { analysis, diagnostics } = useAnalysis();
  if (!node) return null;
  const d = getOperator(node.kind);
  const problems = diagnostics.filter((x) => x.nodeId === id && x.severity === 'error');
  const outPorts = d?.outputPorts ? d.outputPorts({ ...(d.defaults as object), ...node.params } as never) : ['out'];
  const error = preview?.error?.message ?? stopped?.message ?? null;
  const cls = ['op-node', selected ? 'selected' : '', problems.length || error ? 'has-error' : '', inLineage ? 'lineage' : ''].join(' ');
  return (
    <div className={cls} data-testid={`node-${node.name}`} aria-label={`${node.kind} node ${node.name}`}>
      {d?.inputs.map((p, i) => (
        <Handle key={p.name} type="target" id={p.name} position={Position.Left} style={{ top: `${((i + 1) * 100) / (d.inputs.length + 1)}%` }} title={`${p.label}: ${p.accepts.join(' | ')}`} data-testid={`in-${node.name}-${p.name}`} />
      ))}
      <div className="kind">{node.kind}</div>
      <div className="name">{node.name}</div>
      <div className="meta">
        {streamKindLabel(analysis, id) && <span className="badge" data-testid="stream-kind">{streamKindLabel(analysis, id)}</span>}
        {preview && <span className="badge count" data-testid="emitted-count" title="records emitted in the preview">{preview.emittedCount} out</span>}
        {preview && preview.dropped > 0 && <span className="badge dropped" title="records dropped (late or invalid)">{preview.dropped} dropped</span>}
        {problems.length > 0 && <span className="badge err">{problems.length} problem{problems.length > 1 ? 's' : ''}</span>}
      </div>
      {(error || problems[0]) && (
        <div className="problem" data-testid="node-problem">
          {error ?? `${problems[0].field ? `${problems[0].field}: ` : ''}${problems[0].message}`}
        </div>
      )}
      {outPorts.map((p, i) => (
        <Handle key={p} type="source" id={p} position={Position.Right} style={{ top: `${((i + 1) * 100) / (outPorts.length + 1)}%` }} title={p} data-testid={`out-${node.name}-${p}`}>
          {outPorts.length > 1 && <span className="port-label" style={{ left: 10, top: -6 }}>{p}</span>}
        </Handle>
      ))}
    </div>
  );
}

export const OperatorNode = memo(OperatorNodeView);
