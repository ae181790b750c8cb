/**
 * One input record edited in place from the preview (key, value, timestamp). Saving replaces the
 * sample in the design (one undo step) and the preview runs again; a bad field is named, nothing lost.
 */
import { useState } from 'react';
import { updateSample } from '../../../model/commands';
import { useApp } from '../../../store/store';
import { draftOf, parseInputId, parseSampleDraft, type SampleDraft } from './sample-edit';

interface Props {
  inputId: string;
  record: { key: unknown; value: unknown; timestamp: number };
  colSpan: number;
  onDone: () => void;
}

export function SampleRowEditor({ inputId, record, colSpan, onDone }: Props) {
  const [draft, setDraft] = useState<SampleDraft>(() => draftOf(record));
  const [error, setError] = useState<{ field: keyof SampleDraft; message: string } | null>(null);
  const save = () => {
    const { topic, index } = parseInputId(inputId);
    const headers = useApp.getState().doc.samples[topic]?.[index]?.headers;
    const parsed = parseSampleDraft(draft, headers);
    if (!parsed.ok) return setError(parsed);
    useApp.getState().edit((doc) => updateSample(doc, topic, index, parsed.record));
    onDone();
  };
  const field = (name: keyof SampleDraft, label: string, width: number) => (
    <label className="sw-inline-field">
      <span>{label}</span>
      <input
        aria-label={`${label} of ${inputId}`}
        data-testid={`sample-edit-${name}`}
        style={{ width }}
        value={draft[name]}
        aria-invalid={error?.field === name}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') save();
          if (e.key === 'Escape') onDone();
        }}
      />
    </label>
  );
  return (
    <tr className="sw-editing" data-testid="sample-edit-row">
      <td colSpan={colSpan}>
        <div className="sw-row" style={{ flexWrap: 'wrap' }}>
          <strong>{inputId}</strong>
          {field('key', 'key', 120)}
          {field('value', 'value', 320)}
          {field('timestamp', 'timestamp', 140)}
          <button className="sw-primary" data-testid="sample-edit-save" onClick={save}>
            Save
          </button>
          <button onClick={onDone}>Cancel</button>
        </div>
        {error && (
          <div className="sw-field-error" role="alert" data-testid="sample-edit-error">
            {error.field}: {error.message}
          </div>
        )}
      </td>
    </tr>
  );
}
