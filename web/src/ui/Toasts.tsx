import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Icon } from './Icon';

type Toast = { id: number; text: string; kind: 'info' | 'error' };
type Toaster = { notify: (text: string) => void; fail: (text: string) => void };

const ToastContext = createContext<Toaster | null>(null);
let nextId = 1;

/** Short messages in the corner; errors stay until dismissed, the rest fade after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback((text: string, kind: Toast['kind']) => {
    const id = nextId++;
    setToasts((all) => [...all.slice(-4), { id, text, kind }]);
    if (kind === 'info') window.setTimeout(() => dismiss(id), 4000);
  }, [dismiss]);
  const value = useMemo(() => ({ notify: (t: string) => push(t, 'info'), fail: (t: string) => push(t, 'error') }), [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast${t.kind === 'error' ? ' toast-error' : ''}`}>
            <Icon name={t.kind === 'error' ? 'alert' : 'check'} />
            <span style={{ flex: 1 }}>{t.text}</span>
            <button type="button" className="btn btn-ghost btn-icon btn-sm" style={{ color: 'inherit' }} onClick={() => dismiss(t.id)} aria-label="Dismiss">
              <Icon name="x" size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToasts(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToasts outside ToastProvider');
  return toaster;
}
