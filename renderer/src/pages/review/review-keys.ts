// Keyboard review as a pure reducer: j/k move, c confirms, d opens the dismiss chooser (1/2/3 pick the reason,
// Enter dismisses, Escape closes it), u sets back to undecided, x toggles the row's checkbox.
import { DISMISS_REASONS, type DismissReason } from './labels';

export interface ReviewKeyState {
  /** index of the current row; -1 before the first move */
  cursor: number;
  /** the dismiss chooser, open with its chosen reason */
  chooser: { reason: DismissReason } | null;
}

export type ReviewEffect =
  | { kind: 'none' }
  | { kind: 'move' }
  | { kind: 'confirm' }
  | { kind: 'undecide' }
  | { kind: 'open-dismiss' }
  | { kind: 'dismiss'; reason: DismissReason }
  | { kind: 'toggle' };

export const INITIAL_REVIEW_KEYS: ReviewKeyState = { cursor: -1, chooser: null };

interface Outcome {
  state: ReviewKeyState;
  effect: ReviewEffect;
  /** true when the key was used and its default action should be prevented */
  handled: boolean;
}

const NONE: ReviewEffect = { kind: 'none' };

function chooserKey(state: ReviewKeyState, reason: DismissReason, key: string): Outcome {
  const pick = DISMISS_REASONS[Number(key) - 1];
  if (/^[1-9]$/.test(key) && pick) return { state: { ...state, chooser: { reason: pick } }, effect: NONE, handled: true };
  if (key === 'Enter') return { state: { ...state, chooser: null }, effect: { kind: 'dismiss', reason }, handled: true };
  if (key === 'Escape') return { state: { ...state, chooser: null }, effect: NONE, handled: true };
  return { state, effect: NONE, handled: false };
}

function move(state: ReviewKeyState, step: number, rowCount: number): Outcome {
  if (rowCount === 0) return { state, effect: NONE, handled: true };
  const from = state.cursor < 0 ? (step > 0 ? -1 : 1) : state.cursor;
  const cursor = Math.min(rowCount - 1, Math.max(0, from + step));
  return { state: { ...state, cursor }, effect: { kind: 'move' }, handled: true };
}

export function reviewKey(state: ReviewKeyState, key: string, rowCount: number): Outcome {
  if (state.chooser) return chooserKey(state, state.chooser.reason, key);
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return move(state, 1, rowCount);
    case 'k':
    case 'ArrowUp':
      return move(state, -1, rowCount);
    default:
      break;
  }
  const onRow = state.cursor >= 0 && state.cursor < rowCount;
  if (!onRow) return { state, effect: NONE, handled: false };
  if (key === 'c') return { state, effect: { kind: 'confirm' }, handled: true };
  if (key === 'u') return { state, effect: { kind: 'undecide' }, handled: true };
  if (key === 'x') return { state, effect: { kind: 'toggle' }, handled: true };
  if (key === 'd') return { state: { ...state, chooser: { reason: '不近似' } }, effect: { kind: 'open-dismiss' }, handled: true };
  return { state, effect: NONE, handled: false };
}
