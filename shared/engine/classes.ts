// How far a filing's Nice class lies from a protected mark's classes. The Nice classification groups goods and
// services that meet the same buyers: foodstuffs and drinks (29–33) with restaurants (43); clothing, bags and
// jewellery (14, 18, 25, 26); cosmetics and pharmaceuticals (3, 5) with medical services (44, 10); printed matter,
// education and entertainment (16, 41, 9, 28); machines and household appliances (7, 11, 9) with their installation
// and repair (37). Class 35 (advertising,
// retail and wholesale services) sells the goods of every goods class (for a filing, see filingReach). These groups follow the class headings of
// the classification itself; they are a coarse stand-in for the similar-goods groups (类似群) where those are absent.

import type { Category, ProtectedMark } from '../domain';

export type ClassReach = 'same' | 'related' | 'far';

/** Categories protected in their own classes and similar goods only, unless also well known (domain.md). */
const OWN_CLASSES_ONLY = new Set<Category>(['省著名商标', '老字号', '涉外商标']);

/**
 * A record's notes that say the mark was recognised as well known (北京高院判决认定驰名, 2005年行政认定驰名, 已驰名), once
 * the words that deny it (未认定驰名) or only report a recommendation (推荐驰名) are set aside.
 */
const NOTED_WELL_KNOWN = /驰名/u;
const NOT_WELL_KNOWN = /(未|非|不|无)[被经]?(认定|构成|属于?)?为?驰名|推荐驰名/gu;

/**
 * Notes that say the mark names a character or a work (动画角色, 卡通形象, 动漫 IP, 童话角色, 游戏): the author's prior
 * right in it reaches every class (Trademark Law art. 32), so its name on any goods is its merchandise (汪汪队立大功
 * 棒棒糖, HELLO KITTY 软糖).
 */
const NAMES_A_CHARACTER = /动画|卡通|动漫|漫画|角色|童话|游戏|影视|\bIP\b/u;

/**
 * Whether a mark is protected in its own classes and similar goods only: a provincial famous mark, a time-honoured
 * brand or a foreign-related mark, unless its record notes that it was also recognised as well known (Trademark Law
 * 13.3 then reaches every class, as 西门子 in finance) or that it names a character or a work. A GI is not one of
 * these: its name on other goods still misleads about their origin.
 */
export function limitedToItsClasses(mark: ProtectedMark): boolean {
  if (!OWN_CLASSES_ONLY.has(mark.category) || NAMES_A_CHARACTER.test(mark.notes)) return false;
  return !NOTED_WELL_KNOWN.test(mark.notes.replace(NOT_WELL_KNOWN, ''));
}

const GROUPS: readonly (readonly number[])[] = [
  [29, 30, 31, 32, 33, 43],
  [14, 18, 25, 26],
  [3, 5, 10, 44],
  [9, 16, 28, 41],
  [7, 9, 11, 37],
  [12, 37, 39],
  [19, 37, 6],
  [20, 21, 24, 27],
  [36, 35],
  [39, 43, 41],
];

const RETAIL = 35;

const related = new Map<number, Set<number>>();
for (const group of GROUPS) {
  for (const a of group) {
    const set = related.get(a) ?? new Set<number>();
    for (const b of group) if (b !== a) set.add(b);
    related.set(a, set);
  }
}

/** Where a filing in `niceClass` falls for a mark protected in `classes` (an empty list: every class). */
export function classReach(classes: readonly number[], niceClass: number | undefined): ClassReach {
  if (niceClass === undefined || classes.length === 0 || classes.includes(niceClass)) return 'same';
  const goodsMark = classes.some((c) => c <= 34);
  if (niceClass === RETAIL && goodsMark) return 'related';
  if (classes.includes(RETAIL) && niceClass <= 34) return 'related';
  for (const c of classes) if (related.get(c)?.has(niceClass)) return 'related';
  return 'far';
}

/**
 * Where a filing's one class falls for a mark (classReach), except that a goods class is related to the mark's class
 * 35 only when the mark has no goods of its own: a filing names the goods it claims, and a maker's 35 (advertising
 * and selling its own goods) does not bring every other goods class near (秋林 filed for cars, 同程 for tiles). A
 * retailer's or a platform's name with no goods class sells goods of every class under it. A title names no class,
 * so a listing keeps classReach: a retailer lists goods classes too (名创优品 香薰蜡烛).
 */
export function filingReach(classes: readonly number[], niceClass: number | undefined): ClassReach {
  const reach = classReach(classes, niceClass);
  if (reach !== 'related' || niceClass === undefined || niceClass === RETAIL || !classes.includes(RETAIL)) return reach;
  const goods = classes.filter((c) => c !== RETAIL);
  return goods.some((c) => c <= 34) && classReach(goods, niceClass) === 'far' ? 'far' : reach;
}

