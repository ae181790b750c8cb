/** The modal dialogs: help (shortcuts), the examples gallery, the designs and the describe() import. */
import { useEffect, useRef, useState } from 'react';
import { designFromJson } from '../../model/load';
import { useApp } from '../../store/store';
import { SHORTCUTS } from '../use-shortcuts';
import { useFitDesign } from '../canvas/fit-design';
import { addDesign } from '../../store/designs';
import { DesignsList } from '../designs/DesignsList';
import { ImportDescribe } from './ImportDescribe';

const TITLES = { help: 'Help', examples: 'Examples', designs: 'Designs', generate: 'Generate', 'import-describe': 'Import describe()' } as const;

const close = () => useApp.getState().setDialog(null);

export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  const box = useRef<HTMLDivElement>(null);
  // Escape closes the dialog wherever the focus is (it opens from a shortcut, with the focus on the
  // page); the dialog takes the focus so a keyboard user starts inside it.
  useEffect(() => {
    if (!dialog) return;
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog]);
  if (!dialog) return null;
  return (
    <div className="sw-dialog-backdrop" onClick={close}>
      <div ref={box} tabIndex={-1} className="sw-dialog" role="dialog" aria-modal="true" aria-label={TITLES[dialog]} onClick={(e) => e.stopPropagation()}>
        {dialog === 'help' ? <Help /> : dialog === 'designs' ? <DesignsList /> : dialog === 'import-describe' ? <ImportDescribe /> : <Examples />}
        <div style={{ textAlign: 'right', marginTop: 12 }}>
          <button onClick={close} aria-label="Close dialog">Close</button>
        </div>
      </div>
    </div>
  );
}

function Help() {
  return (
    <>
      <h2>Keyboard shortcuts</h2>
      <table className="sw-records" data-testid="shortcuts">
        <tbody>
          {SHORTCUTS.map(([k, what]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sw-muted">Drag operators from the palette, connect output handles (right) to input handles (left). The preview re-runs after each edit.</p>
    </>
  );
}

interface ExampleEntry {
  file: string;
  title: string;
  description: string;
}

function Examples() {
  const [list, setList] = useState<ExampleEntry[] | null>(null);
  const fitDesign = useFitDesign();
  useEffect(() => {
    void fetch(`${import.meta.env.BASE_URL}examples/index.json`)
      .then((r) => r.json())
      .then(setList)
      .catch(() => setList([]));
  }, []);
  const open = async (e: ExampleEntry) => {
    const r = designFromJson(await (await fetch(`${import.meta.env.BASE_URL}examples/${e.file}`)).json());
    if (!r.ok) return useApp.getState().notify(`${e.file}: ${r.errors[0].message}`, 'error');
    // Beside the other designs, never over the open one.
    await addDesign(r.doc);
    useApp.getState().setDialog(null);
    fitDesign(0);
  };
  return (
    <>
      <h2>Examples</h2>
      {!list && <p className="sw-muted">Loading…</p>}
      <div className="sw-examples">
        {list?.map((e) => (
          <button key={e.file} className="sw-example-card" onClick={() => void open(e)} data-testid={`example-${e.file.replace('.json', '')}`}>
            <strong>{e.title}</strong>
            <small>{e.description}</small>
          </button>
        ))}
      </div>
    </>
  );
}
