// The percentiles each prepared square is stretched by are found by selection: the same values a sort gives.
import { describe, expect, it } from 'vitest';
import { kthSmallest } from '../../../shared/engine/logo/prepare';

describe('kthSmallest', () => {
  it('gives the value sorting puts at k, with ties, runs and a single value', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const cases = [
      Float64Array.from({ length: 1024 }, () => Math.round(next() * 255)),
      Float64Array.from({ length: 1024 }, () => next() * 255),
      Float64Array.from({ length: 1024 }, (_, i) => (i < 900 ? 255 : i)),
      Float64Array.from({ length: 257 }, (_, i) => 256 - i),
      Float64Array.of(42),
    ];
    for (const values of cases) {
      const sorted = new Float64Array(values).sort();
      for (const k of [0, 1, Math.floor(values.length * 0.01), values.length >> 1, Math.ceil(values.length * 0.99) - 1, values.length - 1]) {
        expect(kthSmallest(new Float64Array(values), k)).toBe(sorted[k]);
      }
      // twice on the same array, as stretch does
      const work = new Float64Array(values);
      const lo = kthSmallest(work, Math.floor(values.length * 0.01));
      expect([lo, kthSmallest(work, Math.ceil(values.length * 0.99) - 1)]).toEqual([sorted[Math.floor(values.length * 0.01)], sorted[Math.ceil(values.length * 0.99) - 1]]);
    }
  });
});
