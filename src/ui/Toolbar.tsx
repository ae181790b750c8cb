/** The top bar: app name, file and edit actions, layout and help. */
import { useStoreApi } from '@xyflow/react';
import { useRef, useState } from 'react';
import { parseDesign, serializeDesign } from '../model/load';
import { toAppName } from '../model/design-summary';
import { addDesign, newDesign } from '../store/designs';
import { useApp } from '../store/store';
import { downloadText } from './download';
import { autoLayout } from './canvas/auto-layout';
import { useFitDesign, type FitDesign } from './canvas/fit-design';
import { SaveStatus } from './designs/SaveStatus';

const app = useApp.getState;

export function Toolbar() {
  const name = useApp((s) => s.doc.name);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const fitDesign = useFitDesign();
  return (
    <header className="sw-toolbar">
      <span className="sw-brand">Streamwright</span>
      <input
        className="sw-app-name"
        aria-label="Application name"
        value={name}
        onChange={(e) => app().edit((d) => ({ ...d, name: toAppName(e.target.value) }), 'app-name')}
      />
      <button onClick={() => app().setDialog('designs')} data-testid="show-designs">Designs</button>
      <button onClick={() => void newDesign().then(() => fitDesign(0))} aria-label="New design">New</button>
      <button onClick={() => app().setDialog('examples')} data-testid="open-examples">Examples</button>
      <OpenFile fitDesign={fitDesign} />
      <button onClick={() => app().setDialog('import-describe')} data-testid="open-import-describe" title="A design from the text of Kafka's Topology#describe()">Import describe()</button>
      <button onClick={() => downloadText(`${app().doc.name}.json`, serializeDesign(app().doc))} aria-label="Save design file">Save</button>
      <button onClick={() => app().undo()} disabled={!canUndo} aria-label="Undo" data-testid="undo">Undo</button>
      <button onClick={() => app().redo()} disabled={!canRedo} aria-label="Redo">Redo</button>
      <AutoLayoutButton fitDesign={fitDesign} />
      <button onClick={() => fitDesign()} aria-label="Fit view">Fit</button>
      <span className="sw-spacer" />
      <SaveStatus />
      <button onClick={() => app().setDialog('help')} aria-label="Keyboard shortcuts and help">?</button>
    </header>
  );
}

/** "Open…": a design file is added to the designs and opened; one that does not parse is refused with where. */
function OpenFile({ fitDesign }: { fitDesign: FitDesign }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const open = async (file: File) => {
    const r = parseDesign(await file.text());
    if (!r.ok) {
      const e = r.errors[0];
      app().notify(`${file.name}${e.line ? `:${e.line}:${e.column}` : ''}: ${e.path ? `${e.path}: ` : ''}${e.message}`, 'error');
      return;
    }
    await addDesign(r.doc);
    fitDesign(0);
  };
  return (
    <>
      <button onClick={() => fileInput.current?.click()} aria-label="Open design file">Open…</button>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Design file" data-testid="open-file" onChange={(e) => {
        const file = e.target.files?.[0];
        // Cleared, so choosing the same file again adds it again.
        e.target.value = '';
        if (file) void open(file);
      }} />
    </>
  );
}

/** Lays the design out for the canvas's shape, then fits it (busy while the layout worker runs). */
function AutoLayoutButton({ fitDesign }: { fitDesign: FitDesign }) {
  const flow = useStoreApi();
  const [layingOut, setLayingOut] = useState(false);
  return (
    <button
      onClick={() => {
        setLayingOut(true);
        void autoLayout({ width: flow.getState().width, height: flow.getState().height })
          .then(() => fitDesign(200, { readable: true }))
          .catch((e: Error) => app().notify(`Auto layout failed: ${e.message}`, 'error'))
          .finally(() => setLayingOut(false));
      }}
      aria-label="Auto layout"
      aria-busy={layingOut}
      data-testid="auto-layout"
    >
      Auto layout
    </button>
  );
}
