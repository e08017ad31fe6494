// Logos drawn as SVG for the image tests (issue 12): small, written here, rendered with sharp by each test; and a
// registry mark given one through the channels, as the clerk adds it.
import sharp from 'sharp';
import type { StoredMark } from '../../../shared/api';
import { sampleMark } from './marks';
import { chosenFile, valueOf, type ServicesHarness } from './services';

/** A flag on a pole with a disc below it: asymmetric, three elements, two of them in `fill`. */
export const flagSvg = (fill: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="14" height="160" fill="${fill}"/>
  <polygon points="44,24 160,50 44,96" fill="#c22"/><circle cx="140" cy="150" r="30" fill="${fill}"/></svg>`);

/** flagSvg's flag redrawn as line art: every element its outline only, in a stroke of 3 pixels. */
export const flagOutlineSvg = (stroke: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><g fill="none" stroke-width="3" stroke-linejoin="round"><rect x="30" y="20" width="14" height="160" stroke="${stroke}"/>
  <polygon points="44,24 160,50 44,96" stroke="#c22"/><circle cx="140" cy="150" r="30" stroke="${stroke}"/></g></svg>`);

/** A dark ring above a bar. */
export const ringSvg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><circle cx="100" cy="100" r="60" fill="none" stroke="#222" stroke-width="24"/>
  <rect x="20" y="170" width="160" height="12" fill="#222"/></svg>`);

/** ringSvg drawn again with a drop shadow 8 pixels down and right, blurred a little (a design tool's effect). */
export const ringShadowedSvg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <defs><filter id="shadow"><feDropShadow dx="8" dy="8" stdDeviation="1.5" flood-color="#000" flood-opacity="0.45"/></filter></defs>
  <rect width="200" height="200" fill="#fff"/><g filter="url(#shadow)"><circle cx="100" cy="100" r="60" fill="none" stroke="#222" stroke-width="24"/>
  <rect x="20" y="170" width="160" height="12" fill="#222"/></g></svg>`);

/** A five-pointed star in one colour: symmetric and plain (no inner detail). */
export const starSvg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><polygon points="100,10 125,80 195,80 140,120 160,190 100,150 40,190 60,120 5,80 75,80" fill="#b8860b"/></svg>`);

/** A 驰名商标 in class 33 with this 编号 and name, given the logo (rendered to PNG) through registry.addImage. */
export async function markWithLogo(harness: ServicesHarness, id: string, name: string, logo: Buffer): Promise<StoredMark> {
  const mark = await valueOf<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark({ id, name, category: '驰名商标', classes: [33] }) }));
  const fileToken = await chosenFile(harness, 'image', `${id}.png`, await sharp(logo).png().toBuffer());
  await valueOf(harness.services.dispatch('registry.addImage', { key: mark.key, fileToken }));
  return mark;
}
