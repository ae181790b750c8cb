/**
 * The inspector's schema section of a source or sink node: the key and value schema of its topic
 * (format, text pasted or imported from a .avsc/.json/.proto file, Protobuf message type), the
 * checker's problems marked at their line in the editor and listed under it.
 */
import { useState } from 'react';
import { SCHEMA_SIDES, type SchemaSide } from '../../model/topic-schemas/check-schemas';
import { setTopicSchema } from '../../model/topic-schemas/commands';
import type { Diagnostic, SchemaFormat, TopicSchema } from '../../model/types';
import { useApp } from '../../store/store';
import { CodeEditor } from '../editor/CodeEditor';
import { functionMarkers } from '../inspector/markers';

const FORMATS: { value: SchemaFormat; label: string }[] = [
  { value: 'avro', label: 'Avro' },
  { value: 'json-schema', label: 'JSON Schema' },
  { value: 'protobuf', label: 'Protobuf' },
];

/** The format a file's name implies (.avsc, .proto; .json is JSON Schema unless it reads as Avro). */
export function formatOfFile(name: string, text: string): SchemaFormat {
  if (/\.proto$/i.test(name)) return 'protobuf';
  if (/\.avsc$/i.test(name)) return 'avro';
  return /"type"\s*:\s*"record"/.test(text) && !/"\$schema"/.test(text) ? 'avro' : 'json-schema';
}

export function SchemaSection({ nodeId, topic, problems }: { nodeId: string; topic: string; problems: readonly Diagnostic[] }) {
  return (
    <div className="sw-field" data-testid="schema-section">
      <label>Schemas of topic “{topic}”</label>
      {[...SCHEMA_SIDES].reverse().map((side) => (
        <SchemaSideField key={side} nodeId={nodeId} topic={topic} side={side} problems={problems.filter((p) => p.param === side)} />
      ))}
    </div>
  );
}

function SchemaSideField({ nodeId, topic, side, problems }: { nodeId: string; topic: string; side: SchemaSide; problems: readonly Diagnostic[] }) {
  const schema = useApp((s) => s.doc.topics?.[topic]?.[side]);
  const edit = useApp((s) => s.edit);
  // Collapsed when the node is selected with a schema already written; open while one is being made.
  const [open, setOpen] = useState(!schema?.text);
  const what = side === 'keySchema' ? 'key' : 'value';
  const set = (next: TopicSchema | undefined) => edit((doc) => setTopicSchema(doc, topic, side, next), `schema:${topic}:${side}`);
  const importFile = async (file: File) => {
    const text = await file.text();
    set({ ...schema, format: formatOfFile(file.name, text), text });
  };
  const id = `schema-${side}-format`;
  return (
    <div className="sw-schema-side" data-testid={`schema-${what}`}>
      <div className="sw-row">
        <label htmlFor={id}>{side === 'keySchema' ? 'Key' : 'Value'} schema</label>
        <select id={id} value={schema?.format ?? ''} onChange={(e) => {
            setOpen(true);
            set(e.target.value ? { ...schema, text: schema?.text ?? '', format: e.target.value as SchemaFormat } : undefined);
          }} data-testid={`schema-${what}-format`}>
          <option value="">none</option>
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <label className="sw-button sw-file-button">
          Import…
          <input type="file" accept=".avsc,.json,.proto" hidden onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} data-testid={`schema-${what}-file`} aria-label={`Import the ${what} schema from a file`} />
        </label>
        {schema && (
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open || problems.length > 0}>
            {open ? 'Hide' : 'Edit'}
          </button>
        )}
      </div>
      {schema && (open || problems.length > 0) && (
        <>
          <CodeEditor
            value={schema.text}
            language={schema.format === 'protobuf' ? 'plaintext' : 'json'}
            onChange={(text) => set({ ...schema, text })}
            height={180}
            ariaLabel={`${what} schema of ${topic}`}
            testId={`schema-${what}-text`}
            path={`file:///schemas/${nodeId}/${side}.${schema.format === 'protobuf' ? 'proto' : 'json'}`}
            markers={functionMarkers(problems)}
          />
          {schema.format === 'protobuf' && (
            <input type="text" placeholder="message type (default: the first message)" value={schema.messageType ?? ''} onChange={(e) => set({ ...schema, messageType: e.target.value || undefined })} aria-label="Protobuf message type" data-testid={`schema-${what}-message-type`} />
          )}
        </>
      )}
      <SchemaProblems what={what} problems={problems} />
    </div>
  );
}

/** A schema's problems under it, each at its line when the library says where. */
function SchemaProblems({ what, problems }: { what: string; problems: readonly Diagnostic[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="sw-error" role="alert" data-testid={`schema-${what}-error`}>
      {problems.map((p, i) => (
        <div key={i} data-code={p.code}>
          {p.line !== undefined ? `line ${p.line}, column ${p.column}: ` : ''}
          {p.message}
        </div>
      ))}
    </div>
  );
}
