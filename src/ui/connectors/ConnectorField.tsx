/**
 * The inspector's editor of a connector node's config: every key its connector knows (required ones
 * marked, secrets as environment variables), the extra keys the design holds, a row to add one,
 * and for a file source, a file whose lines become the topic's samples.
 */
import { useState } from 'react';
import { EXAMPLE_SAMPLE, setSamples } from '../../model/commands';
import { linesAsSamples } from '../../model/connectors/file-lines';
import { isSecretKey } from '../../model/connectors/secrets';
import type { ConnectorConfig, ConnectorSpec } from '../../model/connectors/spec';
import { getOperator } from '../../model/registry';
import { useApp } from '../../store/store';
import type { FieldProps } from '../inspector/ParamField';
import { ConnectorKeyRow } from './ConnectorKeyRow';

export function ConnectorField({ nodeId, value, problems, onChange }: FieldProps) {
  const kind = useApp((s) => s.doc.nodes.find((n) => n.id === nodeId)?.kind);
  const spec = kind ? getOperator(kind)?.connector : undefined;
  if (!spec) return null;
  const config = (value ?? {}) as ConnectorConfig;
  const set = (key: string, v: string | undefined) => {
    const next = { ...config };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const known = new Set(spec.keys.map((k) => k.name));
  const extra = Object.keys(config).filter((k) => !known.has(k));
  const problemsOf = (key: string) => problems.filter((p) => p.param === `config.${key}`);
  return (
    <div data-testid="connector-config">
      <div className="sw-help sw-connector-class">
        <code>connector.class</code> {spec.className}; <code>name</code>: the node’s name. Keys marked <span style={{ color: 'var(--err)' }}>*</span> are required.
      </div>
      {spec.keys.map((k) => (
        <ConnectorKeyRow key={k.name} k={k} required={!!k.required || !!k.requiredWhen?.(config)} secret={isSecretKey(spec, k.name)} value={config[k.name]} problems={problemsOf(k.name)} onChange={(v) => set(k.name, v)} />
      ))}
      {extra.map((name) => (
        <ConnectorKeyRow key={name} k={{ name, help: '' }} required={false} secret={isSecretKey(spec, name)} value={config[name]} problems={problemsOf(name)} onChange={(v) => set(name, v ?? '')} onRemove={() => set(name, undefined)} />
      ))}
      <AddKey spec={spec} onAdd={(name) => set(name, '')} taken={(name) => name in config || known.has(name)} />
      {spec.local === 'file-source' && <LinesAsSamples topic={spec.topicsOf(config)?.[0] ?? null} />}
    </div>
  );
}

/** A key the connector's list lacks (converters' own settings, transforms, ...). */
function AddKey({ spec, onAdd, taken }: { spec: ConnectorSpec; onAdd: (name: string) => void; taken: (name: string) => boolean }) {
  const [name, setName] = useState('');
  const key = name.trim();
  return (
    <div className="sw-field" style={{ display: 'flex', gap: 4 }}>
      <input type="text" aria-label={`New ${spec.label} config key`} placeholder="another key, e.g. transforms" value={name} onChange={(e) => setName(e.target.value)} data-testid="connector-new-key" />
      <button
        type="button"
        disabled={!key || taken(key)}
        onClick={() => {
          onAdd(key);
          setName('');
        }}
      >
        + Add key
      </button>
    </div>
  );
}

/** Pick a text file: its lines become the samples of the source's topic (what the connector would send). */
function LinesAsSamples({ topic }: { topic: string | null }) {
  const edit = useApp((s) => s.edit);
  const [loaded, setLoaded] = useState<string | null>(null);
  if (!topic) return null;
  return (
    <div className="sw-field">
      <label htmlFor="connector-lines-file">Lines of a file as samples of {topic}</label>
      <input
        id="connector-lines-file"
        type="file"
        accept=".txt,.log,.csv,text/plain"
        data-testid="connector-lines-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          const records = linesAsSamples(await file.text(), EXAMPLE_SAMPLE.timestamp);
          edit((doc) => setSamples(doc, topic, records));
          setLoaded(`${records.length} line(s) of ${file.name} are now the samples of ${topic}`);
        }}
      />
      {loaded && (
        <div className="sw-help" role="status" data-testid="connector-lines-loaded">
          {loaded}
        </div>
      )}
    </div>
  );
}
