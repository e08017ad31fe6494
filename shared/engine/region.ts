// Whether a seller or an applicant is inside the region of a geographical indication or a public resource. The
// region of a record is written from the province down (江苏省淮安市盱眙县); what counts is its most specific place
// (盱眙): a seller elsewhere in the same province is not from the region.

/**
 * The place words of a region, cut at administrative suffixes (海东市循化撒拉族自治县 → 海东, 循化). 州 is a suffix only
 * after a longer name (黄南州 → 黄南): in a city's name it is the name's own (苏州市 → 苏州, not 苏).
 */
export function regionWords(region: string): string[] {
  return region
    .split(/省|自治区|自治州|自治县|地区|特别行政区|市|县|区|盟|旗|镇|乡/)
    .map((w) => w.replace(/(回族|土族|藏族|蒙古族|撒拉族|哈萨克族|维吾尔|壮族|苗族|彝族|朝鲜族)+$/, '').trim())
    .map((w) => (w.length > 2 && w.endsWith('州') ? w.slice(0, -1) : w))
    .filter((w) => w.length >= 2);
}

/** True when the location names the region's most specific place (its first two characters suffice: 盱眙县 → 盱眙). */
export function locatedIn(regionPlaces: readonly string[], location: string): boolean {
  const place = regionPlaces[regionPlaces.length - 1];
  const where = location.replace(/\s/g, '');
  if (!place || !where) return false;
  return where.includes(place.slice(0, 2));
}

/**
 * True when the location may lie in the region without naming its most specific place: it names the places above it
 * and nothing else, down to a prefecture at least (宁夏回族自治区吴忠市 for 吴忠市盐池县). A seller there may be in the
 * region or beside it.
 */
export function mayLieIn(regionPlaces: readonly string[], location: string): boolean {
  const words = regionWords(location.replace(/\s/g, ''));
  return words.length >= 2 && words.length < regionPlaces.length && words.every((w, i) => w === regionPlaces[i]);
}
