/** Another tab changed or deleted the design open here: the user chooses; nothing is written until then. */
import { resolveConflict, type ConflictChoice } from '../../store/design-remote';
import { useApp } from '../../store/store';
import { useFitDesign } from '../canvas/fit-design';

export function ConflictDialog() {
  const save = useApp((s) => s.save);
  const name = useApp((s) => s.doc.name);
  const fitDesign = useFitDesign();
  if (save.kind !== 'conflict') return null;
  const choose = (c: ConflictChoice) => void resolveConflict(c).then(() => c !== 'overwrite' && fitDesign(0));
  const deleted = save.reason === 'deleted';
  return (
    <div className="sw-dialog-backdrop">
      <div className="sw-dialog sw-conflict" role="alertdialog" aria-modal="true" aria-label="Design changed in another tab" data-testid="conflict-dialog" data-reason={save.reason}>
        <h2>{deleted ? 'This design was deleted in another tab' : 'This design was changed in another tab'}</h2>
        <p>
          {deleted
            ? `Your version here (“${name}”) is not saved. Keep it, or close it and open another design.`
            : `Your changes here (“${name}”) are not saved yet. Saving them would replace the other tab’s changes, so choose what happens:`}
        </p>
        <div className="sw-conflict-choices">
          <button onClick={() => choose('theirs')} data-testid="conflict-theirs">
            {deleted ? 'Close it' : 'Load their version'}
            <small>your changes here are discarded</small>
          </button>
          <button onClick={() => choose('copy')} data-testid="conflict-copy">
            Keep mine as a copy
            <small>a new design beside theirs</small>
          </button>
          <button onClick={() => choose('overwrite')} data-testid="conflict-overwrite">
            {deleted ? 'Keep it' : 'Overwrite theirs'}
            <small>{deleted ? 'stored again under its name' : 'their changes are replaced by mine'}</small>
          </button>
        </div>
      </div>
    </div>
  );
}
