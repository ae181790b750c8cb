/** Edits the selected node: name, description and the params its descriptor lists. */
import { renameNode, updateNode, updateParams } from '../../model/commands';
import { inputKindsOf } from '../../model/graph';
import { getOperator } from '../../model/registry';
import { useApp } from '../../store/store';
import { useAnalysis } from '../use-analysis';
import { ParamField } from './ParamField';
import { nodeTopic } from '../../model/topic-schemas/commands';
import { SchemaSection } from '../schemas/SchemaSection';
import { TopicPartitionsField } from './TopicPartitionsField';
import { InvariantCheck } from '../schemas/InvariantCheck';

/** A problem belongs to a param when it is about the param or a part of it (`branches.1.predicate`): shown there, not in the banner. */
function ownsField(param: string, problemParam: string): boolean {
  return problemParam === param || problemParam.startsWith(`${param}.`);
}

/** Topic schema problems are shown by the schema section. */
const SCHEMA_PARAMS = new Set(['keySchema', 'valueSchema']);

export function Inspector() {
  const selected = useApp((s) => s.selectedNodeIds);
  const node = useApp((s) => (s.selectedNodeIds.length === 1 ? s.doc.nodes.find((n) => n.id === s.selectedNodeIds[0]) : undefined));
  const { analysis, diagnostics } = useAnalysis();
  const edit = useApp((s) => s.edit);
  if (!node) {
    return (
      <aside className="sw-inspector" aria-label="Inspector">
        <h3>Inspector</h3>
        <p className="sw-muted">{selected.length > 1 ? `${selected.length} nodes selected.` : 'Select a node on the canvas to edit its name and parameters here; add nodes by dragging them from the palette.'}</p>
      </aside>
    );
  }
  const d = getOperator(node.kind);
  const params = { ...(d?.defaults as object), ...node.params } as Record<string, unknown>;
  const problems = diagnostics.filter((x) => x.nodeId === node.id);
  const topic = nodeTopic(node);
  return (
    <aside className="sw-inspector" aria-label="Inspector" data-testid="inspector">
      <h3>{node.kind}</h3>
      {d && (
        <p className="sw-muted">
          {d.help}{' '}
          <a href={d.docsUrl} target="_blank" rel="noreferrer" style={{ color: 'var(--accent)' }}>
            Kafka docs
          </a>
        </p>
      )}
      <div className="sw-field">
        <label htmlFor="node-name">Name</label>
        <input id="node-name" type="text" value={node.name} onChange={(e) => edit((doc) => renameNode(doc, node.id, e.target.value), `name:${node.id}`)} data-testid="node-name" />
      </div>
      <div className="sw-field">
        <label htmlFor="node-description">Description</label>
        <input id="node-description" type="text" value={node.description ?? ''} onChange={(e) => edit((doc) => updateNode(doc, node.id, { description: e.target.value }), `desc:${node.id}`)} />
      </div>
      {problems.filter((p) => !p.param || (!SCHEMA_PARAMS.has(p.param) && !d?.paramSpecs.some((s) => ownsField(s.name, p.param!)))).map((p, i) => (
        <div key={i} className={`sw-banner ${p.severity === 'error' ? 'sw-error' : 'sw-warn'}`} role="alert" data-testid="node-diagnostic" data-code={p.code}>
          {p.param ? `${p.param}: ` : ''}
          {p.message}
        </div>
      ))}
      {d?.paramSpecs
        .filter((spec) => !spec.visibleWhen || spec.visibleWhen(params, inputKindsOf(analysis, node.id)))
        .map((spec) => (
          <ParamField
            key={`${node.id}:${spec.name}`}
            nodeId={node.id}
            spec={spec}
            value={params[spec.name]}
            problems={problems.filter((p) => p.param && ownsField(spec.name, p.param))}
            onChange={(v) => edit((doc) => updateParams(doc, node.id, { [spec.name]: v }), `param:${node.id}:${spec.name}`)}
          />
        ))}
      {topic?.reads && <TopicPartitionsField key={`partitions:${node.id}`} topic={topic.topic} />}
      {topic && <SchemaSection key={node.id} nodeId={node.id} topic={topic.topic} problems={problems} />}
      {topic && !topic.reads && <InvariantCheck key={`inv:${node.id}`} nodeId={node.id} topic={topic.topic} />}
    </aside>
  );
}
