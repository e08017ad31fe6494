// The distinctive core of a protected name: the part the public knows it by, and the part a squatter keeps when
// he drops the rest (清华大学 → 清华, 茶卡盐湖 → 茶卡, 少林寺 → 少林, 苏翊鸣 → 翊鸣).
//   - An institution's or a place's generic word at the end is not distinctive: a word that ends many longer words
//     of the dictionary (大学, 医院, 博物馆: it names a kind of thing) and is commoner than the rest of the name, or
//     for a public resource the generic term of a place name (Chinese toponymy writes a place name as a specific
//     part and a generic term: 山, 湖, 寺, 镇 …).
//   - A public resource that is a person's three-character name is also known by the given name alone.
//   - A four-character name made of a coined or proper name and an everyday word (蜜雪 + 冰城, 小猪 + 佩奇) is
//     known by the name half: the dictionary knows the word (however rare) and does not know the name as a word.
// A geographical indication is known by its place too (阳澄湖 of 阳澄湖大闸蟹): its core is the place without the
// product word, which screening weighs only on the indication's goods from outside its region (features.ts). A core
// must keep at least two characters.
import type { Category } from '../domain';
import { DIVISION_PROVINCES, DIVISIONS } from './data/divisions';
import { BAIJIAXING } from './data/surnames';
import { ENDINGS, PLACES, SURNAMES } from './data/words';
import { isGenericWord } from './generic';
import { pairKind, wordFrequency } from './lexicon';

export type CoreKind = 'generic' | 'person' | 'named' | 'origin' | 'tail';

export interface Core {
  han: string[];
  kind: CoreKind;
  /** where the core starts in the name it comes from */
  at: number;
}

/**
 * The generic terms (通名) of Chinese place names: landforms and waters, religious and historic sites, settlements
 * and administrative units. Standard toponymy, not a list of names.
 */
const PLACE_TERMS = new Set(Array.from('山岭峰峡谷洞岩湖海江河溪泉池潭湾滩岛洲原寺庙观宫庵塔阁楼陵城镇乡村县市区州关桥街园'));

/** The characters a shop's name ends in (…记, …号, …堂): after a surname they make a shop's name, not a given name. */
const SHOP_ENDINGS = new Set(Array.from('记号堂居斋坊庄轩阁铺店行'));

/** Words that end many longer words of the dictionary (generated, see data/NOTICE.md). */
const KIND_WORDS = new Set(ENDINGS.split(' '));
/** Well-known place names: a place alone (西宁 of 西宁宾馆, 青海 of 青海湖) is not what distinguishes a name. */
const PLACE_NAMES = new Set(PLACES.split(' '));
/**
 * Surnames: the characters that begin many personal names of the dictionary, and the 百家姓 (the dictionary's names
 * are those of its corpus, which misses surnames as common as 谷 and 全).
 */
const SURNAME_CHARS = new Set([...SURNAMES, ...BAIJIAXING]);

/** Whether a word is a name with a place's generic term after it (喀纳斯湖 of 喀纳斯): the same place, called in full. */
export function namedInFull(word: string, name: string): boolean {
  return word.length === name.length + 1 && word.startsWith(name) && PLACE_TERMS.has(word[word.length - 1]!);
}

/**
 * Whether a name is written as a place: it ends in a generic term of a place name (青海湖, 塔尔寺) or is a known place.
 * A name with 之 inside is a work's title (哪吒之魔童闹海), whatever it ends in.
 */
export function isPlaceName(han: readonly string[]): boolean {
  if (han.length === 0 || han.indexOf('之') > 0) return false;
  return PLACE_TERMS.has(han[han.length - 1]!) || PLACE_NAMES.has(han.join(''));
}

/**
 * The endings of the names of institutions and events: a public name that ends so (武汉大学, 华西医院, 杭州亚运会) names a
 * body or an occasion of its place, not the place, so goods sold there under it do not take it as their origin.
 */
const INSTITUTION_ENDINGS = [
  '大学', '学院', '中学', '小学', '学校', '医院', '博物馆', '博物院', '美术馆', '图书馆', '科技馆', '纪念馆', '研究院', '研究所', '剧院',
  '运动会', '亚运会', '奥运会', '冬奥会', '博览会', '世博会', '进博会', '艺术节', '电影节', '马拉松',
];

/** Whether a public name is a person's (苏翊鸣: a surname, then a given name that is no everyday word), not a place. */
function isPersonName(han: readonly string[]): boolean {
  return han.length === 3 && SURNAME_CHARS.has(han[0]!) && !PLACE_TERMS.has(han[2]!) && wordFrequency(han.join('')) === 0 && wordFrequency(han.slice(1).join('')) === 0;
}

/**
 * Whether a right holder's name (normalised) is a natural person's: two to four characters, a surname first, no form
 * of a firm or a body (谷爱凌, 姚明, 易建联 with 本人 written after it), as a registry records an athlete's or a
 * public figure's name.
 */
export function isNaturalPerson(holder: string): boolean {
  const chars = Array.from(holder.replace(/本人$/, ''));
  return chars.length >= 2 && chars.length <= 4 && chars.every((ch) => /\p{Script=Han}/u.test(ch)) && SURNAME_CHARS.has(chars[0]!)
    && !/(公司|集团|厂|店|社|会|院|馆|局|处|所|站|部|中心|大学|寺|政府|斋|堂|号|行|坊|庄|园|楼|阁|轩|居|省|市|县|区|镇|乡|村|州|盟|旗)$/.test(chars.join(''));
}

/** The endings of a slogan that cheers a place on (武汉加油, 湖北挺住): a call, not the place. */
const SLOGAN_ENDINGS = ['加油', '必胜', '挺住', '雄起'];

/** Whether a public name names something other than a place: an institution, an event, a slogan, a person. */
export function namesNoPlace(han: readonly string[]): boolean {
  const name = han.join('');
  return isPersonName(han) || [...INSTITUTION_ENDINGS, ...SLOGAN_ENDINGS].some((ending) => name.endsWith(ending) && name.length > ending.length);
}

/** Everyday words for a person by trade, kin or title, which a shop's name puts after a surname (鲍师傅, 谭木匠). */
const PERSON_WORDS = new Set([
  '师傅', '师父', '木匠', '铁匠', '厨师', '掌柜', '老板', '老板娘', '大妈', '大娘', '大婶', '大爷', '大叔', '阿姨', '阿婆', '婆婆',
  '奶奶', '爷爷', '姥姥', '外婆', '老爹', '老爷', '老头', '老太', '老汉', '太太', '先生', '小姐', '大哥', '大姐', '大嫂', '嫂子',
  '哥哥', '姐姐', '妈妈', '爸爸', '二哥', '二姐', '三哥', '幺妹', '嬢嬢',
]);

/**
 * Whether a name is a surname before an everyday word for a person (鲍师傅, 谭木匠): such a name is known by its surname,
 * since anyone may be a 师傅.
 */
export function surnameAndPersonWord(han: readonly string[]): boolean {
  return han.length >= 3 && han.length <= 4 && SURNAME_CHARS.has(han[0]!) && PERSON_WORDS.has(han.slice(1).join(''));
}

/** Whether a character is a surname (百家姓 and the common surnames). */
export function isSurname(ch: string): boolean {
  return SURNAME_CHARS.has(ch);
}

/** How the name of a building or a monument ends: a temple, a palace, a pagoda, a pavilion, a tomb, a shrine, a great
 * Buddha, grottoes, rock carvings. */
const BUILDING_TERMS = new Set(Array.from('寺庙观宫庵塔阁楼陵祠佛窟'));

/**
 * Whether a public name is a building's or a monument's (塔尔寺, 布达拉宫, 故宫, 乐山大佛, 大足石刻): a place one visits, but no place goods come from, so
 * goods sold under it from its own region are sold under the name, not from its origin (塔尔寺 藏香, 布达拉宫 烟盒).
 */
export function namesABuilding(han: readonly string[]): boolean {
  return han.length >= 2 && (BUILDING_TERMS.has(han[han.length - 1]!) || han.slice(-2).join('') === '石刻');
}

/** Whether a word is a well-known place name (青海, 泸州). */
export function isKnownPlace(word: string): boolean {
  return PLACE_NAMES.has(word);
}

/** The administrative divisions (generated, see data/NOTICE.md), full and short names: 眉山市, 眉山, 眉县. */
let divisions: Set<string> | undefined;

/** Whether a word is the name of a province, a prefecture or a county-level division, in full or short (益阳, 眉县). */
export function isDivisionName(word: string): boolean {
  divisions ??= new Set(DIVISIONS.split(' '));
  return divisions.has(word);
}

let provinces: Map<string, readonly string[]> | undefined;

/** The provinces (short names: 福建) a prefecture or county-level division of this name lies in; none for others. */
export function provincesOf(place: string): readonly string[] {
  provinces ??= new Map(DIVISION_PROVINCES.split(' ').map((entry) => {
    const [name = '', list = ''] = entry.split(':');
    return [name, list.split('/')];
  }));
  return provinces.get(place) ?? [];
}

/** The most characters a well-known place name has (a longer text is no such name, whatever it reads). */
export const LONGEST_KNOWN_PLACE = Math.max(...[...PLACE_NAMES].map((w) => Array.from(w).length));

/** Whether a word is a name of a kind of business or body that many longer names end with (银行, 大学, 速递). */
export function isKindWord(word: string): boolean {
  return KIND_WORDS.has(word) || isGenericWord(word);
}

/** The head is the distinctive part when it is a rarer word than the tail and not merely a place. */
function distinctHead(head: string[], tail: string[]): boolean {
  const word = head.join('');
  return head.length >= 2 && !PLACE_NAMES.has(word) && wordFrequency(word) < wordFrequency(tail.join(''));
}

/**
 * The place of a geographical indication, without its product word: the longest head of two characters or more,
 * leaving a product word, that is written as a place (阳澄湖 of 阳澄湖清水大闸蟹, 郫县) or is a place of the record's
 * region (库尔勒 of 巴音郭楞…库尔勒市); else the longest that stands before a generic name of goods (阿克苏 + 苹果).
 * None when no head is (冬虫夏草).
 */
function originOf(han: readonly string[], regionPlaces: readonly string[]): Core[] {
  const heads = Array.from({ length: Math.max(0, han.length - 2) }, (_, i) => han.length - 1 - i);
  const named = (n: number) => PLACE_NAMES.has(han.slice(0, n).join('')) || regionPlaces.includes(han.slice(0, n).join(''));
  // a place known by name before a name of goods first: 临安 + 山核桃, not 临安山 (a head ending in 山) + 核桃
  const place = heads.find((n) => named(n) && isGenericWord(han.slice(n).join('')))
    ?? heads.find((n) => isPlaceName(han.slice(0, n)) || named(n));
  const n = place ?? heads.find((m) => isGenericWord(han.slice(m).join('')));
  return n === undefined ? [] : [{ han: han.slice(0, n), kind: 'origin', at: 0 }];
}

/** A head the dictionary knows as no word and no numeral (张亮, 杨国福; not 六个 of 六个核桃, 可口 of 可口可乐). */
function coinedHead(head: readonly string[]): boolean {
  const word = head.join('');
  if (PLACE_NAMES.has(word) || isGenericWord(word) || wordFrequency(word) > 0) return false;
  return head.length !== 2 || ['unknown', 'name'].includes(pairKind(word));
}

export function coresOf(han: readonly string[], category: Category, regionPlaces: readonly string[] = []): Core[] {
  if (category === '地理标志') return han.length >= 3 ? originOf(han, regionPlaces) : [];
  if (han.length < 3) return [];
  const out: Core[] = [];
  const seen = new Set<string>();
  const add = (chars: string[], kind: CoreKind, at = 0) => {
    const key = chars.join('');
    if (chars.length >= 2 && !seen.has(key)) {
      seen.add(key);
      out.push({ han: chars, kind, at });
    }
  };
  for (const tailLength of [3, 2]) {
    if (han.length - tailLength < 2) continue;
    const head = han.slice(0, han.length - tailLength);
    const tail = han.slice(han.length - tailLength);
    const tailWord = tail.join('');
    const frequency = wordFrequency(tailWord);
    const placeTail = category === '公共资源' && frequency > 0 && PLACE_TERMS.has(tail[tail.length - 1]!);
    if ((KIND_WORDS.has(tailWord) || placeTail) && distinctHead(head, tail)) add(head, 'generic');
    // a coined name or a person's name before the name of its goods (张亮 + 麻辣烫, 马子禄 + 牛肉面): the shop is
    // known by the name
    else if (isGenericWord(tailWord) && coinedHead(head)) add(head, 'generic');
  }
  if (category === '公共资源') {
    const last = han[han.length - 1]!;
    const head = han.slice(0, -1);
    if (out.length === 0 && PLACE_TERMS.has(last) && head.length >= 2 && !PLACE_NAMES.has(head.join(''))) add(head, 'generic');
    // a person: a surname and a given name that is not an everyday word (苏翊鸣 → 翊鸣)
    if (isPersonName(han)) add(han.slice(1), 'person', 1);
  }
  // an old house named after its founder (谢馥春, 马应龙) is known by his given name too, unless that ends in a shop's
  // word (李锦记, 六必居: 锦记 and 必居 name any shop)
  if (category === '老字号' && isPersonName(han) && !SHOP_ENDINGS.has(han[2]!)) add(han.slice(1), 'person', 1);
  const named = namedHalf(han) ?? afterOld(han);
  if (named) add(named.han, 'named', named.at);
  else if (category === '驰名商标' && han.length === 3 && coinedTail(han)) add(han.slice(1), 'tail', 1);
  return out;
}

/**
 * The name of an old house called 老 + two characters (凤祥 of 老凤祥): 老 says only that it is old, and the name alone
 * is what the public asks for, unless the two are an everyday word, a place or goods (干妈 of 老干妈, 白干 of 老白干).
 */
function afterOld(han: readonly string[]): { han: string[]; at: number } | null {
  if (han.length !== 3 || han[0] !== '老') return null;
  return wordFrequency(han.slice(1).join('')) === 0 && namesOnItsOwn(han) ? { han: han.slice(1), at: 1 } : null;
}

/** The last two characters of a three-character name are no place and no goods, and the whole no everyday word. */
function namesOnItsOwn(han: readonly string[]): boolean {
  const word = han.slice(1).join('');
  return !PLACE_NAMES.has(word) && !isGenericWord(word) && wordFrequency(han.join('')) === 0;
}

/**
 * The last two characters of a well-known three-character name are coined: no word, name, number, place or goods, and
 * the name no surname's with a description or a shop's word after it (陈 + 香鹅, 李 + 锦记: what follows the surname
 * says what or where, as anyone may).
 */
function coinedTail(han: readonly string[]): boolean {
  if (SURNAME_CHARS.has(han[0]!) || SHOP_ENDINGS.has(han[2]!)) return false;
  return pairKind(han.slice(1).join('')) === 'unknown' && namesOnItsOwn(han);
}

/**
 * The name half of a four-character name that pairs a name with an everyday word beside it. A coined head is a name
 * (蜜雪 of 蜜雪冰城); a tail must be one the dictionary tags as a name (佩奇 of 小猪佩奇), because a coined-looking
 * tail is more often a three-character name and a goods character read across (加多宝凉茶 is not 加多 + 宝凉).
 */
function namedHalf(han: readonly string[]): { han: string[]; at: number } | null {
  if (han.length !== 4 || wordFrequency(han.join('')) > 0) return null;
  const head = han.slice(0, 2);
  const tail = han.slice(2);
  const headWord = head.join('');
  const tailWord = tail.join('');
  // the named half is no everyday word, no place and no name of goods (沱茶 of 下关沱茶); the other half a plain word,
  // not a name or a number
  const nameLike = (word: string) => wordFrequency(word) === 0 && !PLACE_NAMES.has(word) && !isGenericWord(word);
  if (pairKind(tailWord) === 'word' && nameLike(headWord) && ['unknown', 'name'].includes(pairKind(headWord))) return { han: head, at: 0 };
  if (pairKind(headWord) === 'word' && nameLike(tailWord) && pairKind(tailWord) === 'name') return { han: tail, at: 2 };
  return null;
}
