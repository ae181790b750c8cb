/** Input records under a title (a record's lineage, or what a node dropped); each can be edited in place. */
import { useState } from 'react';
import type { TracedRecord } from '../../../simulator/types';
import { fmt } from '../format';
import { TimeCell } from '../TimeCell';
import { SampleRowEditor } from './SampleRowEditor';

interface Props {
  testId: string;
  title: string;
  records: TracedRecord[];
  className?: string;
}

export function InputRecords({ testId, title, records, className }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div style={{ marginTop: 8 }} data-testid={testId}>
      <div className="sw-muted">{title}</div>
      <table className="sw-records">
        <tbody>
          {records.map((r) =>
            editing === r.id ? (
              <SampleRowEditor key={r.id} inputId={r.id} record={r} colSpan={5} onDone={() => setEditing(null)} />
            ) : (
              <tr key={r.id} className={className}>
                <td>{r.id}</td>
                <td>{fmt(r.key)}</td>
                <td>{fmt(r.value)}</td>
                <TimeCell ts={r.timestamp} />
                <td>
                  <EditButton id={r.id} onClick={() => setEditing(r.id)} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function EditButton({ id, onClick }: { id: string; onClick: () => void }) {
  return (
    <button
      className="sw-small"
      data-testid="sample-edit"
      aria-label={`Edit input record ${id}`}
      title="Edit this input record; every node updates"
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      Edit
    </button>
  );
}
