/** The toolbar's save indicator: "Saved · 2 s ago", "Saving…", "Not saved: <reason>". */
import { useEffect, useState } from 'react';
import { describeSave } from '../../store/design-sync';
import { useApp } from '../../store/store';
import './designs.css';

export function SaveStatus() {
  const save = useApp((s) => s.save);
  const [now, setNow] = useState(Date.now());
  // "2 s ago" has to move on while nothing else changes.
  useEffect(() => {
    if (save.kind !== 'saved') return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [save]);
  const text = describeSave(save, save.kind === 'saved' ? Math.max(now, save.at) : now);
  return (
    <span className={`sw-save-status sw-${save.kind}`} data-testid="save-status" data-state={save.kind} role="status" title={save.kind === 'saved' ? `Saved in this browser at ${new Date(save.at).toLocaleTimeString()}` : text}>
      {text}
    </span>
  );
}
