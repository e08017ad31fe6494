// The figures a picture's grounds hold (shared/engine/logo/grounds.ts): a logo on a label on a product, in a photo
// whose background is a gradient, and what must give none — a logo drawn on a plain background, a blank picture.
import { describe, expect, it } from 'vitest';
import { groundFigures } from '../../../shared/engine/logo/grounds';

type Rgb = [number, number, number];

/** A picture of width × height pixels painted by paint(x, y). */
function picture(width: number, height: number, paint: (x: number, y: number) => Rgb): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  return data;
}

const inside = (x: number, y: number, [x0, y0, x1, y1]: number[]) => x >= x0! && y >= y0! && x < x1! && y < y1!;

/** A product photo: a shaded backdrop, a shaded product face, a white label on it, and on the label `figures`. */
function productPhoto(figures: Array<{ box: number[]; colour: Rgb }>): Uint8Array {
  return picture(128, 112, (x, y) => {
    for (const f of figures) if (inside(x, y, f.box)) return f.colour;
    if (inside(x, y, [40, 30, 90, 80])) return [252, 252, 250];
    // the product's face darkens to the lower right, a step of under 1 a pixel
    if (inside(x, y, [20, 8, 110, 106])) return [150 - (x + y) / 4, 60 - (x + y) / 8, 120 - (x + y) / 4];
    return [225 - y / 2, 230 - y / 2, 236 - y / 3];
  });
}

describe('the figures a picture\'s grounds hold', () => {
  it('finds the logo on a label on a product, not the label', () => {
    const photo = productPhoto([{ box: [50, 38, 78, 58], colour: [200, 30, 30] }, { box: [52, 64, 76, 70], colour: [20, 20, 120] }]);
    expect(groundFigures(photo, 128, 112)).toEqual([[50, 38, 78, 70]]);
  });

  it('finds a logo of one element on a label, which a ground on the product holds', () => {
    const photo = productPhoto([{ box: [55, 45, 75, 62], colour: [30, 120, 40] }]);
    expect(groundFigures(photo, 128, 112)).toEqual([[55, 45, 75, 62]]);
  });

  it('gives none for a logo on a plain background whose filled figure holds one element (a disc round a star)', () => {
    const logo = picture(128, 128, (x, y) => {
      if (inside(x, y, [56, 56, 72, 72])) return [250, 220, 0];
      return Math.hypot(x - 64, y - 64) < 40 ? [20, 60, 160] : [255, 255, 255];
    });
    expect(groundFigures(logo, 128, 128)).toEqual([]);
  });

  it('gives none for a blank picture, or one of an even colour but for specks', () => {
    expect(groundFigures(picture(64, 64, () => [255, 255, 255]), 64, 64)).toEqual([]);
    expect(groundFigures(picture(64, 64, (x, y) => ((x * 7 + y * 13) % 97 === 0 ? [0, 0, 0] : [240, 240, 240])), 64, 64)).toEqual([]);
  });
});
