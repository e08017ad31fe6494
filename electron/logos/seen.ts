// A logo decoded into what the features are computed from: its ink image, content mask and content box (SeenImage),
// a small figure decoded again from its own region of the original, any region decoded again, and a drop shadow
// under the figures painted out first (shared/engine/logo/shadow.ts) — every figure hashed is one seen here.
import { ok, type Result } from '../../shared/result';
import { inkImage, maskBox, type GrayImage } from '../../shared/engine/logo/prepare';
import { type Seen, seeOf } from '../../shared/engine/logo/regions';
import { shadowOf, withoutShadow } from '../../shared/engine/logo/shadow';
import { DECODE_SIDE, type LogoSource, openLogo, type Region as SourceRegion, type Rgb } from './decode';

/** The decoded pixels' ink image with its background, content mask and content box (null when blank). */
export interface SeenImage {
  rgb: Rgb;
  img: GrayImage;
  seen: Seen;
  box: [number, number, number, number] | null;
}

export function seenImage(rgb: Rgb): SeenImage {
  return { rgb, ...seenInk(inkImage(rgb.data, rgb.width, rgb.height, 3)) };
}

/** An ink image with its content mask and content box (null when blank). */
export function seenInk(img: GrayImage): Omit<SeenImage, 'rgb'> {
  const seen = seeOf(img);
  return { img, seen, box: maskBox(seen.mask, img.width, [0, 0, img.width, img.height]) };
}

/**
 * The ink image of a logo, without a drop shadow under its figures (withoutDropShadow). A small figure on a large
 * canvas (under half the decoded side) is decoded again from its own region of the original, so that it reaches the
 * hash square with the detail a tightly cropped copy has.
 */
export async function decodeContent(input: Buffer | Uint8Array): Promise<Result<SeenImage>> {
  const placed = await decodePlaced(input);
  return placed.ok ? ok(placed.value.seen) : placed;
}

/**
 * Where the pixels of a region decoded again lie in the original: decoded (x, y) is the original's (left + x ·
 * scale, top + y · scale). decodePlaced gives null for an image decoded whole (its scale, when needed, is the
 * original's size over the decoded one).
 */
export interface Place {
  left: number;
  top: number;
  scale: number;
}

/**
 * The ink image (decodeContent) with its source and where it lies in the source, for decoding a region again; without
 * the drop shadow under its figures when it has one (shadow.ts), the image as decoded then kept as `shadowed`. A small
 * figure decoded again keeps its first, coarser decoding as `coarse` (null otherwise): what a copy shows of it when an
 * element or a line of text added far off keeps the copy from being decoded again (features.ts coarseCopy, a
 * registry logo's only).
 */
export async function decodePlaced(input: Buffer | Uint8Array): Promise<Result<{ seen: SeenImage; shadowed: SeenImage | null; coarse: (() => SeenImage) | null; source: LogoSource; place: Place | null }>> {
  const source = openLogo(input);
  const decoded = await source.decode();
  if (!decoded.ok) return decoded;
  const first = seenImage(decoded.value);
  const whole = () => ok({ ...withoutDropShadow(first), coarse: null, source, place: null });
  const { box } = first;
  if (!box || Math.max(box[2] - box[0], box[3] - box[1]) * 2 >= DECODE_SIDE) return whole();
  const size = await source.size();
  if (!size.ok) return whole();
  const { width, height, oriented } = size.value;
  const scale = Math.max(width, height) / Math.max(first.img.width, first.img.height);
  if (!(scale > 1.5) || oriented) return whole();
  const region = regionOf(box, { left: 0, top: 0, scale }, width, height);
  const again = await source.decode(region);
  if (!again.ok) return whole();
  const seen = seenImage(again.value);
  // read without its shadow only when asked for: a query never is
  return ok({ ...withoutDropShadow(seen), coarse: () => withoutDropShadow(first).seen, source, place: { left: region.left, top: region.top, scale: Math.max(region.width, region.height) / Math.max(seen.img.width, seen.img.height) } });
}

/**
 * A logo's ink image without the drop shadow under its figures (shadow.ts), with the image as it was (`shadowed`);
 * as it is, and `shadowed` null, when it has none. A copy drawn with a shadow is the logo again without it, to its
 * parts and symmetric hashes; a registry logo drawn with one is so too, and meets a copy without it.
 */
function withoutDropShadow(seen: SeenImage): { seen: SeenImage; shadowed: SeenImage | null } {
  const { rgb } = seen;
  const shadow = seen.box ? shadowOf(rgb.data, rgb.width, rgb.height) : null;
  if (!shadow) return { seen, shadowed: null };
  const clean = seenImage({ ...rgb, data: withoutShadow(rgb.data, rgb.width, rgb.height, shadow) });
  return clean.box ? { seen: clean, shadowed: seen } : { seen, shadowed: null };
}

/** The original's region under a decoded box (`margin` decoded pixels round it), within the original's size. */
function regionOf(box: readonly [number, number, number, number], place: Place, width: number, height: number, margin = 1): SourceRegion {
  const left = Math.max(0, Math.floor(place.left + (box[0] - margin) * place.scale));
  const top = Math.max(0, Math.floor(place.top + (box[1] - margin) * place.scale));
  const right = Math.min(width, Math.ceil(place.left + (box[2] + margin) * place.scale));
  const bottom = Math.min(height, Math.ceil(place.top + (box[3] + margin) * place.scale));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * A region of the query decoded again from the original where the original is larger — a small figure in a frame,
 * or beside a long name, is otherwise hashed from a few dozen pixels — with its content box; the region as decoded
 * when the original is no larger or cannot be read again. Null when nothing is left inside.
 */
export async function decodedAgain(source: LogoSource, place: Place | null, seen: SeenImage, inner: [number, number, number, number], margin = 1): Promise<SeenImage | null> {
  const size = await source.size();
  const scale = place?.scale ?? (size.ok && !size.value.oriented ? Math.max(size.value.width, size.value.height) / Math.max(seen.img.width, seen.img.height) : 1);
  if (size.ok && !size.value.oriented && scale > 1) {
    const again = await source.decode(regionOf(inner, place ?? { left: 0, top: 0, scale }, size.value.width, size.value.height, margin));
    if (again.ok) return withoutDropShadow(seenImage(again.value)).seen;
  }
  return { ...seen, box: inner };
}

