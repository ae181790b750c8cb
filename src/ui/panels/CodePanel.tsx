/** The generated project's files, read-only, and "Download project" as a .zip. */
import { useMemo, useState } from 'react';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { downloadBlob } from '../download';
import { browserEngineSources } from './engine-sources-browser';
import { generateProject } from '../../../codegen/generate';
import { zipProject } from '../../../codegen/zip';

export default function CodePanel() {
  const doc = useApp((s) => s.doc);
  const result = useApp((s) => s.result);
  const files = useMemo(() => {
    try {
      return generateProject(doc, browserEngineSources(), { expectedOutputs: result?.ok ? result.sinks : undefined });
    } catch (e) {
      return new Map([['ERROR.txt', e instanceof Error ? e.message : String(e)]]);
    }
  }, [doc, result]);
  const paths = [...files.keys()].filter((p) => !p.startsWith('src/streams/'));
  const [path, setPath] = useState('src/topology.ts');
  const current = files.has(path) ? path : paths[0];
  return (
    <div className="code-layout">
      <div className="file-list" data-testid="code-files">
        <button className="primary" style={{ marginBottom: 8 }} onClick={() => downloadBlob(`${doc.name}.zip`, new Blob([zipProject(doc.name, files) as BlobPart], { type: 'application/zip' }))} data-testid="download-project">
          Download project (.zip)
        </button>
        {paths.map((p) => (
          <button key={p} aria-current={p === current} onClick={() => setPath(p)}>
            {p}
          </button>
        ))}
        <div className="muted" style={{ marginTop: 6 }}>+ {files.size - paths.length} vendored engine files in src/streams/</div>
      </div>
      <CodeEditor value={files.get(current) ?? ''} language={current.endsWith('.ts') ? 'typescript' : current.endsWith('.json') ? 'json' : 'plaintext'} readOnly height="100%" ariaLabel={`Generated file ${current}`} path={`file:///generated/${current}`} testId="code-view" />
    </div>
  );
}
