/** One design in the Designs list: thumbnail, name, summary; open, rename, delete (asked first, undoable). */
import { memo, useState } from 'react';
import { summaryLine, timeAgo } from '../../model/design-summary';
import type { DesignMeta } from '../../store/design-sync';
import { openDesign, removeDesign, renameDesign } from '../../store/designs';
import { useApp } from '../../store/store';
import { useFitDesign } from '../canvas/fit-design';
import { DesignThumb } from './DesignThumb';

/** Memoized: a list re-read from storage keeps the entries that did not change (see sameMetas), and they do not render again. */
export const DesignItem = memo(function DesignItem({ meta, open }: { meta: DesignMeta; open: boolean }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const fitDesign = useFitDesign();
  const show = () =>
    void openDesign(meta.id).then((ok) => {
      if (!ok) return;
      useApp.getState().setDialog(null);
      fitDesign(0);
    });
  return (
    <li className={`sw-design-item${open ? ' sw-open' : ''}`} data-testid="design-item" data-design-id={meta.id} data-design-name={meta.name} aria-current={open ? 'true' : undefined}>
      <button className="sw-design-main" onClick={show} data-testid="design-open" title={open ? 'Open in this tab' : `Open ${meta.name}`}>
        <DesignThumb thumb={meta.thumb} />
        <span className="sw-design-text">
          <span className="sw-design-title">
            <strong className="sw-design-name">{meta.name}</strong>
            {open && <span className="sw-badge">open here</span>}
          </span>
          <small data-testid="design-summary">{summaryLine(meta)}</small>
          {/* The exact time is formatted on hover only: formatting 50 dates costs more than drawing the list. */}
          <small className="sw-muted" onPointerEnter={(e) => (e.currentTarget.title = new Date(meta.updatedAt).toLocaleString())}>
            edited {timeAgo(meta.updatedAt, Date.now())}
          </small>
        </span>
      </button>
      {mode === 'view' && (
        <span className="sw-design-actions">
          <button onClick={() => setMode('rename')} data-testid="design-rename" aria-label={`Rename ${meta.name}`}>
            Rename
          </button>
          <button onClick={() => setMode('delete')} data-testid="design-delete" aria-label={`Delete ${meta.name}`}>
            Delete
          </button>
        </span>
      )}
      {mode === 'rename' && <RenameForm meta={meta} done={() => setMode('view')} />}
      {mode === 'delete' && (
        <span className="sw-design-actions sw-confirm" role="group" aria-label="Confirm delete">
          <span>Delete “{meta.name}”?</span>
          <button className="sw-danger" onClick={() => void removeDesign(meta.id)} data-testid="design-delete-confirm">
            Delete
          </button>
          <button onClick={() => setMode('view')} data-testid="design-delete-cancel">
            Cancel
          </button>
        </span>
      )}
    </li>
  );
});

function RenameForm({ meta, done }: { meta: DesignMeta; done: () => void }) {
  const [text, setText] = useState(meta.name);
  return (
    <form
      className="sw-design-actions"
      onSubmit={(e) => {
        e.preventDefault();
        void renameDesign(meta.id, text).then(done);
      }}
    >
      <input autoFocus value={text} onChange={(e) => setText(e.target.value)} aria-label="New name" data-testid="design-rename-input" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), done())} />
      <button type="submit" data-testid="design-rename-save">
        Rename
      </button>
      <button type="button" onClick={done}>
        Cancel
      </button>
    </form>
  );
}
