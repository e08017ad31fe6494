// Synthetic labelled cases of the imitation families seen in real squatting (issue 8), generated from general
// sources — the engine's own reading and look-alike tables, the dictionary, opencc-js — and random names, never
// from a labelled set. A seed gives a registry of its own, its imitations and its innocent look-alikes:
//   dropped tail (清华大学 → 清华琴行), one character replaced (周黑鸭 → 吴黑鸭), numerals swapped (十三香 → 十五香),
//   reordered (海飞丝 → 飞丝海), both characters of a two-character mark by sound (飘柔 → 漂揉), look-alikes,
//   Latin spelt as it sounds (OMEGA → OMIGA), pinyin of a name (周黑鸭 → ZHOUHEIYA), a mark inside a longer word or
//   text, split words; and owners' group companies, everyday words that share characters, far-class variants.
import * as OpenCC from 'opencc-js';
import type { Category, Filing, Listing, ProtectedMark } from '../../shared/domain';
import { READINGS } from '../../shared/engine/data/readings';
import { WORDS } from '../../shared/engine/data/words';
import { confusablesOf, readingsOf } from '../../shared/engine/glyphs';
import { goodsWordsOf } from '../../shared/engine/goods';
import type { Label } from './labelled';

export interface SyntheticSet {
  marks: ProtectedMark[];
  filings: { row: Filing; label: Label }[];
  listings: { row: Listing; label: Label }[];
}

type Rng = () => number;
function rng(seed: number): Rng {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

// ---- vocabularies (general, not from any labelled set)
const BRAND_CHARS = Array.from('金银华盛泰鑫源德福祥瑞宝凤天海山川恒通达信诚和美佳丰隆兴昌顺安乐星辰光明月阳春秋雅韵轩阁居坊记庄园林森禾田谷麦花香茗味鲜家心意道方圆云霞锦绣如意吉嘉宏伟博远辉煌晨曦清风竹松梅兰菊荷燕鹤鹏鸿雁虎麟珍珠翠玉康健朗然悦派迪维澳蓝欧奇妙乐趣尚');
const PLACE_CHARS = Array.from('青宁西东南北江河湖山川平安阳昌州城原泉水德化兴隆丰庆临汾吉林黄龙凤白石岩桃柳松桂荆襄岳衡湘赣闽粤琼滇黔蜀陇秦晋冀豫鲁皖苏浙沪津渝藏疆蒙');
const PLACE_TERMS = ['山', '湖', '寺', '镇', '古镇', '景区', '盐湖', '峡谷', '草原', '古城', '温泉', '公园', '大峡谷'];
const INSTITUTION_TAILS = ['大学', '医院', '学院', '博物馆', '研究院', '中学'];
const GI_PRODUCTS = ['大米', '枸杞', '龙虾', '陈皮', '脐橙', '牦牛', '红茶', '绿茶', '蜂蜜', '花椒', '核桃', '苹果', '香梨', '葡萄', '羊肉', '火腿', '黄酒', '大蒜'];
const GOODS = ['饮料', '食品', '服饰', '茶叶', '酒业', '科技', '电器', '手机', '牛奶', '饼干', '化妆品', '药业', '琴行', '培训', '餐饮', '火锅', '珠宝', '家具'];
const TRANSLIT = Array.from('阿巴达德迪尔菲格哈赫吉卡克拉莱利罗马米姆纳尼诺帕普奇萨森斯塔特托瓦维西伊约泽欧伦雅杰');
const NUMERAL_HEADS = ['一', '二', '三', '五', '六', '七', '八', '九', '十三', '十八', '百'];
const NUMERAL_TAILS = ['个核桃', '品香', '道菜', '味鲜', '里香', '号铺', '香'];
const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文');
const PROVINCES = ['青海省', '甘肃省', '四川省', '云南省', '河南省', '湖南省', '江西省', '浙江省', '广东省', '山东省', '黑龙江省', '福建省'];
const CITIES = ['西宁', '兰州', '成都', '昆明', '郑州', '长沙', '南昌', '杭州', '广州', '济南', '哈尔滨', '福州', '洛阳', '大理', '赣州', '温州'];
const COMPANY_FORMS = ['有限公司', '集团有限公司', '股份有限公司', '有限责任公司'];
const CONSONANTS = 'BCDFGHKLMNPRSTVZ';
const VOWELS = 'AEIOU';

const COMMON_CHARS = READINGS.split('\n').map((l) => String.fromCodePoint(l.codePointAt(0) ?? 32)).filter((c) => /\p{Script=Han}/u.test(c));
const WORD_LIST = WORDS.split('\n').map((l) => Array.from(l).slice(0, -1).join('')).filter((w) => w.length >= 2);
const COMMON_WORDS = WORDS.split('\n').filter((l) => Number(l.slice(-1)) >= 5).map((l) => Array.from(l).slice(0, -1).join(''));
const homophonesOf = (() => {
  const bySound = new Map<string, string[]>();
  for (const c of COMMON_CHARS) for (const r of readingsOf(c)) (bySound.get(r) ?? bySound.set(r, []).get(r)!).push(c);
  return (c: string) => [...new Set(readingsOf(c).flatMap((r) => bySound.get(r) ?? []))].filter((x) => x !== c);
})();

class Generator {
  readonly marks: ProtectedMark[] = [];
  readonly filings: { row: Filing; label: Label }[] = [];
  readonly listings: { row: Listing; label: Label }[] = [];
  private n = 0;
  constructor(readonly r: Rng, private readonly seed: number) {}

  pick<T>(a: readonly T[]): T { return a[Math.floor(this.r() * a.length)]!; }
  chance(p: number): boolean { return this.r() < p; }
  int(lo: number, hi: number): number { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  chars(pool: readonly string[], n: number): string { let s = ''; for (let i = 0; i < n; i++) s += this.pick(pool); return s; }

  latinName(): string {
    let s = '';
    for (let i = 0, n = this.int(2, 4); i < n; i++) s += this.pick(Array.from(CONSONANTS)) + this.pick(Array.from(VOWELS));
    if (this.chance(0.4)) s += this.pick(Array.from('NRSL'));
    return s;
  }

  company(trade: string): string {
    return `${this.pick(CITIES)}${trade}${this.pick(GOODS)}${this.pick(COMPANY_FORMS)}`;
  }

  addMark(name: string, category: Category, aliases: string[] = [], region = ''): ProtectedMark {
    const id = `SY${this.seed}-${String(this.marks.length + 1).padStart(4, '0')}`;
    const classes = category === '公共资源' ? [] : [...new Set([this.int(1, 45), this.int(1, 45)])].slice(0, this.int(1, 2));
    const holder = category === '公共资源' && this.chance(0.5) ? '' : this.company(Array.from(name).filter((c) => /\p{Script=Han}/u.test(c)).slice(0, 3).join('') || this.chars(BRAND_CHARS, 2));
    const mark: ProtectedMark = {
      id, name, category, classes, registrationNumber: String(10000000 + this.marks.length), holder, aliases, region,
      recognizedOn: '', notes: '',
    };
    this.marks.push(mark);
    return mark;
  }

  buildRegistry(): void {
    for (let i = 0; i < 40; i++) this.addMark(this.chars(BRAND_CHARS, this.int(2, 4)), this.pick(['驰名商标', '省著名商标', '老字号'] as Category[]));
    // brands that are also everyday words (美的, 联想 kinds)
    for (let i = 0; i < 12; i++) this.addMark(this.pick(COMMON_WORDS.filter((w) => w.length === 2)), this.pick(['驰名商标', '省著名商标'] as Category[]));
    for (let i = 0; i < 12; i++) this.addMark(this.chars(BRAND_CHARS, 2) + this.pick(INSTITUTION_TAILS), '驰名商标');
    for (let i = 0; i < 8; i++) this.addMark(this.pick(NUMERAL_HEADS) + this.pick(NUMERAL_TAILS), this.pick(['驰名商标', '老字号'] as Category[]));
    for (let i = 0; i < 20; i++) {
      const place = this.chars(PLACE_CHARS, 2);
      this.addMark(place + this.pick(GI_PRODUCTS), '地理标志', [], `${this.pick(PROVINCES)}${this.pick(CITIES)}市${place}县`);
    }
    for (let i = 0; i < 20; i++) {
      const place = this.chars(PLACE_CHARS, 2);
      this.addMark(place + this.pick(PLACE_TERMS), '公共资源', [], `${this.pick(PROVINCES)}${place}县`);
    }
    for (let i = 0; i < 6; i++) this.addMark(this.pick(SURNAMES) + this.chars(BRAND_CHARS, 2), '公共资源');
    for (let i = 0; i < 24; i++) {
      const latin = this.latinName();
      const chinese = this.chars(TRANSLIT, this.int(2, 4));
      if (this.chance(0.5)) this.addMark(latin, '涉外商标', [chinese]);
      else this.addMark(chinese, '涉外商标', [latin]);
    }
  }

  nextId(): string { return `9${this.seed}${String(++this.n).padStart(7, '0')}`; }

  filing(text: string, markId: string, kind: string, mark?: ProtectedMark, options: { niceClass?: number; applicant?: string } = {}): void {
    const niceClass = options.niceClass ?? (mark && mark.classes.length ? this.pick(mark.classes) : this.int(1, 45));
    const id = this.nextId();
    this.filings.push({
      row: {
        applicationNumber: id, markText: text, niceClass, goods: [], applicant: options.applicant ?? this.company(this.chars(BRAND_CHARS, 2)),
        applicantAddress: `${this.pick(PROVINCES)}${this.pick(CITIES)}市`, agency: '', filedOn: '', gazetteIssue: '', publishedOn: '',
      },
      label: { id, markId, kind },
    });
  }

  listing(title: string, markId: string, kind: string, location = `${this.pick(PROVINCES)}${this.pick(CITIES)}市`): void {
    const id = `SL${this.seed}-${++this.n}`;
    this.listings.push({ row: { id, platform: '淘宝', shop: '店铺', title, url: '', price: '', sellerLocation: location }, label: { id, markId, kind } });
  }

  han(mark: ProtectedMark): string[] { return Array.from(mark.name).filter((c) => /\p{Script=Han}/u.test(c)); }

  replaced(chars: string[], at: number, by: string): string { const c = [...chars]; c[at] = by; return c.join(''); }

  /** Imitations of every family that applies to the mark, each labelled with its kind. */
  imitate(mark: ProtectedMark): void {
    const han = this.han(mark);
    const id = mark.id;
    if (han.length >= 2) {
      this.filing(han.join(''), id, 'identical', mark);
      if (this.chance(0.5)) this.filing(han.join('') + this.pick(GOODS), id, 'added', mark);
      else this.filing(this.pick(CITIES) + han.join(''), id, 'added', mark);
      this.filing(toTraditional(han.join('')), id, 'traditional', mark);
      // one character by sound, one by shape
      const at = this.int(0, han.length - 1);
      const homophones = homophonesOf(han[at]!);
      if (homophones.length) this.filing(this.replaced(han, at, this.pick(homophones)), id, 'homophone', mark);
      const looks = [...confusablesOf(han[at]!).keys()];
      if (looks.length) this.filing(this.replaced(han, at, this.pick(looks)), id, 'shape', mark);
    }
    if (han.length === 2) {
      // both characters by sound: none kept verbatim
      const a = homophonesOf(han[0]!);
      const b = homophonesOf(han[1]!);
      if (a.length && b.length) this.filing(this.pick(a) + this.pick(b), id, 'homophone', mark);
    }
    if (han.length >= 3 && mark.category !== '地理标志') {
      // one character replaced by an unrelated one, the first included
      const at = this.chance(0.35) ? 0 : this.int(1, han.length - 1);
      this.filing(this.replaced(han, at, this.pick(COMMON_CHARS)), id, 'substituted', mark);
      // rotated or two swapped
      const rotated = [...han.slice(1), han[0]!].join('');
      if (rotated !== han.join('')) this.filing(rotated, id, 'reorder', mark);
    }
    const numeralAt = han.findIndex((c) => '一二三四五六七八九十百'.includes(c));
    if (numeralAt >= 0) {
      const other = this.pick(Array.from('一二三五六七八九十百').filter((c) => c !== han[numeralAt]));
      this.filing(this.replaced(han, numeralAt, other), id, 'numeral', mark);
    }
    if (mark.category === '地理标志' && han.length >= 4) {
      // the product word shortened (某地大米 → 某地米)
      this.filing(han.slice(0, -2).join('') + han[han.length - 1], id, 'dropped', mark);
    }
    this.imitateLatin(mark);
  }

  imitateLatin(mark: ProtectedMark): void {
    const latin = [mark.name, ...mark.aliases].find((t) => /^[A-Z]+$/.test(t));
    if (!latin) return;
    const id = mark.id;
    const L = latin.length;
    // spelt as it sounds
    const sounds: [RegExp, string][] = [[/C/, 'K'], [/K/, 'C'], [/E/, 'I'], [/I/, 'E'], [/O/, 'U'], [/S$/, 'SS'], [/A/, 'AH']];
    const [re, to] = this.pick(sounds.filter(([r]) => r.test(latin)).concat([[/$/, latin[L - 1]!]]));
    this.filing(latin.replace(re, to), id, 'latin', mark);
    if (L >= 5) this.filing(`${this.pick(['MAISON', 'NEW', 'THE', 'CLUB'])} ${latin}${latin[L - 1]} ${this.pick(['PARIS', 'HOME', 'STYLE'])}`, id, 'latin', mark);
    if (L >= 5) this.filing(`${latin.slice(0, 3)} ${latin.slice(3)}`, id, 'spacing', mark);
    if (L >= 4 && L <= 5) this.filing(latin.slice(2) + latin.slice(0, 2), id, 'reorder', mark);
    const chinese = [mark.name, ...mark.aliases].find((t) => /\p{Script=Han}/u.test(t));
    if (chinese) {
      const spelling = Array.from(chinese).map((c) => (readingsOf(c)[0] ?? '').toUpperCase()).join('');
      if (spelling.length >= 5) {
        this.filing(spelling, id, 'pinyin', mark);
        this.filing(spelling + this.pick(['KIDS', 'PRO', 'HOME', 'MAX']), id, 'pinyin', mark);
      }
    }
  }

  /** Cores: the name without its generic tail, alone or with other words. */
  dropTail(mark: ProtectedMark): void {
    const han = this.han(mark);
    const tail = [...PLACE_TERMS, ...INSTITUTION_TAILS].find((t) => han.join('').endsWith(t));
    if (!tail || han.length - tail.length < 2) return;
    const core = han.slice(0, han.length - tail.length).join('');
    this.filing(core + this.pick(GOODS), mark.id, 'dropped', mark, { niceClass: this.int(1, 45) });
    this.filing(core, mark.id, 'dropped', mark, { niceClass: this.int(1, 45) });
    // a place named in a title is the place; an institution's name on goods is its brand
    if (mark.category === '公共资源') this.listing(`${core}${this.pick(['一日游', '旅游攻略', '特产'])} ${this.pick(['包邮', ''])}`, '', 'hard_negative');
    else this.listing(`${core}${this.pick(GOODS)} ${this.pick(['正品', '包邮', '特价'])}`, mark.id, 'dropped');
    if (mark.category === '公共资源' && han.length === 3 && SURNAMES.includes(han[0]!)) this.filing(han.slice(1).join(''), mark.id, 'dropped', mark);
  }

  /** What must not be flagged: random names, everyday words sharing characters, owners, far-class variants. */
  innocents(): void {
    for (let i = 0; i < 400; i++) this.filing(this.chars(this.chance(0.5) ? BRAND_CHARS : COMMON_CHARS, this.int(2, 4)), '', 'negative');
    for (let i = 0; i < 150; i++) this.filing(this.latinName(), '', 'negative');
    for (const mark of this.marks) {
      const han = this.han(mark);
      // an everyday word that shares a character with the mark
      const shared = han.length ? WORD_LIST.filter((w) => w.length === 2 && han.some((c) => w.includes(c)) && !han.join('').includes(w)) : [];
      if (shared.length) this.filing(this.pick(shared), '', 'hard_negative');
      // the end of a three-character name without its head (连山 of 祁连山, 银滩 of 金银滩): not the distinctive part
      if (han.length === 3 && !(mark.category === '公共资源' && SURNAMES.includes(han[0]!))) this.filing(han.slice(1).join(''), '', 'hard_negative', mark);
      // half of a four-character name or alias with another word: another name of the same kind (小猪乔治 beside 小猪佩奇)
      for (const form of [han, ...mark.aliases.map((a) => Array.from(a).filter((c) => /\p{Script=Han}/u.test(c)))]) {
        if (form.length !== 4) continue;
        const other = this.pick(WORD_LIST.filter((w) => w.length === 2));
        this.filing(this.chance(0.5) ? form.slice(0, 2).join('') + other : other + form.slice(2).join(''), '', 'hard_negative', mark);
      }
      // a brand that is an everyday word, used as the word in an unrelated title (美的人生 励志书籍)
      if (han.length === 2 && WORD_LIST.includes(han.join('')) && mark.classes.length) {
        const unrelated = [16, 41, 25, 5].find((c) => !mark.classes.includes(c))!;
        this.listing(`${han.join('')}${this.pick(COMMON_WORDS)} ${this.pick(goodsWordsOf(unrelated))}`, '', 'hard_negative');
      }
      // the mark inside a longer everyday word (玉树 in 玉树临风, 昆仑山 in 昆仑山脉)
      if (han.length >= 2 && han.length <= 3) {
        const longer = WORD_LIST.filter((w) => w.length > han.length && w.startsWith(han.join(''))).slice(0, 3);
        if (longer.length) {
          const word = this.pick(longer);
          this.filing(word, '', 'hard_negative', mark);
          this.listing(`${word} ${this.pick(GOODS)} ${this.pick(['包邮', '特价', ''])}`, '', 'hard_negative');
        }
      }
      // the owner's group company files its own mark
      if (mark.holder) {
        const trade = mark.holder.replace(/^(西宁|兰州|成都|昆明|郑州|长沙|南昌|杭州|广州|济南|哈尔滨|福州|洛阳|大理|赣州|温州)/, '').replace(/(集团有限公司|股份有限公司|有限责任公司|有限公司)$/, '');
        this.filing(mark.name, '', 'owner', mark, { applicant: `${mark.holder.slice(0, 2)}${trade}${this.pick(COMPANY_FORMS)}` });
      }
      // the mark itself in a class far from its own, for a category protected in its classes only
      if (han.length >= 2 && ['省著名商标', '老字号', '地理标志'].includes(mark.category) && mark.classes.length) {
        const far = [1, 6, 13, 19, 22, 23, 34, 40, 42, 45].find((c) => !mark.classes.includes(c));
        if (far) this.filing(han.join(''), '', 'class_negative', mark, { niceClass: far });
      }
      // a near variant of a class-limited mark in a class far from its own
      if (han.length >= 3 && !['驰名商标', '公共资源'].includes(mark.category) && mark.classes.length) {
        const at = this.int(1, han.length - 1);
        const homophones = homophonesOf(han[at]!);
        const far = [1, 6, 13, 19, 22, 23, 34, 40, 42, 45].find((c) => !mark.classes.includes(c));
        if (homophones.length && far) this.filing(this.replaced(han, at, this.pick(homophones)), '', 'class_negative', mark, { niceClass: far });
      }
    }
    for (let i = 0; i < 200; i++) {
      this.listing(`${this.pick(['【包邮】', '正品', '特价', ''])}${this.chars(BRAND_CHARS, 2)}牌 ${this.pick(GOODS)} ${this.pick(['500g', '整箱', '礼盒装'])}`, '', 'negative');
    }
    for (let i = 0; i < 40; i++) this.listing(`${this.pick(COMMON_WORDS)}${this.pick(COMMON_WORDS)} ${this.pick(['书籍', '明信片', '攻略', '海报'])}`, '', 'negative');
  }

  /** Goods of one of the mark's classes when the table knows some, else any. */
  goodsFor(mark: ProtectedMark): string {
    const words = mark.classes.flatMap((c) => goodsWordsOf(c));
    // a brand that is an everyday word is only recognisable as the brand among its own goods
    const everyday = WORD_LIST.includes(this.han(mark).join(''));
    return words.length && (everyday || this.chance(0.6)) ? this.pick(words) : this.pick(GOODS);
  }

  listingsOf(mark: ProtectedMark): void {
    const han = this.han(mark).join('');
    const goods = this.goodsFor(mark);
    if (han.length >= 2 && mark.category === '公共资源') {
      // a place's own name in a title names the place; written as a brand (…牌) it is one
      this.listing(`${han}${this.pick(['旅游攻略', '风景明信片', '一日游', '特产'])} ${this.pick(['包邮', '电子版', ''])}`, '', 'hard_negative');
      this.listing(`${han}牌 ${goods} ${this.pick(['限时特惠', '整箱批发'])}`, mark.id, 'identical');
    } else if (han.length >= 2) {
      this.listing(`${this.pick(['【官方正品】', '厂家直销 ', '新款', ''])}${han}${goods} ${this.pick(['限时特惠', '整箱批发', '礼盒装'])}`, mark.id, 'identical');
      const at = this.int(0, han.length - 1);
      const homophones = homophonesOf(Array.from(han)[at]!);
      if (homophones.length) this.listing(`${this.replaced(Array.from(han), at, this.pick(homophones))} ${goods} 包邮`, mark.id, 'homophone');
      if (mark.category === '地理标志') {
        const region = mark.region;
        this.listing(`${han} ${goods} 新货`, mark.id, 'identical', region.slice(0, 6) + '县');
      }
    }
  }
}

export function synthesise(seed: number): SyntheticSet {
  const g = new Generator(rng(seed), seed);
  g.buildRegistry();
  for (const mark of g.marks) {
    g.imitate(mark);
    g.dropTail(mark);
    g.listingsOf(mark);
  }
  g.innocents();
  return { marks: g.marks, filings: g.filings, listings: g.listings };
}

/**
 * Innocent filings and listings in volume, as a gazette brings them: everyday words and their combinations,
 * shop-style names, Latin words. Screened against any registry they give the coincidences a model must reject.
 */
export function background(seed: number, filings: number, listings: number): { filings: Filing[]; listings: Listing[] } {
  const g = new Generator(rng(seed + 1000), seed + 1000);
  const name = (): string => {
    const r = g.r();
    if (r < 0.35) return g.pick(WORD_LIST);
    if (r < 0.55) return g.pick(WORD_LIST) + g.pick(WORD_LIST);
    if (r < 0.75) return g.chars(BRAND_CHARS, g.int(2, 3)) + (g.chance(0.3) ? g.pick(GOODS) : '');
    if (r < 0.85) return g.chars(COMMON_CHARS, g.int(2, 4));
    if (r < 0.95) return g.latinName();
    return `${g.latinName()} ${g.latinName()}`;
  };
  const out = { filings: [] as Filing[], listings: [] as Listing[] };
  for (let i = 0; i < filings; i++) {
    out.filings.push({
      applicationNumber: `B${seed}-${i}`, markText: name(), niceClass: g.int(1, 45), goods: [], applicant: g.company(g.chars(BRAND_CHARS, 2)),
      applicantAddress: `${g.pick(PROVINCES)}${g.pick(CITIES)}市`, agency: '', filedOn: '', gazetteIssue: '', publishedOn: '',
    });
  }
  for (let i = 0; i < listings; i++) {
    const title = `${g.pick(['【包邮】', '正品', '新款', '厂家直销 ', ''])}${name()}${g.chance(0.5) ? '牌' : ''} ${g.pick(GOODS)} ${g.pick(WORD_LIST)} ${g.pick(['500g', '整箱批发', '礼盒装', '限时特惠'])}`;
    out.listings.push({ id: `BL${seed}-${i}`, platform: '淘宝', shop: '店铺', title, url: '', price: '', sellerLocation: `${g.pick(PROVINCES)}${g.pick(CITIES)}市` });
  }
  return out;
}
