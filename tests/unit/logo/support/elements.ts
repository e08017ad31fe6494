// Logos drawn from simple elements for the parts tests (each element a shape of its own colour at its place), their
// features, and a registry of them searched by parts only.
import sharp from 'sharp';
import { expect } from 'vitest';
import { logoFeatures, type LogoFeatures } from '../../../../electron/logos/features';
import type { LogoRule } from '../../../../shared/engine/logo/limits';
import { type LogoIndex, type LogoMatch, scanLogos } from '../../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../../shared/engine/logo/match';
import { LOGO_RULE } from '../../../../shared/engine/logo/rule';

/** One element: its shape, centre, size (the side of its box) and fill. */
export interface Element {
  shape: 'disc' | 'triangle' | 'star' | 'bar' | 'square' | 'ell';
  x: number;
  y: number;
  size: number;
  fill: string;
}

export function shapeSvg({ shape, x, y, size, fill }: Element): string {
  const r = size / 2;
  if (shape === 'disc') return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}"/>`;
  if (shape === 'square') return `<rect x="${x - r}" y="${y - r}" width="${size}" height="${size}" fill="${fill}"/>`;
  if (shape === 'bar') return `<rect x="${x - r}" y="${y - r / 4}" width="${size}" height="${r / 2}" fill="${fill}"/>`;
  // an L: symmetric across no axis and not about its centre (its perceptual hash keeps all 64 bits)
  if (shape === 'ell') return `<polygon points="${x - r},${y - r} ${x - r / 3},${y - r} ${x - r / 3},${y + r / 3} ${x + r},${y + r / 3} ${x + r},${y + r} ${x - r},${y + r}" fill="${fill}"/>`;
  if (shape === 'triangle') return `<polygon points="${x},${y - r} ${x + r},${y + r} ${x - r},${y + r}" fill="${fill}"/>`;
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI * i) / 5 - Math.PI / 2;
    const k = i % 2 ? r * 0.45 : r;
    return `${(x + Math.cos(a) * k).toFixed(1)},${(y + Math.sin(a) * k).toFixed(1)}`;
  }).join(' ');
  return `<polygon points="${points}" fill="${fill}"/>`;
}

export const logoPng = (elements: Element[]) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" fill="#fff"/>${elements.map(shapeSvg).join('')}</svg>`)).png().toBuffer();


export async function features(image: Promise<Buffer>, crops = true): Promise<LogoFeatures> {
  const r = await logoFeatures(await image, { crops });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The elements drawn, saved as a JPEG at quality 80 (a copy's usual loss) and hashed as a query. */
export const jpegQuery = (elements: Element[]) => features(logoPng(elements).then((png) => sharp(png).jpeg({ quality: 80 }).toBuffer()), false);

/** A registry of the logos without their peels (a query's kind): what matching by parts meets. */
export const registryOf = (logos: LogoFeatures[]) => storedHashesOf(logos.map((f) => ({ ...f, variants: f.variants.filter((v) => v.kind !== 'peel') })));
/** Only the parts compared: what the other kinds of pair would find is not these tests' question. */
export const onlyParts: LogoRule = { maxPhash: -1, maxSum: -1, minCorrelation: 2, parts: LOGO_RULE.parts! };

/**
 * The one registry logo (index 0) found by its parts alone, the index answering as a scan of every part does, with
 * the parts holding more than half its ink; the match.
 */
export function foundByParts(index: LogoIndex, query: LogoFeatures): LogoMatch {
  const found = index.search(query, onlyParts);
  expect(found.map((m) => [m.index, m.via])).toEqual([[0, 'parts']]);
  expect(found).toEqual(scanLogos(index.stored, query, onlyParts));
  expect(found[0]!.score).toBeGreaterThan(0.5);
  return found[0]!;
}
