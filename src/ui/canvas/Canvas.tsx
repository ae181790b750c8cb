/**
 * The React Flow canvas. React Flow keeps node positions while dragging (smooth on big designs);
 * the document gets the final positions on drag stop. Every other change goes through model commands.
 */
import { Background, Controls, MiniMap, ReactFlow, useNodesState, useReactFlow, type Connection, type Edge, type OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import { connect, disconnect, moveNodes, removeNodes } from '../../model/commands';
import { useApp } from '../../store/store';
import { DRAG_MIME } from '../palette/Palette';
import { useAnalysis } from '../use-analysis';
import { addNodeAt, setCenterProvider } from './add-node';
import { toFlowEdges, toFlowNodes, type OperatorNodeData } from './flow-mapping';
import { OperatorNode } from './OperatorNode';

const nodeTypes = { operator: OperatorNode };

export function Canvas() {
  const doc = useApp((s) => s.doc);
  const selected = useApp((s) => s.selectedNodeIds);
  const { diagnostics } = useAnalysis();
  const rf = useReactFlow();
  const [nodes, setNodes, onNodesChange] = useNodesState(toFlowNodes(doc, selected));
  useEffect(() => setNodes(toFlowNodes(doc, useApp.getState().selectedNodeIds)), [doc, setNodes]);
  const edges = useMemo(() => toFlowEdges(doc, diagnostics), [doc, diagnostics]);

  useEffect(() => {
    setCenterProvider(() => {
      const el = document.querySelector('.canvas');
      const r = el?.getBoundingClientRect();
      return r ? rf.screenToFlowPosition({ x: r.left + r.width / 2 - 80, y: r.top + r.height / 2 - 30 }) : { x: 0, y: 0 };
    });
  }, [rf]);

  const onConnect = useCallback((c: Connection) => {
    const s = useApp.getState();
    const r = connect(s.doc, { source: c.source, sourcePort: c.sourceHandle ?? undefined, target: c.target, targetPort: c.targetHandle ?? 'in' });
    if ('error' in r) s.notify(`Connection refused: ${r.error}`, 'error');
    else s.edit(() => r.doc);
  }, []);

  const onSelectionChange = useCallback(({ nodes: sel }: OnSelectionChangeParams) => {
    const ids = sel.map((n) => n.id);
    const cur = useApp.getState().selectedNodeIds;
    if (ids.length !== cur.length || ids.some((id, i) => id !== cur[i])) useApp.getState().select(ids);
  }, []);

  return (
    <div
      className="canvas"
      data-testid="canvas"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
        }
      }}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(DRAG_MIME);
        if (!kind) return;
        e.preventDefault();
        addNodeAt(kind, rf.screenToFlowPosition({ x: e.clientX - 80, y: e.clientY - 20 }));
      }}
    >
      <ReactFlow<import('@xyflow/react').Node<OperatorNodeData>, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={(_, __, dragged) =>
          useApp.getState().edit((d) => moveNodes(d, Object.fromEntries(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]))))
        }
        onNodesDelete={(del) => useApp.getState().edit((d) => removeNodes(d, del.map((n) => n.id)))}
        onEdgesDelete={(del) => useApp.getState().edit((d) => disconnect(d, del.map((e) => e.id)))}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Control', 'Meta']}
        defaultViewport={{ x: 40, y: 40, zoom: 1 }}
        minZoom={0.1}
        maxZoom={1.5}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} color="#243049" />
        <MiniMap pannable zoomable style={{ background: '#161c2b' }} maskColor="#0f142099" nodeColor="#2a3450" />
        <Controls showInteractive={false} />
      </ReactFlow>
      {doc.nodes.length === 0 && <div className="empty-hint">Drag operators from the palette, or open an example.</div>}
    </div>
  );
}
