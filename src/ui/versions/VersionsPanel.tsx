/**
 * The Versions tab: save the design as a named version (kept in the design, so autosave and the
 * design file keep it), and compare any two versions (or one with the current design): the nodes
 * that changed, what a deploy of the newer one would do to the older one's state, and the records
 * each sink gets differently on the same samples and test cases.
 */
import { useState } from 'react';
import { removeVersion, saveVersion, versionDocument } from '../../model/versions';
import type { DesignVersion, TopologyDocument } from '../../model/types';
import { useApp } from '../../store/store';
import { CompareView } from './CompareView';
import { diffDesigns } from '../../model/design-diff';
import { canvasCompare } from '../../store/compare-slice';

const NONE: DesignVersion[] = [];
const CURRENT = '';

export function VersionsPanel() {
  const versions = useApp((s) => s.doc.versions ?? NONE);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState(CURRENT);
  const [compared, setCompared] = useState<{ before: TopologyDocument; after: TopologyDocument; label: string } | null>(null);
  const s = useApp.getState;
  const save = () => {
    s().edit((d) => saveVersion(d, name, message, new Date().toISOString()).doc);
    setName('');
    setMessage('');
  };
  const pick = (id: string) => (id === CURRENT ? s().doc : versionDocument(s().doc, id));
  const label = (id: string) => (id === CURRENT ? 'the current design' : `"${versions.find((v) => v.id === id)?.name}"`);
  const base = from ?? versions[versions.length - 1]?.id ?? null;
  const compare = () => {
    const before = base === null ? null : pick(base);
    const after = pick(to);
    if (!before || !after) return;
    const text = `${label(base!)} → ${label(to)}`;
    setCompared({ before, after, label: text });
    // The canvas marks the cards the compare found added or changed (moved-only nodes are not changed).
    s().setCompare(canvasCompare(s().openId, text, diffDesigns(before, after), new Set(s().doc.nodes.map((n) => n.id))));
  };
  return (
    <div>
      <SaveVersionRow name={name} message={message} setName={setName} setMessage={setMessage} save={save} />
      {versions.length === 0 ? (
        <p className="sw-muted" data-testid="versions-empty">No saved version yet: save one before a change, then compare.</p>
      ) : (
        <>
          <VersionList versions={versions} />
          <div className="sw-row">
            <label className="sw-muted" htmlFor="compare-from">Compare</label>
            <select id="compare-from" value={base ?? ''} onChange={(e) => setFrom(e.target.value)} data-testid="compare-from">
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{v.name}</option>
              ))}
            </select>
            <label className="sw-muted" htmlFor="compare-to">with</label>
            <select id="compare-to" value={to} onChange={(e) => setTo(e.target.value)} data-testid="compare-to">
              <option value={CURRENT}>the current design</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{v.name}</option>
              ))}
            </select>
            <button className="sw-primary" onClick={compare} data-testid="compare-versions">
              Compare
            </button>
          </div>
        </>
      )}
      {compared && <CompareView {...compared} />}
    </div>
  );
}

function SaveVersionRow(p: { name: string; message: string; setName: (v: string) => void; setMessage: (v: string) => void; save: () => void }) {
  return (
    <div className="sw-row" style={{ marginBottom: 6 }}>
      <input aria-label="Version name" placeholder="Version name" value={p.name} onChange={(e) => p.setName(e.target.value)} data-testid="version-name" />
      <input aria-label="What changed" placeholder="What changed" value={p.message} onChange={(e) => p.setMessage(e.target.value)} style={{ flex: 1 }} data-testid="version-message" />
      <button className="sw-primary" onClick={p.save} data-testid="save-version">
        Save version
      </button>
    </div>
  );
}

/** The saved versions, oldest first, each with its time, message and a delete button. */
function VersionList({ versions }: { versions: DesignVersion[] }) {
  return (
    <ul data-testid="versions" style={{ margin: '4px 0', paddingLeft: 18 }}>
      {versions.map((v) => (
        <li key={v.id} data-testid={`version-${v.id}`}>
          <strong>{v.name}</strong> <span className="sw-muted">{new Date(v.savedAt).toLocaleString()} {v.message && `— ${v.message}`}</span>{' '}
          <button onClick={() => useApp.getState().edit((d) => removeVersion(d, v.id))} aria-label={`Delete version ${v.name}`}>
            Delete
          </button>
        </li>
      ))}
    </ul>
  );
}
