/**
 * The React Flow canvas. React Flow keeps node positions while dragging (smooth on big designs);
 * the document gets the final positions on drag stop. Every other change goes through model commands.
 * An edit keeps the flow objects of unchanged nodes and edges, so React Flow re-processes only what
 * changed, and only the cards on screen are rendered.
 */
import { applyNodeChanges, Background, Controls, MiniMap, ReactFlow, useNodesState, useReactFlow, type Edge, type NodeChange, type OnSelectionChangeParams } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { disconnect, moveNodes, removeNodes } from '../../model/commands';
import { useApp } from '../../store/store';
import { DRAG_MIME } from '../palette/Palette';
import { CompareLegend } from '../versions/CompareLegend';
import { useAnalysis } from '../use-analysis';
import { addNodeAt, setCenterProvider } from './add-node';
import { isValidConnection, onConnect, onConnectEnd } from './connection-check';
import { ConnectionHint } from './ConnectionHint';
import { badEdgeKey, forgetEstimates, toFlowEdges, toFlowNodes, toTopicEdges, type FlowNode } from './flow-mapping';
import { connectorLinks, type TopicLink } from '../../model/connectors/links';
import { OperatorNode } from './OperatorNode';
import { useCanvasKeys, useRevealSelection } from './use-canvas-keys';

const nodeTypes = { operator: OperatorNode };
// Props React Flow compares by identity: created once.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Control', 'Meta'];
const DEFAULT_VIEWPORT = { x: 40, y: 40, zoom: 1 };
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_STYLE = { background: '#161c2b' };

function selectInStore(ids: string[]) {
  const cur = useApp.getState().selectedNodeIds;
  if (ids.length !== cur.length || ids.some((id, i) => id !== cur[i])) useApp.getState().select(ids);
}

export function Canvas() {
  const doc = useApp((s) => s.doc);
  const rf = useReactFlow();
  const { nodes, onNodesChange } = useFlowNodes();
  const edges = useFlowEdges();
  useCenterProvider();
  const selection = useSelectionOnRelease();
  const onKeyDown = useCanvasKeys();

  return (
    <div
      onKeyDown={onKeyDown}
      onPointerDownCapture={selection.onPointerDownCapture}
      className="sw-canvas"
      data-testid="canvas"
      onDragOver={onPaletteDragOver}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData(DRAG_MIME);
        if (!kind) return;
        e.preventDefault();
        addNodeAt(kind, rf.screenToFlowPosition({ x: e.clientX - 80, y: e.clientY - 20 }));
      }}
    >
      <ReactFlow<FlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onSelectionChange={selection.onSelectionChange}
        onNodeDragStop={onNodeDragStop}
        onDelete={onDelete}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        defaultViewport={DEFAULT_VIEWPORT}
        minZoom={0.1}
        maxZoom={1.5}
        proOptions={PRO_OPTIONS}
        // Zoomed in on a big design, only the node cards on screen are in the page: half the
        // main-thread time per drag move on a 300-node design (docs/performance.md).
        onlyRenderVisibleElements
        // Arrow keys move between cards and Enter opens one (use-canvas-keys.ts), instead of React Flow's arrows moving the card.
        disableKeyboardA11y
        colorMode="dark"
      >
        <Background gap={20} color="#243049" />
        <MiniMap pannable zoomable style={MINIMAP_STYLE} maskColor="#0f142099" nodeColor="#2a3450" />
        <Controls showInteractive={false} />
        <ConnectionHint />
        <CompareLegend />
      </ReactFlow>
      {doc.nodes.length === 0 && <div className="sw-empty-hint">Drag operators from the palette, or open an example.</div>}
    </div>
  );
}

/** React Flow's nodes: its own state while dragging, rebuilt from the document (keeping unchanged ones) and the store's selection. */
function useFlowNodes() {
  const doc = useApp((s) => s.doc);
  const initial = useMemo(() => toFlowNodes(useApp.getState().doc, useApp.getState().selectedNodeIds), []);
  const [nodes, setNodes] = useNodesState<FlowNode>(initial);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => setNodes((prev) => (changes.some((c) => c.type === 'dimensions') ? forgetEstimates(applyNodeChanges(changes, prev)) : applyNodeChanges(changes, prev))),
    [setNodes],
  );
  // The store's selection shows on the cards also when it changes alone (keyboard moves, palette adds).
  const selectedIds = useApp((s) => s.selectedNodeIds);
  useEffect(() => setNodes((prev) => toFlowNodes(doc, selectedIds, prev)), [doc, selectedIds, setNodes]);
  useRevealSelection(selectedIds);
  return { nodes, onNodesChange };
}

/** The document's edges, those a diagnostic names marked. */
function useFlowEdges(): Edge[] {
  const edges = useApp((s) => s.doc.edges);
  const { diagnostics } = useAnalysis();
  const bad = badEdgeKey(diagnostics);
  const links = useTopicLinks();
  return useMemo(() => (links.length ? [...toFlowEdges(edges, bad), ...toTopicEdges(links)] : toFlowEdges(edges, bad)), [edges, bad, links]);
}

/** Connectors' topic links, rebuilt only when they change (a key of their ids keeps the array's identity). */
function useTopicLinks(): TopicLink[] {
  const doc = useApp((s) => s.doc);
  const links = useMemo(() => connectorLinks(doc), [doc]);
  const key = links.map((l) => l.id).join('\n');
  return useMemo(() => links, [key]);
}

function onNodeDragStop(_: unknown, __: unknown, dragged: FlowNode[]): void {
  useApp.getState().edit((d) => moveNodes(d, Object.fromEntries(dragged.map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]))));
}

// One edit for everything a Delete removes (the selected nodes, their edges and selected edges):
// one undo step brings it all back.
function onDelete({ nodes, edges }: { nodes: FlowNode[]; edges: Edge[] }): void {
  useApp.getState().edit((d) => disconnect(removeNodes(d, nodes.map((n) => n.id)), edges.map((e) => e.id)));
}

function onPaletteDragOver(e: DragEvent): void {
  if (e.dataTransfer.types.includes(DRAG_MIME)) {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  }
}

/** Where an operator added without a drop goes: the middle of the canvas. */
function useCenterProvider(): void {
  const rf = useReactFlow();
  useEffect(() => {
    setCenterProvider(() => {
      const el = document.querySelector('.sw-canvas');
      const r = el?.getBoundingClientRect();
      return r ? rf.screenToFlowPosition({ x: r.left + r.width / 2 - 80, y: r.top + r.height / 2 - 30 }) : { x: 0, y: 0 };
    });
  }, [rf]);
}

/**
 * A node is selected on pointer down, when its drag may be starting: the inspector (and its Monaco
 * editors) follows the selection when the pointer is released, so it never competes with drag frames.
 */
function useSelectionOnRelease() {
  const pointerDown = useRef(false);
  const pendingSelection = useRef<string[] | null>(null);
  useEffect(() => {
    const release = () => {
      pointerDown.current = false;
      if (pendingSelection.current) selectInStore(pendingSelection.current);
      pendingSelection.current = null;
    };
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  }, []);
  const onSelectionChange = useCallback(({ nodes: sel }: OnSelectionChangeParams) => {
    const ids = sel.map((n) => n.id);
    if (pointerDown.current) pendingSelection.current = ids;
    else selectInStore(ids);
  }, []);
  const onPointerDownCapture = useCallback(() => (pointerDown.current = true), []);
  return { onSelectionChange, onPointerDownCapture };
}
