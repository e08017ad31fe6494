import { describe, expect, it } from 'vitest';
import { clickCheckbox, EMPTY_SELECTION, selectAll } from '../../../../renderer/src/pages/review/selection';

const IDS = [11, 12, 13, 14, 15];

describe('checkbox selection', () => {
  it('a click toggles one row', () => {
    const one = clickCheckbox(EMPTY_SELECTION, IDS, 1, false);
    expect([...one.ids]).toEqual([12]);
    expect([...clickCheckbox(one, IDS, 1, false).ids]).toEqual([]);
  });

  it('a shift-click selects the range from the last click', () => {
    const anchored = clickCheckbox(EMPTY_SELECTION, IDS, 1, false);
    expect([...clickCheckbox(anchored, IDS, 3, true).ids].sort()).toEqual([12, 13, 14]);
    const back = clickCheckbox(clickCheckbox(EMPTY_SELECTION, IDS, 4, false), IDS, 2, true);
    expect([...back.ids].sort()).toEqual([13, 14, 15]);
  });

  it('selects and clears all loaded rows', () => {
    expect(selectAll(IDS, true).ids.size).toBe(5);
    expect(selectAll(IDS, false).ids.size).toBe(0);
  });
});
