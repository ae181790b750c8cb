/** The designer's layout: toolbar, palette | canvas + bottom panel | inspector, dialogs. */
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect } from 'react';
import { loadAutosave, scheduleAutosave } from '../store/autosave';
import { useApp } from '../store/store';
import { Canvas } from './canvas/Canvas';
import { useFitDesign } from './canvas/fit-design';
import { prepareLayoutWhenIdle } from './canvas/layout-engine';
import { Dialogs } from './dialogs/Dialogs';
import { Inspector } from './inspector/Inspector';
import { Palette } from './palette/Palette';
import { BottomPanel } from './panels/BottomPanel';
import { Toast } from './Toast';
import { Toolbar } from './Toolbar';
import { useLivePreview } from './preview/use-live-preview';
import { useShortcuts } from './use-shortcuts';

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
  const fitDesign = useFitDesign();
  useEffect(() => {
    void loadAutosave().then((doc) => {
      if (doc && useApp.getState().doc.nodes.length === 0) {
        useApp.getState().replaceDocument(doc);
        fitDesign(0);
      }
      // Save only after the restore attempt, so an empty first render never overwrites a saved design.
      useApp.subscribe((s, prev) => {
        if (s.doc !== prev.doc) scheduleAutosave(s.doc);
      });
      document.body.dataset.ready = 'true';
      // The auto layout worker loads and warms up in the background (docs/performance.md).
      prepareLayoutWhenIdle();
    });
  }, []);
  return (
    <div className="sw-app">
        <Toolbar />
        <div className="sw-main">
          <Palette />
          <div className="sw-center">
            <Canvas />
            <BottomPanel />
          </div>
          <Inspector />
        </div>
        <Dialogs />
        <Toast />
    </div>
  );
}
