// Ctrl+Z (⌘Z) undoes the latest decision, unless the key is meant for a text field or an open dialog.
import { useEffect, useRef } from 'react';

export function useUndoKey(undo: () => Promise<void> | void): void {
  const latest = useRef(undo);
  latest.current = undo;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      const target = e.target;
      if (target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)))) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      void latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
