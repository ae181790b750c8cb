import { useEffect } from 'react';
import { useApp } from '../store/store';

/** A transient message, e.g. why a connection was refused. */
export function Toast() {
  const toast = useApp((s) => s.toast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => useApp.setState({ toast: null }), 5000);
    return () => clearTimeout(t);
  }, [toast]);
  if (!toast) return null;
  return (
    <div className={`sw-toast sw-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
      {toast.message}
    </div>
  );
}
