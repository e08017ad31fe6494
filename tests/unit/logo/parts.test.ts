// Matching by parts: a copy that changed one element of a logo, or added one, is found by the elements it kept in
// their places; the same elements laid out otherwise are not.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { type PartPair, partsAgree } from '../../../shared/engine/logo/arrangement';
import { type PartPlace, partRegions } from '../../../shared/engine/logo/parts';
import type { GrayImage } from '../../../shared/engine/logo/prepare';
import { type Element, features, foundByParts, jpegQuery, logoPng, onlyParts, registryOf } from './support/elements';

/** A mark of four elements, each in its own colour: a disc with a triangle overlapping it, a star, a bar. */
const MARK: Element[] = [
  { shape: 'disc', x: 90, y: 100, size: 110, fill: '#1d3f8f' },
  { shape: 'triangle', x: 150, y: 130, size: 70, fill: '#d04020' },
  { shape: 'star', x: 200, y: 60, size: 60, fill: '#e0a010' },
  { shape: 'bar', x: 128, y: 215, size: 200, fill: '#207040' },
];


describe('logo parts', () => {
  it('cuts the ink into parts where the colour changes, even over a JPEG\'s soft edge, and keeps one-colour ink whole', () => {
    // 40 × 40: a blue frame around a red square that touches it, and beside them nothing
    const w = 40;
    const rgb = new Uint8Array(w * w * 3).fill(255);
    const paint = (x0: number, y0: number, x1: number, y1: number, c: [number, number, number]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgb.set(c, (y * w + x) * 3);
    };
    paint(2, 2, 38, 38, [20, 40, 160]);
    paint(12, 12, 28, 28, [200, 40, 30]);
    // the ink image as prepare.ts makes it: every pixel of both colours is full ink
    const inkOf = (): GrayImage => ({ width: w, height: w, data: Uint8Array.from({ length: w * w }, (_, i) => (rgb[3 * i] === 255 ? 255 : 0)) });
    const parts = partRegions(inkOf(), rgb, [0, 0, w, w]);
    expect(parts).toHaveLength(2);
    const [frame, square] = parts;
    expect(frame!.box).toEqual([2, 2, 38, 38]);
    expect(square!.box[2] - square!.box[0]).toBeGreaterThanOrEqual(14);
    expect(frame!.share + square!.share).toBeCloseTo(1, 1);
    // the square inside the frame's box is erased when the frame is hashed
    expect(frame!.erase![20 * w + 20]).toBe(1);
    expect(frame!.erase![5 * w + 5]).toBe(0);
    // the square's box holds nothing else: nothing to erase
    expect(square!.erase).toBeUndefined();
    // a soft edge: the colours blend over two pixels each side, no two neighbours far apart
    for (let y = 10; y < 30; y++) {
      for (let x = 10; x < 30; x++) {
        const inside = x >= 12 && x < 28 && y >= 12 && y < 28;
        const rim = !inside && x >= 10 && x < 30 && y >= 10 && y < 30;
        if (rim) rgb.set([110, 40, 95], (y * w + x) * 3);
      }
    }
    expect(partRegions(inkOf(), rgb, [0, 0, w, w])).toHaveLength(2);
    // one colour throughout: one part, so no parts at all
    paint(2, 2, 38, 38, [20, 40, 160]);
    expect(partRegions(inkOf(), rgb, [0, 0, w, w])).toEqual([]);
  });

  it('tells two dark colours apart by their hues, and not a colour from its own darker or paler shade', () => {
    // a navy square with a dark green bar against its right side: every channel within 80 of the other's
    const w = 40;
    const rgb = new Uint8Array(w * w * 3).fill(255);
    const paint = (x0: number, y0: number, x1: number, y1: number, c: [number, number, number]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgb.set(c, (y * w + x) * 3);
    };
    const inkOf = (): GrayImage => ({ width: w, height: w, data: Uint8Array.from({ length: w * w }, (_, i) => (rgb[3 * i] === 255 ? 255 : 0)) });
    paint(4, 4, 28, 36, [30, 30, 120]);
    paint(28, 10, 36, 30, [30, 100, 40]);
    const parts = partRegions(inkOf(), rgb, [0, 0, w, w]);
    expect(parts.map((p) => p.box)).toEqual([[4, 4, 28, 36], [29, 10, 36, 30]]);
    // the bar in a darker navy (the same hue) or a gray (no hue): one part with the square, so none
    paint(28, 10, 36, 30, [20, 20, 70]);
    expect(partRegions(inkOf(), rgb, [0, 0, w, w])).toEqual([]);
    paint(28, 10, 36, 30, [60, 60, 60]);
    expect(partRegions(inkOf(), rgb, [0, 0, w, w])).toEqual([]);
  });

  it('agrees on an arrangement carried by one orientation, scale and placement, whatever the order of the pairs', () => {
    const stored: PartPlace[] = [
      { box: [10, 10, 50, 50], share: 0.5 },
      { box: [60, 10, 80, 30], share: 0.2 },
      { box: [10, 60, 90, 70], share: 0.3 },
    ];
    // the query: mirrored left to right (orientation 1) and 1.5 times larger
    const mirror = (b: PartPlace['box']): PartPlace['box'] => [(100 - b[2]) * 1.5, b[1] * 1.5, (100 - b[0]) * 1.5, b[3] * 1.5];
    const query: PartPlace[] = stored.map((p) => ({ box: mirror(p.box), share: p.share }));
    const pair = (s: number, q: number, orientation = 1): PartPair => ({ stored: s, query: q, orientation, phash: 2, dhash: 3, correlation: 0.9 });
    const limits = { tolerance: 0.05, maxScale: 0.25, minParts: 2, minShare: 0.6 };
    const pairs = [pair(0, 0), pair(1, 1), pair(2, 2), pair(1, 1, 0)];
    const agreed = partsAgree(pairs, stored, query, limits)!;
    expect(agreed).toMatchObject({ orientation: 1, parts: 3 });
    expect(agreed.share).toBeCloseTo(1);
    expect(partsAgree([...pairs].reverse(), stored, query, limits)).toEqual(agreed);
    // the star moved to the other corner: the disc and the bar still agree
    const moved = query.map((p, i) => (i === 1 ? { ...p, box: [0, 120, 30, 150] as PartPlace['box'] } : p));
    expect(partsAgree(pairs, stored, moved, limits)!.share).toBeCloseTo(0.8);
    // only the small parts in their place hold too little of the logo
    expect(partsAgree([pair(1, 1), pair(2, 2)], stored, query, limits)).toBeNull();
    // every part elsewhere: nothing agrees
    const shuffled = [query[2]!, query[0]!, query[1]!];
    expect(partsAgree(pairs, stored, shuffled, limits)).toBeNull();
  });

  it('counts a part hidden in part by a changed element toward the share where the arrangement puts it', () => {
    // a large figure (0.7 of the ink) and two small elements; the copy changed an element that overlaps the figure,
    // so the figure's hashes found no pair: only the two small elements did
    const stored: PartPlace[] = [
      { box: [10, 10, 70, 70], share: 0.7 },
      { box: [75, 10, 95, 30], share: 0.15 },
      { box: [75, 60, 95, 80], share: 0.15 },
    ];
    const query: PartPlace[] = [{ box: [12, 10, 70, 70], share: 0.65 }, stored[1]!, stored[2]!];
    const pairs: PartPair[] = [1, 2].map((k) => ({ stored: k, query: k, orientation: 0, phash: 0, dhash: 0, correlation: 1 }));
    const limits = { tolerance: 0.04, maxScale: 0.25, minParts: 2, minShare: 0.5 };
    expect(partsAgree(pairs, stored, query, limits)).toBeNull();
    const alike = (c: number) => ({ minCorrelation: 0.6, correlation: (s: number, q: number) => (s === 0 && q === 0 ? c : 0) });
    const agreed = partsAgree(pairs, stored, query, limits, alike(0.8))!;
    expect(agreed.share).toBeCloseTo(1);
    expect(agreed.parts).toBe(3);
    expect(agreed.correlation).toBeCloseTo(0.7 * 0.8 + 0.3);
    // drawn otherwise (its thumbnail unlike), or elsewhere than the small elements put it: not counted
    expect(partsAgree(pairs, stored, query, limits, alike(0.5))).toBeNull();
    const moved = [{ box: [30, 30, 90, 90] as PartPlace['box'], share: 0.65 }, stored[1]!, stored[2]!];
    expect(partsAgree(pairs, stored, moved, limits, alike(0.8))).toBeNull();
    // a hidden part does not stand in for a pair of hashes: one small element alone is not enough
    expect(partsAgree(pairs.slice(0, 1), stored, query, limits, alike(0.9))).toBeNull();
  });

  it('finds a copy with one element changed or one added by its parts', async () => {
    const mark = await features(logoPng(MARK));
    expect(mark.parts.length).toBeGreaterThanOrEqual(4);
    const index = new LogoIndex(registryOf([mark]));
    const copies = {
      // the star became a square
      changed: MARK.map((e) => (e.shape === 'star' ? { ...e, shape: 'square' as const, size: 44 } : e)),
      // a disc added at the upper left corner, touching nothing
      added: [...MARK, { shape: 'disc' as const, x: 30, y: 30, size: 40, fill: '#802080' }],
    };
    for (const [form, elements] of Object.entries(copies)) {
      const query = await features(logoPng(elements).then((png) => sharp(png).flop().jpeg({ quality: 80 }).toBuffer()), false);
      expect(index.search(query, LOGO_RULE).map((m) => m.index), form).toEqual([0]);
      const byParts = index.search(query, onlyParts);
      expect(byParts.map((m) => [m.index, m.via, m.orientation]), form).toEqual([[0, 'parts', 1]]);
      expect(byParts).toEqual(scanLogos(index.stored, query, onlyParts));
      expect(index.search(query, LOGO_RULE)).toEqual(scanLogos(index.stored, query, LOGO_RULE));
    }
    // the changed copy is found by its parts, not by its whole figure's hashes and thumbnail (an added element beside
    // the figure is also peeled off); its colours, kept where they were, are a second way to it (colour.ts), with
    // the whole figures' hashes or with their difference hashes (LogoRule.byDhash)
    const changed = await features(logoPng(copies.changed).then((png) => sharp(png).flop().jpeg({ quality: 80 }).toBuffer()), false);
    expect(index.search(changed, { ...LOGO_RULE, parts: undefined, colour: undefined, byDhash: undefined, colourCells: undefined })).toEqual([]);
    expect(index.search(changed, { ...LOGO_RULE, parts: undefined }).map((m) => [m.index, m.via])).toEqual([[0, 'whole']]);
  });

  it('finds a copy whose changed element cut the main figure otherwise, by the small elements and the figure where they put it', async () => {
    // a large disc with a square on its edge, a star and a bar apart; the copy has a triangle on the disc's other side
    const mark: Element[] = [
      { shape: 'disc', x: 100, y: 120, size: 140, fill: '#1d3f8f' },
      { shape: 'square', x: 165, y: 120, size: 50, fill: '#e0a010' },
      { shape: 'star', x: 205, y: 45, size: 80, fill: '#d04020' },
      { shape: 'bar', x: 60, y: 228, size: 80, fill: '#20a040' },
    ];
    const index = new LogoIndex(registryOf([await features(logoPng(mark))]));
    const changed = mark.map((e) => (e.shape === 'square' ? { ...e, shape: 'triangle' as const, x: 45, y: 75 } : e));
    // the star and the bar alone hold too little of the mark's ink: the disc, cut otherwise, makes it up
    foundByParts(index, await jpegQuery(changed));
    // the disc moved away from where the star and the bar put it: not the mark
    const moved = changed.map((e) => (e.shape === 'disc' ? { ...e, x: 140, y: 150 } : e));
    const other = await jpegQuery(moved);
    expect(index.search(other, onlyParts)).toEqual([]);
  });

  it('does not take the same elements laid out otherwise for a copy', async () => {
    // a star and a triangle above a bar; then the star moved below and the bar above. (Elements symmetric every
    // way, a disc or a square, would let some turn of the arrangement fit two of them: distances are all they have.)
    const mark: Element[] = [
      { shape: 'star', x: 70, y: 70, size: 100, fill: '#1d3f8f' },
      { shape: 'triangle', x: 190, y: 70, size: 100, fill: '#e0a010' },
      { shape: 'bar', x: 128, y: 200, size: 120, fill: '#d04020' },
    ];
    const index = new LogoIndex(registryOf([await features(logoPng(mark))]));
    const moved: Element[] = [{ ...mark[0]!, x: 90, y: 170 }, mark[1]!, { ...mark[2]!, x: 120, y: 12 }];
    const layout = await jpegQuery(moved);
    // its elements are the mark's (placed anywhere they would meet), only the arrangement tells them apart
    const anywhere: LogoRule = { ...onlyParts, parts: { ...onlyParts.parts!, tolerance: 100, maxScale: 100 } };
    expect(index.search(layout, anywhere).map((m) => m.index)).toEqual([0]);
    expect(index.search(layout, onlyParts)).toEqual([]);
    expect(scanLogos(index.stored, layout, onlyParts)).toEqual([]);
  });

  it('peels off an element of another colour that touches the figure, which no gap separates', async () => {
    // a blue square with two yellow bars in it, registered; the copy adds a purple disc touching its left side
    const svg = (disc: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
      <rect width="256" height="256" fill="#fff"/><rect x="60" y="50" width="160" height="160" fill="#2a20d0"/>
      <rect x="150" y="65" width="50" height="26" fill="#e0a010"/><rect x="75" y="170" width="40" height="26" fill="#e0a010"/>
      ${disc ? `<circle cx="46" cy="130" r="16" fill="${disc}"/>` : ''}</svg>`)).png().toBuffer();
    const index = new LogoIndex(registryOf([await features(svg(''))]));
    const rule = { ...LOGO_RULE, parts: undefined };
    const copy = await features(svg('#a02080'), false);
    const found = index.search(copy, rule);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'peel']]);
    expect(found).toEqual(scanLogos(index.stored, copy, rule));
    // the same disc in the square's own colour is one region with it: nothing to peel it by, and nothing found
    const sameColour = await features(svg('#2a20d0'), false);
    expect(sameColour.variants.some((v) => v.kind === 'peel')).toBe(false);
    expect(index.search(sameColour, rule)).toEqual([]);
  });

  it('peels off a thin stroke of another colour touching a figure of one colour, though it is too small to be a part', async () => {
    // a purple cross, registered; the copy adds a thin brown arc round the end of its right arm, holding about 1 %
    // of the ink (a part needs 1.5 %)
    const svg = (arc: string | null) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
      <rect width="256" height="256" fill="#fff"/><rect x="110" y="40" width="44" height="176" fill="#3a1070"/>
      <rect x="40" y="106" width="176" height="44" fill="#3a1070"/>
      ${arc ? `<path d="M 214 112 a 16 16 0 0 1 0 32" fill="none" stroke="${arc}" stroke-width="7"/>` : ''}</svg>`)).png().toBuffer();
    const index = new LogoIndex(registryOf([await features(svg(null))]));
    const rule = { ...LOGO_RULE, parts: undefined };
    const copy = await features(svg('#804008'), false);
    expect(copy.parts).toEqual([]);
    const found = index.search(copy, rule);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'peel']]);
    expect(found).toEqual(scanLogos(index.stored, copy, rule));
    // the same arc in the cross's own colour is one region with it: nothing to peel it by
    const sameColour = await features(svg('#3a1070'), false);
    expect(sameColour.variants.some((v) => v.kind === 'peel')).toBe(false);
  });
});
