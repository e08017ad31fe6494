// Two whole figures held together by one element left as it was (limits.ts ANCHORED_WHOLE, anchored.ts): a copy
// whose changed element overlaps the main figure — here a star drawn over an arc become a cross — lies near its logo
// by the whole hashes, thumbnails and colour cells, but under every other tier's limits, and only one part (the
// arc) pairs, short of the two that matching by parts asks for. The arc found unchanged in its place takes it; not
// when it lies elsewhere in the figure, when the part that pairs is symmetric and the bulk of the figure (a ring:
// unrelated marks share such elements) — a minor symmetric element anchors —, or when the rule has no parts.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { logoFeatures, type LogoFeatures } from '../../../electron/logos/features';
import { anchoredInPlace } from '../../../shared/engine/logo/anchored';
import { colourAgreement } from '../../../shared/engine/logo/colour';
import { thumbCorrelation } from '../../../shared/engine/logo/hash';
import { ANCHORED_WHOLE, type LogoRule } from '../../../shared/engine/logo/limits';
import { LogoIndex, scanLogos } from '../../../shared/engine/logo/logo-index';
import { storedHashesOf } from '../../../shared/engine/logo/match';
import type { QueryPart } from '../../../shared/engine/logo/parts-match';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';

const star = (cx: number, cy: number, r: number) => Array.from({ length: 10 }, (_, k) => {
  const a = (Math.PI * k) / 5 - Math.PI / 2;
  const rr = k % 2 ? r * 0.45 : r;
  return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
}).join(' ');
const STAR = `<polygon points="${star(80, 150, 48)}" fill="#171a5c"/>`;
const SMALL_STAR = `<polygon points="${star(60, 205, 22)}" fill="#171a5c"/>`;
const SMALL_CROSS = '<path d="M 50 195 h 20 v 20 h -20 z M 40 200 h 40 v 10 h -40 z" fill="#171a5c"/>';
const CROSS = '<path d="M 44 138 h 26 v -30 h 20 v 30 h 26 v 22 h -26 v 32 h -20 v -32 h -26 z" fill="#171a5c"/>';
const ARC = '<path d="M 120 40 A 80 80 0 1 1 60 190" fill="none" stroke="#b8322a" stroke-width="30"/>';
const ARC_RING = '<path d="M 215 60 A 50 50 0 1 1 195 40" fill="none" stroke="#b8322a" stroke-width="22"/>';
const RING = '<circle cx="175" cy="80" r="50" fill="none" stroke="#b8322a" stroke-width="22"/>';
const drawing = (...elements: string[]) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="100%" height="100%" fill="#fff"/>${elements.join('')}</svg>`;

async function features(svg: string, crops = false): Promise<LogoFeatures> {
  const r = await logoFeatures(await sharp(Buffer.from(svg)).png().toBuffer(), crops ? {} : { crops: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const withoutParts = (rule: LogoRule): LogoRule => {
  const { parts: _, ...rest } = rule;
  return rest;
};

const moved = (parts: readonly QueryPart[], dx: number): QueryPart[] =>
  parts.map((p, k) => (k === 0 ? { ...p, box: [p.box[0] + dx, p.box[1], p.box[2] + dx, p.box[3]] as [number, number, number, number] } : p));

describe('two whole figures held together by an element left as it was', () => {
  it('take a copy whose changed element overlaps the figure, by the element left in its place', async () => {
    const logo = await features(drawing(ARC, STAR), true);
    const copy = await features(drawing(ARC, CROSS));
    const stored = storedHashesOf([logo]);
    // under the other tiers: thumbnails under 0.9 and colour cells under 0.9 agreeing, but within the anchored limits
    const correlation = thumbCorrelation(copy.thumb, 0, stored.thumb, 0);
    expect(correlation).toBeLessThan(0.9);
    expect(correlation).toBeGreaterThanOrEqual(ANCHORED_WHOLE.minCorrelation);
    expect(colourAgreement(copy.colour, 0, stored.colour!, 0)).toBeLessThan(0.9);
    expect(logo.parts).toHaveLength(2);
    expect(copy.parts).toHaveLength(2);

    const found = new LogoIndex(stored).search(copy, LOGO_RULE);
    expect(found.map((m) => [m.index, m.via, m.orientation])).toEqual([[0, 'whole', 0]]);
    expect(scanLogos(stored, copy, LOGO_RULE)).toEqual(found);
    expect(anchoredInPlace(copy.parts, stored.parts!, 0, 0, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(true);
    // the parts are what take it: without them nothing does
    expect(new LogoIndex(stored).search(copy, withoutParts(LOGO_RULE))).toEqual([]);
  });

  it('not when the element that pairs lies elsewhere in the figure, or in another orientation', async () => {
    const logo = await features(drawing(ARC, STAR), true);
    const copy = await features(drawing(ARC, CROSS));
    const stored = storedHashesOf([logo]);
    const arcAt = copy.parts.findIndex((p) => p.share > 0.5);
    expect(arcAt).toBe(0);
    const elsewhere = { ...copy, parts: moved(copy.parts, 30) };
    expect(anchoredInPlace(elsewhere.parts, stored.parts!, 0, 0, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(false);
    expect(new LogoIndex(stored).search(elsewhere, LOGO_RULE)).toEqual([]);
    expect(scanLogos(stored, elsewhere, LOGO_RULE)).toEqual([]);
    expect(anchoredInPlace(copy.parts, stored.parts!, 0, 1, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(false);
  });

  it('not by a symmetric element: a ring in its place is any firm\'s ring', async () => {
    const logo = await features(drawing(RING, STAR), true);
    const copy = await features(drawing(RING, CROSS));
    const stored = storedHashesOf([logo]);
    // the ring and the star are both symmetric (a star across its axis), the cross is too
    expect(copy.parts.map((p) => p.informative < 64)).toEqual([true, true]);
    expect(anchoredInPlace(copy.parts, stored.parts!, 0, 0, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(false);
    expect(new LogoIndex(stored).search(copy, LOGO_RULE)).toEqual([]);
    expect(scanLogos(stored, copy, LOGO_RULE)).toEqual([]);
    // the ring pairs and lies in its place: its symmetry alone keeps it from anchoring
    const asIfAsymmetric = copy.parts.map((p) => ({ ...p, informative: 64 }));
    expect(anchoredInPlace(asIfAsymmetric, stored.parts!, 0, 0, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(true);
  });

  it('by a minor symmetric element in its place, not by the ring that is the bulk of the figure', async () => {
    const logo = await features(drawing(RING, SMALL_STAR), true);
    const stored = storedHashesOf([logo]);
    expect(logo.parts.map((p) => [p.informative < 64, p.share > 0.3])).toEqual([[true, true], [true, false]]);
    // the ring kept, the small star become a cross: the ring anchors nothing
    const ringKept = await features(drawing(RING, SMALL_CROSS));
    expect(anchoredInPlace(ringKept.parts, stored.parts!, 0, 0, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(false);
    // the ring opened into an arc, the small star kept where it was: the star anchors
    const starKept = await features(drawing(ARC_RING, SMALL_STAR));
    expect(anchoredInPlace(starKept.parts, stored.parts!, 0, 0, LOGO_RULE.parts!, ANCHORED_WHOLE.tolerance)).toBe(true);
  });
});
