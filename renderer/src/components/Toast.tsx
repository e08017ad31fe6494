// Small notices in the corner after an action (已保存 / 已删除 / 导入结果); errors stay longer.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'success' | 'error' | 'info';

/** A button in the notice (e.g. 撤销); pressing it runs `run` and closes the notice. */
export interface ToastAction {
  label: string;
  run: () => void;
}

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
  action?: ToastAction;
}

type Notify = (message: string, tone?: ToastTone, action?: ToastAction) => void;

const ToastContext = createContext<Notify>(() => undefined);

export function useToast(): Notify {
  return useContext(ToastContext);
}

const DURATION_MS: Record<ToastTone, number> = { success: 3000, info: 4000, error: 8000 };
/** a notice with a button stays long enough to reach for it */
const ACTION_MS = 10_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((all) => all.filter((t) => t.id !== id)), []);

  const notify = useCallback<Notify>(
    (message, tone = 'success', action) => {
      const id = nextId.current++;
      setItems((all) => [...all.slice(-3), { id, message, tone, ...(action ? { action } : {}) }]);
      window.setTimeout(() => dismiss(id), action ? ACTION_MS : DURATION_MS[tone]);
    },
    [dismiss],
  );

  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`} onClick={() => dismiss(t.id)}>
            {t.message}
            {t.action ? (
              <button
                type="button"
                className="toast-action"
                onClick={(e) => {
                  e.stopPropagation();
                  dismiss(t.id);
                  t.action?.run();
                }}
              >
                {t.action.label}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
