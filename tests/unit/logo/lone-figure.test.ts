// A registry logo that is one figure and nothing else (a lone ring) is told from another firm's same figure by its
// colour alone: met by its symmetric hashes, a query in colour must carry its ink in the logo's colour
// (limits.ts LONE_MAX_INK_DISTANCE, colour.ts inkColour).
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { COLOUR_BYTES, COLOUR_SIDE, inkColour, inkColourDistance } from '../../../shared/engine/logo/colour';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import type { LogoRule } from '../../../shared/engine/logo/limits';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import { features, registryOf } from './support/elements';

const CELLS = COLOUR_SIDE * COLOUR_SIDE;

/** A grid of ground with the cells `ink` says in the ink colour. */
function grid(ground: [number, number, number], ink: [number, number, number], isInk: (x: number, y: number) => boolean): Uint8Array {
  const out = new Uint8Array(COLOUR_BYTES);
  for (let k = 0; k < CELLS; k++) {
    const colour = isInk(k % COLOUR_SIDE, Math.floor(k / COLOUR_SIDE)) ? ink : ground;
    for (let c = 0; c < 3; c++) out[c * CELLS + k] = colour[c]!;
  }
  return out;
}

/** A ring on white, drawn whole: its figure and its name (when given) across its foot. */
const ring = (stroke: string, name?: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
  <rect width="100%" height="100%" fill="#fff"/><circle cx="120" cy="120" r="80" fill="none" stroke="${stroke}" stroke-width="28"/>
  ${name ? `<rect x="80" y="186" width="80" height="22" fill="${name}"/>` : ''}</svg>`)).png().toBuffer();

/** Only the symmetric tiers compared: what the other kinds of pair would find is not this test's question. */
const onlySymmetric: LogoRule = {
  maxPhash: -1, maxSum: -1, minCorrelation: 2,
  symmetric: LOGO_RULE.symmetric!, symmetricClose: LOGO_RULE.symmetricClose!, symmetricDetailed: LOGO_RULE.symmetricDetailed!, symmetricPlain: LOGO_RULE.symmetricPlain!,
};

describe('a lone figure', () => {
  it('reads a figure\'s ink colour off its grid, whatever its ground and however much of the box it fills', () => {
    const red: [number, number, number] = [200, 30, 40];
    const ringCells = (x: number, y: number) => { const d = Math.hypot(x - 3.5, y - 3.5); return d > 2 && d < 3.6; };
    expect(inkColour(grid([255, 255, 255], red, ringCells)).map(Math.round)).toEqual(red);
    // on a dark ground too, and a square that fills its box has no ground at its corners: its colour is its ink
    expect(inkColour(grid([20, 30, 40], red, ringCells)).map(Math.round)).toEqual(red);
    expect(inkColour(grid([255, 255, 255], red, () => true)).map(Math.round)).toEqual(red);
    expect(inkColourDistance(grid([255, 255, 255], red, ringCells), grid([250, 250, 240], [30, 160, 60], ringCells))).toBeGreaterThan(150);
  });

  it('is met by its copy in its colours, not by another firm\'s figure in another colour unless the query has none', async () => {
    const index = new LogoIndex(registryOf([await features(ring('#1f9a3f'))]));
    const search = async (image: Promise<Buffer>) => {
      const query = await features(image, false);
      const found = index.search(query, onlySymmetric);
      expect(found).toEqual(scanLogos(index.stored, query, onlySymmetric));
      return found.map((m) => [m.index, m.via]);
    };
    expect(await search(ring('#1f9a3f').then((png) => sharp(png).jpeg({ quality: 60 }).toBuffer()))).toEqual([[0, 'symmetric']]);
    // a red ring, and a red ring with a name across its foot: two other firms' rings
    expect(await search(ring('#c02030').then((png) => sharp(png).jpeg({ quality: 60 }).toBuffer()))).toEqual([]);
    expect(await search(ring('#c02030', '#c02030'))).toEqual([]);
    // printed in black and white no colour tells them apart: met
    expect(await search(ring('#c02030').then((png) => sharp(png).greyscale().jpeg({ quality: 60 }).toBuffer()))).toEqual([[0, 'symmetric']]);
  });
});
