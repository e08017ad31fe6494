// Window-level keys of the review queue (j/k/c/d/u/x and, with the dismiss chooser open, 1/2/3/Enter/Escape).
// Keys typed into a text field, or pressed while another dialog is open, are left alone.
import { useCallback, useEffect, useRef, useState } from 'react';
import { INITIAL_REVIEW_KEYS, reviewKey, type ReviewEffect, type ReviewKeyState } from './review-keys';
import type { DismissReason } from './labels';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type);
}

function shouldIgnore(e: KeyboardEvent, chooserOpen: boolean): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  if (chooserOpen) {
    // In the note field only Enter (dismiss) counts; on a button Enter presses the button.
    if (e.target instanceof HTMLButtonElement) return true;
    return isTextField(e.target) && e.key !== 'Enter';
  }
  return isTextField(e.target) || document.querySelector('[aria-modal="true"]') !== null;
}

export interface ReviewKeyboard {
  state: ReviewKeyState;
  setCursor: (index: number) => void;
  openChooser: () => void;
  pickReason: (reason: DismissReason) => void;
  closeChooser: () => void;
}

export function useReviewKeyboard(rowCount: number, onEffect: (effect: ReviewEffect, cursor: number) => void, initialCursor = -1): ReviewKeyboard {
  const [state, setState] = useState<ReviewKeyState>(() => ({ ...INITIAL_REVIEW_KEYS, cursor: initialCursor }));
  const latest = useRef({ state, rowCount, onEffect });
  latest.current = { state, rowCount, onEffect };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { state: current, rowCount: count, onEffect: effect } = latest.current;
      if (shouldIgnore(e, current.chooser !== null)) return;
      const outcome = reviewKey(current, e.key, count);
      if (!outcome.handled) return;
      e.preventDefault();
      latest.current.state = outcome.state;
      setState(outcome.state);
      if (outcome.effect.kind !== 'none') effect(outcome.effect, outcome.state.cursor);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const setCursor = useCallback((cursor: number) => setState((s) => ({ ...s, cursor })), []);
  const openChooser = useCallback(() => setState((s) => ({ ...s, chooser: { reason: '不近似' } })), []);
  const pickReason = useCallback((reason: DismissReason) => setState((s) => ({ ...s, chooser: { reason } })), []);
  const closeChooser = useCallback(() => setState((s) => ({ ...s, chooser: null })), []);
  return { state, setCursor, openChooser, pickReason, closeChooser };
}
