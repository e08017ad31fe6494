// The right holder's own filings are not squats, and neither are those of its group: the holding, the listed
// company, the subsidiaries that share its trade name (…集团有限公司, …股份有限公司, …有限责任公司). A company that
// puts another place in front of the same trade name (香港周六福… for 周六福…) is the classic shadow squatter, not
// the group, and stays a suspect.
import { markWords } from '../mark-words';
import type { Category } from '../domain';
import { isDivisionName, isKnownPlace, isNaturalPerson, LONGEST_KNOWN_PLACE, provincesOf } from './cores';
import { genericMask } from './generic';
import { variantOf } from './glyphs';
import { isCapitalNumeral, normaliseOwner, normaliseText } from './normalise';

/** Company-form words, longest first: what distinguishes the members of one group, not the group. */
const COMPANY_FORMS = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '总公司', '分公司', '子公司', '股份公司', '公司', '集团', '控股', '股份',
  '株式会社', '总店', '总厂', '厂',
  'COLTD', 'CORPORATION', 'COMPANY', 'LIMITED', 'GMBH', 'INC', 'LTD', 'LLC', 'CO', 'AG', 'SA', 'PLC',
];
/** Characters of the trade name two companies share, lines of business (食品, 科技 …) set aside. */
const MIN_SHARED = 3;

/** Lines of business a company's name writes after its trade name that are no goods (三一重工 of 三一集团). */
const FIRM_LINES = /(重工|机械|电气|电子|能源|环保|建材|化工|传媒|文化|网络|信息|技术|发展|产业|大健康|健康|农业|牧业|畜牧|置业|地产|建设|工程|装饰|制造|工业|日化|纺织|针织|陶瓷|家居|服务|管理|咨询|营销|电商|智能|新能源|茶业)/g;

function withoutBusinessWords(name: string): string {
  const chars = Array.from(name);
  const mask = genericMask(chars);
  // the lines are Han words, one code unit a character, so the blanked copy keeps every character's place
  const lines = Array.from(name.replace(FIRM_LINES, (w) => ' '.repeat(w.length)));
  return chars.filter((_, i) => !mask[i] && lines[i] !== ' ').join('');
}

function stem(name: string): string {
  // a Japanese company may write its form first (株式会社迅销 of 迅销(中国)商贸有限公司)
  let s = name.replace(/[()（）]/g, '').replace(/^株式会社(?=.{2})/, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of COMPANY_FORMS) {
      if (s.endsWith(form) && s.length > form.length + 1) { s = s.slice(0, -form.length); changed = true; }
    }
  }
  return s;
}

/**
 * Whether a firm trades under a name (already normalised, normaliseOwner): its own name, the company form and the
 * places it is registered in set aside one by one, begins with it (哈尔滨啤酒有限公司 trades under 哈尔滨啤酒,
 * 青岛崂山矿泉水有限公司 under 崂山, 青岛市石城区恒通贸易有限公司 not under 石城).
 */
export function tradesUnder(applicant: string, name: string): boolean {
  if (name.length < 2) return false;
  for (let rest = stem(applicant), before = ''; rest !== before; before = rest, rest = withoutLeadingPlace(rest)) {
    // the name with a unit after it (石城区) is a place the firm is registered in, not its trade name
    if (rest.startsWith(name) && !/^[省市区县]/.test(rest.slice(name.length))) return true;
  }
  return false;
}

/**
 * A firm's name without the first place it is registered in: a well-known place, or a division, with its unit (石城区)
 * or without (吉林康宁制药…, 泾县春水堂宣纸…), as firms are registered under their province, city or county.
 */
function withoutLeadingPlace(name: string): string {
  for (let n = Math.min(LONGEST_LEADING_PLACE, name.length - 2); n >= 2; n--) {
    const place = name.slice(0, n);
    const unit = /^[省市区县]/.test(name.slice(n));
    if (isKnownPlace(place) || isDivisionName(place)) return name.slice(n + (unit ? 1 : 0));
  }
  return name;
}

/** Whether a group's name after 中国 is a place and a trade name that carries the mark's (贵州茅台酒 of 茅台). */
function leftOffByItsCompanies(rest: string, markName: string): boolean {
  const trade = withoutPlaceInFront(rest);
  const name = normaliseOwner(markWords(markName));
  return trade !== rest && trade.length >= 2 && name.length >= 2 && trade.includes(name);
}

/** A run of a name without the place's name it begins with, if any (贵州茅台 → 茅台); a place alone stays itself. */
function withoutPlaceInFront(run: string): string {
  for (let n = Math.min(LONGEST_LEADING_PLACE, run.length - 1); n >= 2; n--) {
    const place = run.slice(0, n);
    if (isKnownPlace(place) || isDivisionName(place)) return run.slice(n).replace(/^[省市区县镇]/, '');
  }
  return run;
}

/** The most characters a firm's leading place is read at: a well-known place, or a division's full name (内蒙古自治区). */
const LONGEST_LEADING_PLACE = Math.max(LONGEST_KNOWN_PLACE, 6);

/** The longest run of characters the two names share, and where it starts in each. */
function longestCommonRun(a: string, b: string): { length: number; inA: number; inB: number } {
  let best = { length: 0, inA: 0, inB: 0 };
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let n = 0;
      while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
      if (n > best.length) best = { length: n, inA: i, inB: j };
    }
  }
  return best;
}

/**
 * True when the applicant is the holder or a company of its group: the same name once the company form is set
 * aside, or a shared run of at least three characters that carries the mark's name, with nothing put in front of
 * it that the holder's own name lacks (天津蜜雪冰城… for 蜜雪冰城…, 香港周六福… for 周六福…: a shadow company).
 */
export function sameOwner(holder: string, applicant: string, markName: string, category: Category): boolean {
  return sameNormalisedOwner(normaliseOwner(holder), normaliseOwner(applicant), markName, category);
}

/** sameOwner of a holder and an applicant already normalised (normaliseOwner): a batch asks it of one applicant often. */
export function sameNormalisedOwner(h: string, a: string, markName: string, category: Category): boolean {
  if (!h || !a) return false;
  if (h === a) return true;
  // a person's name is no trade name of theirs: a firm named after an athlete (易建联体育用品(中国)…, 乔丹体育…) is the
  // classic squatter, and only the person, written as the registry writes them, files as the owner
  if (isNaturalPerson(h)) return h.replace(/本人$/, '') === a;
  // a firm that writes Hong Kong, Macao or Taiwan into the name of a holder that has none there (周大生珠宝(香港)国际…,
  // 雲天化(香港)農資… of mainland holders) is the classic shadow company, wherever it puts the place
  if (OFFSHORE.some((place) => a.includes(place) && !h.includes(place))) return false;
  // an institution's own units carry its whole name before their own (北京大学出版社, 北京大学第一医院 of 北京大学); a
  // firm that merely begins with it reads on (北京大学生创业服务… is a firm of students)
  if (unitOfInstitution(h, a)) return true;
  if (bodyOfItsPlace(h, a)) return true;
  const stemH = stem(h);
  const stemA = stem(a);
  const hs = withoutBusinessWords(stemH);
  const as = withoutBusinessWords(stemA);
  if (hs === as) return true;
  // a GI's association is named after its region, which every business of the region shares: no group there
  if (category === '地理标志') return false;
  if (tradesUnderHoldersOwnName(stemH, stemA, markName)) return true;
  // a member of the holder's group writes its trade name and 集团 first (云南白药集团健康产品… of 云南白药集团…): a
  // company name says 集团 only when the group is registered
  if (stemA.startsWith(`${stemH}集团`)) return true;
  if (stemA.startsWith(stemH) && placedInChina(stemA.slice(stemH.length))) return true;
  // a group that writes 中国 before its place and trade name has companies that leave it off (贵州茅台酒股份… of
  // 中国贵州茅台酒厂(集团)…); without a place after it, what is left is a line of business (国际航空, 移动通信)
  if (stemH.startsWith('中国') && leftOffByItsCompanies(stemH.slice(2), markName) && stemA.startsWith(stemH.slice(2))) return true;
  if (stemH.length >= MIN_SHARED && stemA.startsWith(`中国${stemH}`)) return true;
  // the holder's whole trade name with more after it is a new company riding on the name (蜜雪冰城港式饮品…)
  if (as.startsWith(hs)) return false;
  const run = longestCommonRun(hs, as);
  if (run.length < MIN_SHARED) return false;
  const shared = hs.slice(run.inA, run.inA + run.length);
  // a place both names begin their shared run with is no trade name: 贵州茅台镇… shares 贵州茅台 with 中国贵州茅台酒厂…
  // but only 茅台 of a name, which every firm of the town writes
  if (withoutPlaceInFront(shared).length < MIN_SHARED) return false;
  const name = normaliseOwner(markWords(markName));
  let carried = 0;
  for (const ch of new Set(Array.from(name))) if (shared.includes(ch)) carried++;
  if (carried < Math.min(2, name.length)) return false;
  // a run that stops inside the holder's mark name shares only part of it: the applicant trades under another name
  // (兰州马子碌餐饮… beside 兰州马子禄牛肉面…)
  if (cutsTheName(hs, name, run.inA, run.inA + run.length)) return false;
  const placeH = hs.slice(0, run.inA);
  const placeA = as.slice(0, run.inB);
  return placeH.includes(placeA) || provinceOfThePlace(placeA, placeH);
}

/**
 * Whether a firm's place in front is the province of the holder's own (福建片仔癀化妆品… of 漳州片仔癀药业…): a group
 * registers its provincial company under the province it is in; a shadow company takes another place.
 */
function provinceOfThePlace(province: string, place: string): boolean {
  const short = province.replace(/(省|市|自治区|维吾尔自治区|壮族自治区|回族自治区)$/, '');
  if (short.length < 2 || !isDivisionName(short)) return false;
  const seat = place.slice(0, place.length - withoutLeadingPlace(place).length) || place;
  return [place, seat, seat.replace(/[省市区县]$/, '')].some((p) => provincesOf(p).includes(short));
}

/**
 * Whether the applicant trades under the holder's own trade name where that name is not the mark's (天津顶益国际食品…
 * of 顶益(开曼岛)控股…, holder of 康师傅): a squatter copies the mark, not the name of the firm behind it, so a firm
 * under that name is of the group, wherever it is registered if the holder's name gives no place. The trade name is
 * the holder's name without its place, company form and lines of business: two characters or more, none of them the
 * mark's, and no place's name; the mark is written in Han characters.
 */
function tradesUnderHoldersOwnName(stemH: string, stemA: string, markName: string): boolean {
  const restH = withoutLeadingPlace(stemH);
  const trade = withoutBusinessWords(restH);
  if (trade.length < 2 || isKnownPlace(trade) || isDivisionName(trade)) return false;
  const name = normaliseOwner(markWords(markName));
  // a mark in letters is filed by its Chinese name, which a foreign holder's firm trades under (维洛尔 of VELOR)
  if (!/\p{Script=Han}/u.test(name) || Array.from(name).some((ch) => trade.includes(ch))) return false;
  const restA = withoutLeadingPlace(stemA);
  // a trade name is unique only where it was registered: a holder registered under a place's name shares it with
  // unrelated firms of other places (宁波冠生园… beside 上海冠生园…, holder of 大白兔)
  const placeH = stemH.slice(0, stemH.length - restH.length);
  const placeA = stemA.slice(0, stemA.length - restA.length);
  if (placeH && placeA && placeH !== placeA) return false;
  return withoutBusinessWords(restA).startsWith(trade);
}

/** Whether [start, end) of a name begins or ends inside the mark's name written there. */
function cutsTheName(holder: string, name: string, start: number, end: number): boolean {
  const at = name.length >= 2 ? holder.indexOf(name) : -1;
  if (at < 0) return false;
  const inside = (i: number) => i > at && i < at + name.length;
  return inside(start) || inside(end);
}

/**
 * Whether an applicant's name, as written, uses a variant form of a character (徳 for 德, 豊 for 丰) that the holder's
 * name does not: a firm registers under standard characters, so such a name copies the holder's rather than being it
 * (重庆徳庄调味品… beside 重庆德庄实业…). Traditional forms are a script, not a variant: a Hong Kong firm writes them.
 */
export function writesAVariant(holder: string, applicantVariants: readonly string[]): boolean {
  return applicantVariants.some((ch) => !holder.includes(ch));
}

/**
 * The variant forms of characters a name writes (徳 of 重庆徳庄…) and its capital numerals (佰 of 北京佰度…, which the
 * owner test reads as 百), read once per applicant for writesAVariant.
 */
export function variantsIn(name: string): string[] {
  return Array.from(name).filter((ch) => variantOf(ch)?.kind === 'variant' || isCapitalNumeral(ch));
}

/** The places outside the mainland a shadow company writes into a mainland brand's name. */
const OFFSHORE = ['香港', '澳门', '台湾'];

/** How the name of a public body ends: an institute, an association, a government or its managing office. */
export const PUBLIC_BODY = /(研究院|研究所|博物馆|博物院|协会|商会|联合会|学会|人民政府|委员会|管委会|管理局|管理处|管理中心)$/;

/**
 * Whether a name (normalised) is a public body's with the places it belongs to written in front (湟中区塔尔寺寺院管理委员会
 * of 塔尔寺寺院管理委员会): a public body is registered under its place's name, and no firm may take a body's name.
 */
function bodyOfItsPlace(body: string, name: string): boolean {
  if (!PUBLIC_BODY.test(body) || name.length <= body.length || !name.endsWith(body)) return false;
  for (let rest = name, before = ''; rest !== before; before = rest, rest = withoutLeadingPlace(rest)) {
    if (rest === body) return true;
  }
  return false;
}

/** How the name of a university, a hospital, a museum or an academy ends. */
const INSTITUTION = /(大学|学院|医院|博物院|博物馆|研究院|科学院)$/;
/**
 * The units an institution runs under its own name: its press, its shop of cultural goods, hospitals, institutes,
 * foundation, asset company.
 */
const INSTITUTION_UNIT = /^(出版社|文创|文化创意|附属|第[一二三四五六七八九十]+医院|医院|口腔医院|研究院|研究所|教育基金会|基金会|校友会|资产经营|科技园|科技开发|后勤)/;

/** Whether a name (normalised) is one of an institution's own units: its whole name, then a unit's word. */
function unitOfInstitution(institution: string, name: string): boolean {
  return INSTITUTION.test(institution) && name.startsWith(institution) && INSTITUTION_UNIT.test(name.slice(institution.length));
}

/** At most this many characters of a line of business around the place (企业管理 of 星巴克企业管理(中国)有限公司). */
const BUSINESS_AROUND_PLACE = 4;

/**
 * Whether what a company name adds after the holder's trade name is a place in brackets, maybe beside a line of
 * business: 特斯拉(上海)有限公司, 星巴克企业管理(中国)有限公司 of 特斯拉公司, 星巴克公司 — the form a group's own company in
 * China is registered under (the place written after the trade name). A place in front is a shadow company's form.
 */
function placedInChina(rest: string): boolean {
  if (rest.length < 2 || rest.length > LONGEST_KNOWN_PLACE + BUSINESS_AROUND_PLACE) return false;
  for (let at = 0; at < rest.length - 1; at++) {
    for (let end = rest.length; end >= at + 2; end--) {
      const place = rest.slice(at, end);
      if (isKnownPlace(place) || isDivisionName(place)) return rest.length - (end - at) <= BUSINESS_AROUND_PLACE;
    }
  }
  return false;
}

/**
 * The brand of a shop the platform runs or names as the brand's own (…官方旗舰店, …旗舰店, …京东自营, …官方店, …官方网店,
 * …官方商城, …官方直播间, a short-video platform's …官方, or a chain's branch …(官方直营…店)):
 * platforms open such a shop only on the holder's registration certificate or its licence, so its brand, the words
 * before the suffix, belongs to the holder. Null for any other shop (…专营店, …专卖店 and a person's shop resell).
 */
export function officialShopBrand(shop: string): string | null {
  // a chain's branch run by the brand itself, as delivery platforms name it: 某某茶饮(官方直营来福士店)
  const branch = CHAIN_BRANCH.exec(shop);
  if (branch) return brandOf(branch[1]!, 0);
  // most shops are no official shop: asked of the name as written before it is normalised
  if (!/(旗舰店|官方店|官方网店|官方商城|官方直播间|官方|自营)\s*$/.test(shop)) return null;
  // the suffix ends the shop's Han words; a Latin brand may stand anywhere in the name (IKEA宜家家居官方旗舰店)
  const han = normaliseText(shop).han.join('');
  const match = /(京东自营|自营)?(官方(网店|商城|直播间)?)?(旗舰店|官方店|自营)?$/.exec(han);
  if (match && match[0] === '') return null;
  return match ? brandOf(shop, match.index) : null;
}

const CHAIN_BRANCH = /^(.+?)[(（]官方直营[^)）]*[)）]\s*$/;

/** The brand of a shop's name: its Han words before `hanEnd` without the company form, and its Latin words. */
function brandOf(name: string, hanEnd: number): string | null {
  const t = normaliseText(name);
  const han = t.han.join('');
  const brand = stem(hanEnd > 0 ? han.slice(0, hanEnd) : han) + t.latin.map((l) => l.canon).join('');
  return brand.length >= 2 ? brand : null;
}

/**
 * Whether what a shop's brand puts in front of the mark's name makes another brand riding on it: a single character
 * (鑫康佳电视旗舰店) or a place (苏州樱花厨卫旗舰店) that the holder's own name lacks. The holder's trade name (养元六个核桃
 * of 河北养元智汇…) or a partner's (东风雪铁龙) is the holder's own shop.
 */
function ridesOnTheName(before: string, holder: string): boolean {
  if (before === '' || holder.includes(before)) return false;
  // a bare division name may be a partner's trade name too (东风), so only a well-known place or one with its unit
  return before.length === 1 || isKnownPlace(before) || (/[省市区县]$/.test(before) && isDivisionName(before.slice(0, -1)));
}

/**
 * True when an official shop's brand (officialShopBrand) is the holder's (already normalised, normaliseOwner): it
 * carries the mark's name, maybe after the holder's trade name (养元六个核桃旗舰店 for 六个核桃), or is the holder's trade
 * name (纳爱斯京东自营旗舰店 for 雕牌 of 纳爱斯集团).
 */
export function ownShop(brand: string, holder: string, markName: string): boolean {
  const name = normaliseOwner(markWords(markName));
  const at = name.length >= 2 ? brand.indexOf(name) : -1;
  if (at >= 0 && !ridesOnTheName(brand.slice(0, at), holder)) return true;
  if (!holder) return false;
  if (unitOfInstitution(holder, brand)) return true;
  const trade = stem(holder);
  if (trade.includes(brand)) return true;
  const bare = withoutBusinessWords(brand);
  return bare.length >= 2 && withoutBusinessWords(trade).includes(bare);
}
