// What a candidate's row says about it beside the match itself: the row's kind, where its goods lie for the mark, whether
// the seller or applicant is in the mark's region, and what a title says around the name (a trip, 同款, 适用于, 二手).
// features.ts turns this context into numbers and rules; screen.ts builds one per candidate.
import { classReach, filingReach, type ClassReach } from './classes';
import type { Context } from './evidence';
import type { CandidateContext } from './features';
import { accountWordsIn, mediaWordsIn, claimsAuthorisation, fitsTheNamed, goodsClassesIn, goodsReadIn, resoldGoods, sellsCopies, sellsPackaging, sellsToys, titleIsAbout, titleTellsOf, type GoodsRead } from './goods';
import type { Scorer } from './decide';
import type { NormalisedText } from './normalise';
import { locatedIn, mayLieIn } from './region';
import type { RegistryIndex } from './registry-index';

/** A filing or a listing as the screen reads it, with what its title says found once, on the first candidate that asks. */
export interface Row {
  context: Context;
  scorer: Scorer;
  niceClass?: number;
  /** a listing's title written simplified (offsets as the original's): its goods words give the classes it sells in */
  title?: string;
  /** the applicant's address or the seller's location */
  location: string;
  /** a title's visit and account words (goods.ts accountWordsIn), found on the first candidate that asks */
  accounts?: [number, number][];
  /** a title's book, film and course words (goods.ts mediaWordsIn), found on the first candidate that asks */
  media?: [number, number][];
  /** whether a title resells owned goods (goods.ts resoldGoods), found on the first candidate that asks */
  resold?: boolean;
  /** whether a title sells its goods as copies (goods.ts sellsCopies), found on the first candidate that asks */
  copies?: boolean;
  /** marks a title names as the brand its goods fit (fitsTheNamed), as they are met */
  fitted?: Set<number>;
  /** whether a title may sell packaging (goods.ts sellsPackaging), found on the first candidate that asks */
  packaging?: boolean;
  /** whether a title sells toys or models (goods.ts sellsToys), found on the first candidate that asks */
  toys?: boolean;
  /** whether a title says its seller may use a GI (goods.ts claimsAuthorisation), found on the first candidate that asks */
  authorised?: boolean;
  /** a listing sold by a shop the platform runs or names as a brand's own (owner.ts officialShopBrand) */
  officialShop?: boolean;
}

const REACH_ORDER: readonly ClassReach[] = ['same', 'related', 'far'];

const NO_GOODS: GoodsRead = { classes: [], wholeWordClasses: [] };

/** The classes a title's goods words name, all and those that end a word (none for a filing, whose class is given). */
function titleGoods(row: Row, span: [number, number]): GoodsRead {
  return row.context === 'listing' ? goodsReadIn(row.title ?? '', span[0], span[1]) : NO_GOODS;
}

const NONE: readonly number[] = [];
/** A text's goods classes named after each of its characters, read as candidates ask (goodsAfter). */
const goodsAfterOf = new WeakMap<NormalisedText, Map<number, number[]>>();

/** The goods classes a filing's name names after its character `end`, read once per text and place. */
function goodsAfter(text: NormalisedText, end: number): readonly number[] {
  if (end >= text.han.length) return NONE;
  let known = goodsAfterOf.get(text);
  if (!known) goodsAfterOf.set(text, (known = new Map()));
  let classes = known.get(end);
  if (!classes) known.set(end, (classes = goodsClassesIn(text.han.slice(end).join(''))));
  return classes;
}

/**
 * Where the row's goods lie for the mark: the filing's class, or the nearest of the classes a title's goods name. A
 * filing for selling services (35) whose name goes on with goods of the mark's own classes (谢裕大茶行, 华莱士炸鸡汉堡)
 * sells those goods under the name: it is in their class; one filed in a far class is in a related one (冯了性药酒 in
 * the liquor class beside a pharmacy's name in class 5: the goods are the mark's, the class the filer's choice).
 */
function reachOf(classes: readonly number[], ownClassesOnly: boolean, row: Row, found: readonly number[], text: NormalisedText, end: number): ClassReach | 'unknown' {
  if (row.context === 'filing') {
    // a mark protected in its own classes only is read by the goods it claims; a well-known mark's or a GI's reach is
    // weighed by the model on the classes as the classification relates them
    const reach = ownClassesOnly ? filingReach(classes, row.niceClass) : classReach(classes, row.niceClass);
    const retail = row.niceClass === 35;
    if ((retail || reach === 'far') && end >= 0 && goodsAfter(text, end).some((c) => c !== 35 && classes.includes(c))) {
      return retail ? 'same' : 'related';
    }
    return reach;
  }
  if (found.length === 0) return 'unknown';
  return REACH_ORDER[Math.min(...found.map((c) => REACH_ORDER.indexOf(classReach(classes, c))))]!;
}

export function contextOf(index: RegistryIndex, markIndex: number, row: Row, text: NormalisedText, end: number, span: [number, number]): CandidateContext {
  const mark = index.marks[markIndex]!;
  const places = index.regionPlaces[markIndex]!;
  const goods = titleGoods(row, span);
  const found = goods.classes;
  const inRegion = places.length > 0 && locatedIn(places, row.location);
  const listing = row.context === 'listing';
  const accounts = listing ? (row.accounts ??= accountWordsIn(row.title ?? '')) : [];
  // a public name is protected in every class (domain.md: art. 4, 10): the classes its custodian registered do not
  // bound it, so it is weighed as a record without classes
  const reach = reachOf(mark.category === '公共资源' ? [] : mark.classes, index.ownClassesOnly[markIndex]!, row, found, text, end);
  return {
    context: row.context,
    category: mark.category,
    reach,
    inRegion,
    soldElsewhere: row.context === 'listing' && places.length > 0 && row.location.trim() !== '' && !inRegion,
    regionGiven: places.length > 0,
    brandSuffix: end >= 0 && writtenAsBrand(text.han, end),
    namesPlace: index.namesPlace[markIndex]!,
    writtenAsPlace: index.writtenAsPlace[markIndex]!,
    about: listing && titleIsAbout(row.title ?? '', accounts, span[0], span[1]),
    tells: listing && titleTellsOf(accounts, span[0], span[1]),
    toldInMedia: listing && titleTellsOf((row.media ??= mediaWordsIn(row.title ?? '')), span[0], span[1]),
    sameStyle: end >= 0 && sameStyleAfter(text.han, end),
    fitsTheNamed: row.context === 'listing' && fitsTheNamed(row.title ?? '', span[0], span[1]),
    resold: row.context === 'listing' && (row.resold ??= resoldGoods(row.title ?? '')),
    soldAsCopies: row.context === 'listing' && (row.copies ??= sellsCopies(row.title ?? '')),
    packaging: row.context === 'listing' && (row.packaging ??= sellsPackaging(row.title ?? '')),
    // a seller that gives only the prefecture around the region may be in it, and is taken at its word when it says so
    // a brand's official shop from the region sells under the holder's licence as a seller that says so does: the
    // platform opened it on the brand's registration (古越龙山官方旗舰店 from 绍兴 selling 绍兴黄酒)
    authorised: row.context === 'listing' && (inRegion || mayLieIn(places, row.location))
      && (row.officialShop === true || (row.authorised ??= claimsAuthorisation(row.title ?? ''))),
    // a shop or an agency (class 35) is no sign of the brand's own goods: 苹果 批发 sells apples
    sellsItsGoods: found.some((c) => c !== 35 && mark.classes.includes(c)),
    farByWholeWords: listing && farByWholeWords(mark.classes, goods.classes, goods.wholeWordClasses, (row.toys ??= sellsToys(row.title ?? ''))),
    ownClassesOnly: index.ownClassesOnly[markIndex]!,
  };
}

/**
 * Toys and models (class 28): a model or a toy copies a brand's own goods (陆骁 合金车模), merchandise sold under it.
 * Sporting goods and fishing tackle share the class but copy no one's goods.
 */
const TOYS = 28;
/** Advertising, retail and wholesale services. */
const SELLING = 35;

/**
 * Whether a title's goods words that end a word of it (goods.ts goodsReadIn) are there and all lie far from the mark's
 * classes, none of them a toy or a model, and no other goods word of it lies nearer: a word glued to another (酸奶 of
 * 酸奶机) may describe the goods rather than name them. 批发, 代理, 专卖 (class 35) say how goods are sold, not which:
 * the goods words beside them decide.
 */
function farByWholeWords(classes: readonly number[], found: readonly number[], whole: readonly number[], toys: boolean): boolean {
  const far = (c: number) => c === SELLING || classReach(classes, c) === 'far';
  const goods = whole.filter((c) => c !== SELLING);
  return goods.length > 0 && !(toys && goods.includes(TOYS)) && goods.every(far) && found.every(far);
}

/** 同款 right after a name or after a verb of two characters (钟南山推荐同款, 某某代言同款): the goods copy the name's. */
function sameStyleAfter(han: readonly string[], end: number): boolean {
  for (let gap = 0; gap <= 2; gap += 2) if (han[end + gap] === '同' && han[end + gap + 1] === '款') return true;
  return false;
}

/**
 * A name written as a brand by the word after it: …牌, …品牌, or …联名 (a co-branded product names the brands it joins:
 * 某某联名 口红).
 */
function writtenAsBrand(han: readonly string[], end: number): boolean {
  const next = han[end];
  return next === '牌' || (next === '品' && han[end + 1] === '牌') || (next === '联' && han[end + 1] === '名');
}
