// A part hidden in part may shrink: an element drawn over its side takes that side off its box and moves its
// centre further than the arrangement's tolerance; it still counts where it lies inside the place its stored part
// is carried to (shared/engine/logo/arrangement.ts shrunkWithin).
import { describe, expect, it } from 'vitest';
import { LogoIndex } from '../../../shared/engine/logo/logo-index';
import { type PartPair, partsAgree } from '../../../shared/engine/logo/arrangement';
import type { PartPlace } from '../../../shared/engine/logo/parts';
import { type Element, features, foundByParts, jpegQuery, logoPng, onlyParts, registryOf } from './support/elements';

describe('a part shrunk by an element over its side', () => {
  // a large figure (0.7 of the ink) and two small elements that pair by their hashes; the figure did not
  const stored: PartPlace[] = [
    { box: [10, 10, 70, 70], share: 0.7 },
    { box: [75, 10, 95, 30], share: 0.15 },
    { box: [75, 60, 95, 80], share: 0.15 },
  ];
  const pairs: PartPair[] = [1, 2].map((k) => ({ stored: k, query: k, orientation: 0, phash: 0, dhash: 0, correlation: 1 }));
  const limits = { tolerance: 0.04, maxScale: 0.25, minParts: 2, minShare: 0.5 };
  // the element at query part 1 has no symmetry
  const alike = { minCorrelation: 0.6, correlation: (s: number, q: number) => (s === 0 && q === 0 ? 0.8 : 0), asymmetric: (q: number) => q === 1 };
  const withFigure = (box: PartPlace['box']): PartPlace[] => [{ box, share: 0.5 }, stored[1]!, stored[2]!];

  it('counts the figure where it lies inside its place, its right side taken off', () => {
    // 18 of its 60 px gone: its centre 9 px off, where 0.04 of the 85 px figure allows 3.4
    const agreed = partsAgree(pairs, stored, withFigure([10, 10, 52, 70]), limits, alike)!;
    expect(agreed.share).toBeCloseTo(1);
    expect(agreed.parts).toBe(3);
  });

  it('does not count it shrunk to less than half its place, reaching out of it, or drawn otherwise', () => {
    expect(partsAgree(pairs, stored, withFigure([10, 10, 38, 70]), limits, alike)).toBeNull();
    expect(partsAgree(pairs, stored, withFigure([2, 10, 52, 70]), limits, alike)).toBeNull();
    const unlike = { ...alike, correlation: () => 0.5 };
    expect(partsAgree(pairs, stored, withFigure([10, 10, 52, 70]), limits, unlike)).toBeNull();
  });

  it('does not look for it when every pair that carries it is a symmetric element', () => {
    const symmetric = { ...alike, asymmetric: () => false };
    expect(partsAgree(pairs, stored, withFigure([10, 10, 52, 70]), limits, symmetric)).toBeNull();
    // where a part hidden at its size lies, it still counts
    expect(partsAgree(pairs, stored, withFigure([12, 10, 70, 70]), limits, symmetric)!.share).toBeCloseTo(1);
  });

  it('finds a copy whose changed element covers the side of its main figure, and not that figure moved', async () => {
    // a large disc with a small square on its top, an L and a bar apart; the copy drew a large square over the
    // disc's right side instead
    const mark: Element[] = [
      { shape: 'disc', x: 100, y: 110, size: 150, fill: '#1d3f8f' },
      { shape: 'square', x: 100, y: 40, size: 30, fill: '#e0a010' },
      { shape: 'ell', x: 34, y: 32, size: 50, fill: '#d04020' },
      { shape: 'bar', x: 45, y: 232, size: 70, fill: '#20a040' },
    ];
    const index = new LogoIndex(registryOf([await features(logoPng(mark))]));
    const changed = mark.map((e) => (e.shape === 'square' ? { ...e, x: 200, y: 110, size: 120 } : e));
    // the L and the bar hold a tenth of the mark's ink: the disc makes it up
    foundByParts(index, await jpegQuery(changed));
    const moved = changed.map((e) => (e.shape === 'disc' ? { ...e, x: 120, y: 150 } : e));
    const other = await jpegQuery(moved);
    expect(index.search(other, onlyParts)).toEqual([]);
    // with a star (symmetric) for the L, the shrunk disc is not looked for
    const starred = (elements: Element[]) => elements.map((e) => (e.shape === 'ell' ? { ...e, shape: 'star' as const, size: 56 } : e));
    const starIndex = new LogoIndex(registryOf([await features(logoPng(starred(mark)))]));
    const starCopy = await jpegQuery(starred(changed));
    expect(starIndex.search(starCopy, onlyParts)).toEqual([]);
  });
});
