// Who holds a name besides its right holder's own filings (owner.ts): the shops that sell a holder's brands as its
// own, and the custodian of a public name that has no recorded holder. screen.ts sets their candidates aside.
import type { Filing, ProtectedMark } from '../domain';
import { markWords } from '../mark-words';
import { isDivisionName } from './cores';
import { normaliseOwner } from './normalise';
import { ownShop, PUBLIC_BODY, sameNormalisedOwner, tradesUnder, variantsIn, writesAVariant } from './owner';
import type { RegistryIndex } from './registry-index';

/**
 * A public name with no recorded holder (or only its place as one), filed by a body of its own place that bears the
 * name (敦煌研究院 for 敦煌): the place's custodian, not a squatter. Every firm of a county or a city bears its name as the place it is
 * registered in (淄博力源环境卫生服务有限公司), and such a name is no mark but a collective one (domain.md: art. 10.2),
 * so for a division only a public body bearing it (…研究院, …协会, …人民政府) is its custodian, or a firm that files the
 * name it trades under.
 */
export function custodian(mark: ProtectedMark, filing: Filing, inRegion: boolean): boolean {
  if (mark.category !== '公共资源' || !inRegion) return false;
  const holder = mark.holder.trim();
  // a record may give the place itself as the holder (榕江县, 重庆市渝中区): that is no firm's claim but the public's,
  // and a body of that place (台江县台盘村村民委员会 for 台江县台盘村) speaks for it
  if (holder && !HELD_BY_PLACE.test(holder)) return false;
  const applicant = normaliseOwner(filing.applicant);
  if (holder && applicant.startsWith(normaliseOwner(holder)) && PUBLIC_BODY.test(applicant)) return true;
  const name = normaliseOwner(markWords(mark.name));
  if (!applicant.includes(name)) return false;
  // a firm named after the place and its goods that files that name trades under it (哈尔滨啤酒 by 哈尔滨啤酒有限公司);
  // the division's name alone is no firm's to file, whatever it trades under (张家界 by 湘西张家界酒业有限公司)
  const filed = normaliseOwner(markWords(filing.markText));
  return !isDivisionName(name) || PUBLIC_BODY.test(applicant) || (filed !== name && tradesUnder(applicant, filed));
}

/**
 * Whether a firm files, in a class other than those of a mark protected in its own classes only, a name it trades
 * under: one of the mark's names, Chinese or Latin (宁波哈佛五金有限公司 filing 哈佛 or HARVARD in hardware,
 * 佛山市乐天建筑工程有限公司 乐天 in building, 南京鸿雁文具 鸿雁 in stationery beside switches): its own trade name on
 * its own goods. Even in a class related to the mark's, a firm trading there under the name uses it as the other firms
 * of that name do (香港周六福 in accounting beside the jewellery mark, let stand); in the mark's own classes it is weighed
 * as any filing. A firm named after a well-known mark (惠州市西门子投资有限公司) is no such case: that mark reaches every
 * class.
 */
export function filesItsTradeNameElsewhere(firm: Firm, mark: ProtectedMark): boolean {
  const trade = firm.normalised;
  return namesOf(mark).some((name) => trade.includes(name) && tradesUnder(trade, name));
}

/** A mark's name and aliases as a firm's name is normalised, read once per mark (the registry's records are kept). */
const normalisedNames = new WeakMap<ProtectedMark, string[]>();
function namesOf(mark: ProtectedMark): string[] {
  let names = normalisedNames.get(mark);
  if (!names) normalisedNames.set(mark, (names = [mark.name, ...mark.aliases].map((name) => normaliseOwner(markWords(name)))));
  return names;
}

/** A holder written as a division or a village (榕江县, 重庆市渝中区, 台江县台盘村) rather than as a body or a firm. */
const HELD_BY_PLACE = /^\p{Script=Han}{2,}(省|自治区|市|州|盟|县|旗|区|镇|乡|村)$/u;

/** At most this many characters of a line of business between a trade name and (中国) (贸易 of 新百伦贸易(中国)有限公司). */
const BUSINESS_BEFORE_CHINA = 4;

/**
 * A holder's foreign-invested company in China registered under the mark's Chinese name (新百伦贸易(中国)有限公司 for
 * NEW BALANCE, alias 新百伦, of 新平衡运动鞋公司; 淘宝(中国)软件有限公司 for 淘宝 of 阿里巴巴集团控股): only such a firm
 * may write (中国) after its trade name, so a squatter cannot take that form, while the name it trades under often
 * differs from the holder's recorded one. A public name or a GI is no firm's trade name.
 */
export function chinaArmOfHolder(mark: ProtectedMark, applicant: string): boolean {
  if (mark.category === '公共资源' || mark.category === '地理标志') return false;
  const head = /^(.+?)[(（]中国[)）]/.exec(applicant.trim())?.[1];
  if (!head) return false;
  const trade = normaliseOwner(head);
  return [mark.name, ...mark.aliases].some((name) => {
    const han = normaliseOwner(markWords(name));
    return /^\p{Script=Han}{2,}$/u.test(han) && trade.startsWith(han) && trade.length - han.length <= BUSINESS_BEFORE_CHINA;
  });
}

/** A firm's name, read once for the owner test of every candidate: a filing's applicant, a shop named as a company. */
export interface Firm {
  name: string;
  normalised: string;
  variants: string[];
}

export function firmOf(name: string): Firm {
  return { name, normalised: normaliseOwner(name), variants: variantsIn(name) };
}

/**
 * Whether a firm is the mark's holder or a company of its group (owner.ts), or the holder's arm in China: its own use
 * of the mark is no squat. A firm that writes a character the holder's name writes otherwise is another firm.
 */
export function firmHoldsMark(index: RegistryIndex, firm: Firm, markIndex: number): boolean {
  const mark = index.marks[markIndex]!;
  if (!writesAVariant(mark.holder, firm.variants)
    && index.holderNames[markIndex]!.some((holder) => sameNormalisedOwner(holder, firm.normalised, mark.name, mark.category))) return true;
  return chinaArmOfHolder(mark, firm.name);
}

/**
 * A shop named as a registered company (山东玲珑轮胎股份有限公司, as B2B platforms show a verified seller): that
 * company sells there, so its name is tested like a filing's applicant. Null for a shop named otherwise; a shop called
 * a works (华强北耳机厂) is any seller's name for itself.
 */
export function shopFirm(shop: string): Firm | null {
  return /(公司|集团|株式会社)\s*$/.test(shop) ? firmOf(shop.trim()) : null;
}

/**
 * Whether an official shop's brand is the holder's: by the mark's name or a Chinese alias too (东风雪铁龙 of CITROEN,
 * alias 雪铁龙), unless the name is a place's or a region's, or by another brand of the holder's group that the shop's
 * brand carries (大白兔官方旗舰店 sells 冠生园 of the same holder).
 */
export function holdersShop(index: RegistryIndex, brand: string, markIndex: number): boolean {
  const mark = index.marks[markIndex]!;
  const holder = index.holders[markIndex]!;
  if (mark.category === '公共资源' || mark.category === '地理标志') return ownShop(brand, holder, '');
  // an alias in letters (a pinyin, an abbreviation such as LOL) sits inside too many other brands to say so
  if ([mark.name, ...mark.aliases.filter((a) => /\p{Script=Han}.*\p{Script=Han}/u.test(a))].some((name) => ownShop(brand, holder, name))) return true;
  if (!holder) return false;
  const byName = marksByName(index);
  for (let from = 0; from < brand.length - 1; from++) {
    for (let to = from + 2; to <= brand.length; to++) {
      for (const k of byName.get(brand.slice(from, to)) ?? []) {
        if (k !== markIndex && index.holders[k] && sameNormalisedOwner(index.holders[k]!, holder, mark.name, mark.category)) return true;
      }
    }
  }
  return false;
}

/**
 * The marks by their name as a shop's brand writes it (normalised), public names and GIs left out as anyone's; built
 * once per index, so a shop's brand is looked up by its own substrings rather than against every mark.
 */
const namesOfIndex = new WeakMap<RegistryIndex, Map<string, number[]>>();
function marksByName(index: RegistryIndex): Map<string, number[]> {
  let byName = namesOfIndex.get(index);
  if (!byName) {
    byName = new Map();
    for (let k = 0; k < index.marks.length; k++) {
      const m = index.marks[k]!;
      if (m.category === '公共资源' || m.category === '地理标志') continue;
      const name = normaliseOwner(markWords(m.name));
      if (name.length >= 2) byName.set(name, [...(byName.get(name) ?? []), k]);
    }
    namesOfIndex.set(index, byName);
  }
  return byName;
}
