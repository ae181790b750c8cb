/** The designer's layout: toolbar, palette | canvas + bottom panel | inspector, dialogs. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, type CSSProperties } from 'react';
import { startDesigns } from '../store/design-remote';
import { useApp } from '../store/store';
import { Canvas } from './canvas/Canvas';
import { useFitDesign } from './canvas/fit-design';
import { prepareLayoutWhenIdle } from './canvas/layout-engine';
import { ConflictDialog } from './designs/ConflictDialog';
import { Dialogs } from './dialogs/Dialogs';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { BottomPanel } from './panels/BottomPanel';
import { Resizer, usePanelSizes } from './panel-sizes';
import { Toast } from './Toast';
import { Toolbar } from './Toolbar';
import { useLivePreview } from './preview/use-live-preview';
import { useShortcuts } from './use-shortcuts';
import { useSchemaFlow } from './schemas/use-schema-flow';

export function App() {
  return (
    <ReactFlowProvider>
      <Designer />
    </ReactFlowProvider>
  );
}

function Designer() {
  useLivePreview();
  useShortcuts();
  useSchemaFlow();
  const fitDesign = useFitDesign();
  useEffect(() => {
    // Saving starts only once this tab's design is open, so the empty first render is never written.
    void startDesigns()
      .catch((e: Error) => useApp.getState().setSave({ kind: 'failed', reason: `the browser storage is not available (${e.message})` }))
      .then(() => {
        if (useApp.getState().doc.nodes.length) fitDesign(0);
        document.body.dataset.ready = 'true';
        // The auto layout worker loads and warms up in the background (docs/performance.md).
        prepareLayoutWhenIdle();
      });
  }, []);
  const [sizes, resize] = usePanelSizes();
  return (
    // The toast sits above the bottom panel, whatever its height (styles.css).
    <div className="sw-app" style={{ '--sw-bottom-panel': `${sizes.bottom}px` } as CSSProperties}>
        <Toolbar />
        <div className="sw-main" style={{ gridTemplateColumns: `${sizes.palette}px minmax(0, 1fr) ${sizes.inspector}px` }}>
          <Palette />
          <div className="sw-center" style={{ gridTemplateRows: `minmax(0, 1fr) ${sizes.bottom}px` }}>
            <Canvas />
            <BottomPanel />
            <Resizer panel="bottom" size={sizes.bottom} onResize={resize} style={{ bottom: sizes.bottom - 3 }} />
          </div>
          <Inspector />
          <Resizer panel="palette" size={sizes.palette} onResize={resize} style={{ left: sizes.palette - 3 }} />
          <Resizer panel="inspector" size={sizes.inspector} onResize={resize} style={{ right: sizes.inspector - 3 }} />
        </div>
        <Dialogs />
        <ConflictDialog />
        <Toast />
    </div>
  );
}
