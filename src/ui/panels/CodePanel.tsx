/** The generated project's files, read-only, and "Download project" as a .zip. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { downloadBlob } from '../download';
import { browserEngineSources } from './engine-sources-browser';
import { generateProject } from '../../../codegen/generate';
import { zipProject } from '../../../codegen/zip';
import { previewSinks } from '../preview/use-live-preview';

type Sinks = NonNullable<Awaited<ReturnType<typeof previewSinks>>>;

export default function CodePanel() {
  const doc = useApp((s) => s.doc);
  const result = useApp((s) => s.result);
  // The preview's sink outputs become the project's expected output (its golden test); the worker
  // holds them, so they are fetched when the tab shows a new run.
  const [expected, setExpected] = useState<{ runId: number; sinks: Sinks | null } | null>(null);
  useEffect(() => {
    if (!result?.ok) return;
    let live = true;
    void previewSinks(result.runId).then((sinks) => live && setExpected({ runId: result.runId, sinks }));
    return () => {
      live = false;
    };
  }, [result]);
  const waiting = !!result?.ok && expected?.runId !== result.runId;
  const expectedOutputs = result?.ok && expected?.runId === result.runId ? (expected.sinks ?? undefined) : undefined;
  const files = useMemo(() => {
    if (waiting) return null;
    try {
      return generateProject(doc, browserEngineSources(), { expectedOutputs });
    } catch (e) {
      return new Map([['ERROR.txt', e instanceof Error ? e.message : String(e)]]);
    }
  }, [doc, expectedOutputs, waiting]);
  // While a new run's outputs are on their way, the previous files stay (the editor does not flicker).
  const last = useRef(files);
  if (files) last.current = files;
  const [path, setPath] = useState('src/topology.ts');
  if (!last.current) return <p className="sw-muted">Loading…</p>;
  const shown = last.current;
  const paths = [...shown.keys()].filter((p) => !p.startsWith('src/streams/'));
  const current = shown.has(path) ? path : paths[0];
  return (
    <div className="sw-code-layout">
      <div className="sw-file-list" data-testid="code-files">
        <button className="sw-primary" style={{ marginBottom: 8 }} onClick={() => downloadBlob(`${doc.name}.zip`, new Blob([zipProject(doc.name, shown) as BlobPart], { type: 'application/zip' }))} data-testid="download-project">
          Download project (.zip)
        </button>
        {paths.map((p) => (
          <button key={p} aria-current={p === current} onClick={() => setPath(p)}>
            {p}
          </button>
        ))}
        <div className="sw-muted" style={{ marginTop: 6 }}>+ {shown.size - paths.length} vendored engine files in src/streams/</div>
      </div>
      <CodeEditor value={shown.get(current) ?? ''} language={current.endsWith('.ts') ? 'typescript' : current.endsWith('.json') ? 'json' : 'plaintext'} readOnly height="100%" ariaLabel={`Generated file ${current}`} path={`file:///generated/${current}`} testId="code-view" />
    </div>
  );
}
