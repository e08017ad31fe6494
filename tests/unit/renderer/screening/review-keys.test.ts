import { describe, expect, it } from 'vitest';
import { INITIAL_REVIEW_KEYS, reviewKey, type ReviewKeyState } from '../../../../renderer/src/pages/review/review-keys';

function press(keys: string[], rowCount = 5, from: ReviewKeyState = INITIAL_REVIEW_KEYS) {
  let state = from;
  const effects: string[] = [];
  for (const key of keys) {
    const out = reviewKey(state, key, rowCount);
    state = out.state;
    effects.push(out.effect.kind === 'dismiss' ? `dismiss:${out.effect.reason}` : out.effect.kind);
  }
  return { state, effects };
}

describe('keyboard review', () => {
  it('j and k move within the rows and stop at the ends', () => {
    expect(press(['j']).state.cursor).toBe(0);
    expect(press(['j', 'j', 'j']).state.cursor).toBe(2);
    expect(press(['j', 'j', 'j', 'k']).state.cursor).toBe(1);
    expect(press(['k']).state.cursor).toBe(0);
    expect(press(['j', 'j', 'j', 'j', 'j', 'j', 'j'], 3).state.cursor).toBe(2);
    expect(press(['j'], 0).state.cursor).toBe(-1);
  });

  it('c confirms and u sets back to undecided, only on a row', () => {
    expect(press(['c']).effects).toEqual(['none']);
    expect(press(['j', 'c']).effects).toEqual(['move', 'confirm']);
    expect(press(['j', 'u']).effects).toEqual(['move', 'undecide']);
    expect(press(['j', 'c']).state.cursor).toBe(0);
  });

  it('d opens the chooser; 1/2/3 pick the reason; Enter dismisses and closes it', () => {
    const opened = press(['j', 'd']);
    expect(opened.state.chooser).toEqual({ reason: '不近似' });
    expect(opened.effects).toEqual(['move', 'open-dismiss']);
    expect(press(['2'], 5, opened.state).state.chooser).toEqual({ reason: '权利人自有' });
    const done = press(['3', 'Enter'], 5, opened.state);
    expect(done.effects).toEqual(['none', 'dismiss:其他']);
    expect(done.state.chooser).toBeNull();
    expect(press(['Enter'], 5, opened.state).effects).toEqual(['dismiss:不近似']);
  });

  it('while the chooser is open, j/k/c do nothing and Escape closes it without a decision', () => {
    const opened = press(['j', 'j', 'd']).state;
    const pressed = press(['j', 'c', '9', 'Escape'], 5, opened);
    expect(pressed.effects).toEqual(['none', 'none', 'none', 'none']);
    expect(pressed.state).toEqual({ cursor: 1, chooser: null });
  });

  it('the sequence j, c, j, d, 2, Enter decides two rows', () => {
    expect(press(['j', 'c', 'j', 'd', '2', 'Enter']).effects).toEqual(['move', 'confirm', 'move', 'open-dismiss', 'none', 'dismiss:权利人自有']);
  });

  it('x toggles the checkbox of the current row; other keys are not handled', () => {
    expect(press(['j', 'x']).effects).toEqual(['move', 'toggle']);
    expect(reviewKey({ cursor: 0, chooser: null }, 'q', 5).handled).toBe(false);
  });
});
