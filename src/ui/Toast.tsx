import { useEffect } from 'react';
import { useApp } from '../store/store';

/** A transient message, e.g. why a connection was refused; with an action (Undo) it stays longer. */
export function Toast() {
  const toast = useApp((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => useApp.setState({ toast: null }), toast.action ? 10_000 : 5000);
    return () => clearTimeout(t);
  }, [toast]);
  if (!toast) return null;
  const act = () => {
    useApp.setState({ toast: null });
    toast.action?.run();
  };
  return (
    <div className={`sw-toast sw-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
      <span data-testid="toast-message">{toast.message}</span>
      {toast.action && (
        <button className="sw-toast-action" onClick={act} data-testid="toast-action">
          {toast.action.label}
        </button>
      )}
    </div>
  );
}
