// A part grown by an element added so that it touches it (arrangement.ts placeHidden, grownPart): the copy keeps the
// small elements in their places, but the main figure's region now holds the added element too, so its box, centre
// and hashes moved and it is neither paired nor found in its place. It is found as a query part whose box holds
// the place the small elements put the figure at, the cells of its thumbnail there correlating with the figure.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import { cellsOf } from '../../../shared/engine/logo/parts-match';
import { type Element, features, logoPng, onlyParts, registryOf } from './support/elements';


/** A large disc, a star and a bar apart, each in its own colour: the disc holds most of the ink. */
const MARK: Element[] = [
  { shape: 'disc', x: 110, y: 120, size: 140, fill: '#1d3f8f' },
  { shape: 'star', x: 215, y: 45, size: 70, fill: '#d04020' },
  { shape: 'bar', x: 70, y: 228, size: 80, fill: '#20a040' },
];
/** A square in the disc's colour set against its left side. */
const TAB: Element = { shape: 'square', x: 38, y: 120, size: 36, fill: '#1d3f8f' };

describe('a part grown by an element added so that it touches it', () => {
  it('counts toward the share where the other parts put it', async () => {
    const mark = await features(logoPng(MARK));
    const stored = registryOf([mark]);
    const index = new LogoIndex(stored);
    const copy = await features(logoPng([...MARK, TAB]).then((png) => sharp(png).jpeg({ quality: 85 }).toBuffer()), false);
    // the disc and the tab are one part of the copy, wider than the disc
    expect(copy.parts).toHaveLength(3);
    const disc = mark.parts[0]!;
    const grown = copy.parts[0]!;
    expect(grown.box[0]).toBeLessThan(disc.box[0] - 5);
    const found = index.search(copy, onlyParts);
    expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'parts']]);
    expect(found).toEqual(scanLogos(stored, copy, onlyParts));
    // the star and the bar alone hold too little of the ink: the disc inside the grown part makes it up
    expect(found[0]!.score).toBeGreaterThan(0.5);
  });

  it('not when what lies there is another figure grown as much', async () => {
    const index = new LogoIndex(registryOf([await features(logoPng(MARK))]));
    const other = MARK.map((e) => (e.shape === 'disc' ? { ...e, shape: 'triangle' as const } : e));
    const copy = await features(logoPng([...other, TAB]).then((png) => sharp(png).jpeg({ quality: 85 }).toBuffer()), false);
    expect(index.search(copy, onlyParts)).toEqual([]);
  });

  it('reads the cells of a thumbnail: all of them give it back, a half is the half stretched', () => {
    const thumb = Uint8Array.from({ length: 1024 }, (_, i) => (i % 32) * 8);
    expect(cellsOf(thumb, [0, 0, 32, 32])).toEqual(thumb);
    const left = cellsOf(thumb, [0, 0, 16, 32]);
    // the left half's columns run 0 … 120 in steps of 8 (cells 0 … 15), stretched over 32 columns and sampled at
    // their centres: the last one a quarter of the way to the next cell
    expect(left[0]).toBe(0);
    expect(left[31]).toBe(122);
    expect(left[32 * 5 + 16]).toBeCloseTo(62, -1);
  });
});
