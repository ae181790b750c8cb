/**
 * The preview tab: the design's problems (a design with errors is not run), a stopped run, or the
 * run's result: a guide when no node is selected, else the selected node (NodePreview). The counts
 * come with every run; the records are asked of the worker for the node shown.
 */
import { hasErrors } from '../../model/check';
import { useApp } from '../../store/store';
import { analysisOf } from '../use-analysis';
import { DesignProblems } from './DesignProblems';
import { NodePreview } from './NodePreview';
import { PreviewGuide } from './PreviewGuide';
import { SinkSchemaProblems } from '../schemas/SinkSchemaProblems';

export function PreviewPanel() {
  const result = useApp((s) => s.result);
  const stopped = useApp((s) => s.stopped);
  const nodeId = useApp((s) => (s.selectedNodeIds.length === 1 ? s.selectedNodeIds[0] : null));
  const node = useApp((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const detail = useApp((s) => (s.detail && s.detail.nodeId === nodeId ? s.detail : null));
  const designHasErrors = useApp((s) => hasErrors(analysisOf(s.doc).diagnostics) || !!s.result?.diagnostics.some((d) => d.code === 'E_TOPOLOGY'));
  if (designHasErrors) return <DesignProblems />;
  if (stopped) return <div className="sw-banner sw-error" role="alert" data-testid="preview-stopped">{stopped.message}</div>;
  if (!result) return <p className="sw-muted">The preview runs after each edit.</p>;
  const banner = (
    <>
      {result.error && (
        <div className="sw-banner sw-error" role="alert" data-testid="preview-error">
          {result.error.message}
        </div>
      )}
      <SinkSchemaProblems />
    </>
  );
  if (!node || !nodeId) {
    return (
      <>
        {banner}
        <PreviewGuide sinkCounts={result.sinkCounts} />
      </>
    );
  }
  return (
    <div>
      {banner}
      <NodePreview result={result} nodeId={nodeId} name={node.name} detail={detail} />
    </div>
  );
}
