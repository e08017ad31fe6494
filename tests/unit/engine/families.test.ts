// The families of imitation real squats show (issue 8), each on an invented registry of our own: what the engine
// must catch, the reasons it gives, and the innocent look-alikes it must leave alone. Names are invented or generic;
// none comes from a labelled set.
import { describe, expect, it } from 'vitest';
import type { Filing, Listing, ProtectedMark } from '../../../shared/domain';
import { buildRegistryIndex, screenFiling, screenListing } from '../../../shared/engine';
import { filingCandidates } from '../../../shared/engine/screen';
import { FITTED } from '../../../shared/engine/decide';
import { named } from '../../../shared/engine/features';

const mark = (id: string, name: string, category: ProtectedMark['category'], classes: number[], extra: Partial<ProtectedMark> = {}): ProtectedMark => ({
  id, name, category, classes, registrationNumber: '1', holder: `${name}有限公司`, aliases: [], region: '', recognizedOn: '', notes: '', ...extra,
});

const registry = [
  mark('U1', '雁鸣大学', '驰名商标', [41], { holder: '雁鸣大学' }),
  mark('P1', '玉峰寺', '公共资源', [], { region: '青海省海东市' }),
  mark('G1', '湟源陈醋', '地理标志', [30], { region: '青海省西宁市湟源县', holder: '湟源县陈醋协会' }),
  mark('T1', '陈香鹅', '驰名商标', [29]),
  mark('N1', '八宝斋', '老字号', [30]),
  mark('R1', '金凤凰', '驰名商标', [30]),
  mark('H1', '梦瑶', '驰名商标', [3]),
  mark('S1', '口福居', '老字号', [43]),
  mark('L1', 'KARISMA', '涉外商标', [3], { aliases: ['卡丽思'] }),
  mark('L2', 'LUVIS', '涉外商标', [25], { aliases: ['路维斯'] }),
  mark('F1', '星河湾', '省著名商标', [30], { holder: '青海星河湾食品集团有限公司' }),
  mark('E1', '春光', '驰名商标', [11]),
  mark('PR1', '苏翊航', '公共资源', []),
  // a surname of the 百家姓 the dictionary's corpus seldom gives a person (谷, as 全)
  mark('PR2', '谷梓凌', '公共资源', []),
  mark('PR3', '柯澜春', '老字号', [3]),
  mark('B1', '小熊波比', '涉外商标', [28]),
  mark('C1', '澜岫冰城', '驰名商标', [43]),
  mark('C2', '大熊尼克', '涉外商标', [28]),
  mark('Q1', '琪美', '驰名商标', [3]),
  mark('K1', '洽柏', '驰名商标', [29]),
  mark('M1', '七只雪貂', '驰名商标', [29]),
  mark('X2', '喜丰年', '老字号', [30]),
  mark('T2', '太州', '省著名商标', [30]),
  mark('D1', '林泉居', '老字号', [43]),
  mark('L3', 'BRIVE', '涉外商标', [25]),
  mark('G2', '湟中线辣椒', '地理标志', [30], { region: '青海省西宁市湟中区', holder: '湟中区辣椒协会' }),
];
const index = buildRegistryIndex(registry);

let n = 0;
const filing = (markText: string, niceClass: number, applicant = '某某贸易有限公司'): Filing => ({
  applicationNumber: String(++n), markText, niceClass, goods: [], applicant, applicantAddress: '', agency: '', filedOn: '', gazetteIssue: '', publishedOn: '',
});
const listing = (title: string, sellerLocation = '浙江省义乌市'): Listing => ({ id: `L${++n}`, platform: '', shop: '', title, url: '', price: '', sellerLocation });
const hitOf = (f: Filing, id: string) => screenFiling(index, f).find((h) => h.markId === id);

describe('families of imitation', () => {
  it.each([
    // 1. a name without its institutional or generic tail
    ['雁鸣琴行', 41, 'U1', 'generic'],
    ['小熊波必', 28, 'B1', 'homophone'],
    ['玉峰火腿肠', 29, 'P1', 'generic'],
    ['湟源醋', 30, 'G1', 'dropped'],
    // 2. one character of a three-character mark replaced, the first included
    ['吴香鹅', 29, 'T1', 'changed'],
    ['陈黑鹅', 29, 'T1', 'changed'],
    // 3. a numeral for another
    ['九宝斋', 30, 'N1', 'numeral'],
    // 4. characters rotated
    ['凤凰金', 30, 'R1', 'reorder'],
    // 5. both characters of a two-character mark by sound, none kept
    ['孟遥', 3, 'H1', 'homophone'],
    // …or both by look-alikes
    ['治枯', 29, 'K1', 'shape'],
    // …or by a rare character of the same sound outside the common set (囍, read xǐ)
    ['囍丰年', 30, 'X2', 'homophone'],
    // a character written as its one part twice (木木 for 林)
    ['木木泉居', 43, 'D1', 'components'],
    // 6. a cross-script look-alike (katakana ロ for 口)
    ['ロ福居', 43, 'S1', 'shape'],
    // 7. Latin spelt as it sounds, pinyin of a Chinese mark and of a foreign mark's Chinese name, inside a longer word
    ['CHARISMA', 3, 'L1', 'phonetic'],
    ['JINFENGHUANG', 30, 'R1', 'pinyin'],
    ['LUWEISI', 25, 'L2', 'pinyin'],
    ['JINFENGHUANGKIDS', 30, 'R1', 'pinyin'],
    // a pinyin with letters the look-alike skeleton folds (Q, I) glued to a word
    ['QIMEIKIDS', 3, 'Q1', 'pinyin'],
    // the coined or proper half of a four-character name beside an everyday word
    ['澜岫', 43, 'C1', 'distinctive'],
    ['澜岫奶茶', 43, 'C1', 'distinctive'],
    ['尼克的家', 28, 'C2', 'distinctive'],
    // a person's given name alone
    ['翊航', 28, 'PR1', 'person'],
    ['梓凌', 25, 'PR2', 'person'],
    // an old house named after its founder, by his given name
    ['澜春', 3, 'PR3', 'person'],
  ])('%s (class %i) → %s, %s', (text, cls, id, reason) => {
    const hit = hitOf(filing(text, cls), id);
    expect(hit, `${text} should hit ${id}`).toBeDefined();
    expect(hit!.reasons).toContain(reason);
    expect(hit!.score).toBeGreaterThan(0);
    expect(hit!.score).toBeLessThanOrEqual(1);
  });
});

describe('a description beside a mark', () => {
  const candidate = (text: string) => filingCandidates(index, filing(text, 5), { ...FITTED, threshold: { filing: 0, listing: 0 } })
    .candidates.find((c) => c.markIndex === registry.findIndex((m) => m.id === 'U1'))!;
  it('reads a name written as a brand (雁鸣脂蛋白牌) as the described name it is; a word ending in 牌 (王牌) stays a word', () => {
    const describedBy = (text: string) => named('han', candidate(text).x).extraWords;
    expect(describedBy('雁鸣脂蛋白')).toBe(1);
    expect(describedBy('雁鸣脂蛋白牌')).toBe(1);
    expect(describedBy('雁鸣王牌')).toBe(1);
    expect(describedBy('雁鸣脂蛋呐牌')).toBe(0);
  });
});

describe('a painting named for its kind', () => {
  it('reads 唐卡 as the goods a thangka GI names: its place with a word between, sold elsewhere, is the GI', () => {
    const gi = buildRegistryIndex([mark('G4', '雁峰唐卡', '地理标志', [16], { region: '青海省黄南藏族自治州', holder: '雁峰唐卡艺术协会' })]);
    // a word put between the place and its goods word weighs as words added to the whole name, not as the name altered
    const hit = screenListing(gi, listing('雁峰风格 唐卡 挂画 装裱 玄关', '四川省成都市')).find((h) => h.markId === 'G4');
    expect(hit?.score).toBeGreaterThan(0.5);
  });
});

describe('a name of two characters read across a space', () => {
  it('is no reading where a word that runs on lends the character not kept (全自动 陶瓷 is no 东陶); a brand spaced out is', () => {
    const foreign = buildRegistryIndex([mark('T9', 'TOTA', '涉外商标', [11, 19], { aliases: ['东陶'], holder: 'TOTA株式会社' })]);
    const marksIn = (title: string) => screenListing(foreign, listing(title, '广东省汕头市')).map((h) => h.markId);
    expect(marksIn('紫砂电炖锅 煲汤锅 家用 全自动 陶瓷 炖盅 bb煲 预约')).toEqual([]);
    expect(marksIn('冬 陶 马桶 智能')).toEqual(['T9']);
    // glued to other characters on both sides, but making no everyday word with them, it is the brand spaced out
    expect(marksIn('特价冬 陶马桶 智能')).toEqual(['T9']);
  });
  it('is no reading where both characters are kept but each ends or begins a word (泰迪熊 乐园), or is the unit of a number (3米 居家)', () => {
    const toys = buildRegistryIndex([mark('T10', '熊乐', '省著名商标', [28]), mark('T11', '米居', '省著名商标', [20, 11])]);
    const marksIn = (title: string) => screenListing(toys, listing(title)).map((h) => h.markId);
    expect(marksIn('毛绒玩具 泰迪熊 乐园 礼物 大号')).toEqual([]);
    expect(marksIn('落地灯 3米 居家 客厅 卧室')).toEqual([]);
    // the brand spaced out, apart from words, is still read
    expect(marksIn('熊 乐 毛绒玩具 礼物')).toEqual(['T10']);
    expect(marksIn('米 居 落地灯 客厅')).toEqual(['T11']);
  });
});

describe("a character written as its sound's first letter", () => {
  it('reads a capital glued to a brand\'s character as the first letter of the other (琪M, 卡L思); a size or a model beside other characters is nothing', () => {
    const hitIn = (title: string, id: string) => screenListing(index, listing(title)).find((h) => h.markId === id);
    expect(hitIn('琪M 口红 哑光', 'Q1')?.reasons).toContain('homophone');
    expect(hitIn('卡L思 面霜 补水', 'L1')).toBeDefined();
    // the letter must stand for a character of that sound, glued to the rest of the name
    expect(hitIn('琪T 口红 哑光', 'Q1')).toBeUndefined();
    expect(hitIn('琪 M 口红 哑光', 'Q1')).toBeUndefined();
  });
});

describe('a number of tens written in one character', () => {
  it('reads 廿 as 二十: the number written out or in digits is the mark, the mark as registered is identical', () => {
    const tens = buildRegistryIndex([mark('N2', '廿八坊', '老字号', [33])]);
    const hit = (text: string) => screenFiling(tens, filing(text, 33)).find((h) => h.markId === 'N2');
    expect(hit('廿八坊')?.reasons).toContain('identical');
    expect(hit('二十八坊')).toBeDefined();
    expect(hit('28坊')).toBeDefined();
  });

  it('reads a number in digits as it is said: 1000 as 千, 16 as 十六, shown where the digits stand', () => {
    const said = buildRegistryIndex([mark('N3', '千湾岭', '公共资源', []), mark('N4', '十六香', '老字号', [30])]);
    const hit = (text: string, cls: number, id: string) => screenFiling(said, filing(text, cls)).find((h) => h.markId === id);
    const thousand = hit('1000湾岭', 29, 'N3');
    expect(thousand?.reasons).toContain('numeral');
    expect(thousand?.text).toBe('1000湾岭');
    expect(hit('16香', 30, 'N4')?.reasons).toContain('numeral');
    // digits read one by one still meet a mark written so
    expect(hit('一六香', 30, 'N4')).toBeDefined();
  });
});

describe("a geographical indication's place disguised", () => {
  it('reads a place of three characters written by sound or look-alike for its goods, not a place that exists or one changed outright', () => {
    const gi = buildRegistryIndex([mark('G3', '澄碧湖大闸蟹', '地理标志', [31], { region: '江苏省苏州市', holder: '苏州市澄碧湖大闸蟹行业协会' })]);
    const from = (text: string, cls = 31) => screenFiling(gi, filing(text, cls, '宿迁市某某水产有限公司')).find((h) => h.markId === 'G3');
    expect(from('澄碧湖')).toBeDefined();
    expect(from('橙碧湖')?.reasons).toContain('homophone');
    expect(from('澄壁湖')).toBeDefined();
    // a character changed outright, or goods far from crabs, is no such lure
    expect(from('澄海湖')).toBeUndefined();
    expect(from('橙碧湖', 9)).toBeUndefined();
  });
});

describe('a copy named right after the brand', () => {
  it('reads 平替 or 高仿 glued to a name as what the goods copy, not as a word the two make (山太平替 holds 太平)', () => {
    const own = buildRegistryIndex([mark('E2', '山太', '驰名商标', [11])]);
    const hit = (title: string) => screenListing(own, listing(title)).find((h) => h.markId === 'E2');
    expect(hit('水槽洗碗机 家用 全自动 山太平替')).toBeDefined();
    expect(hit('嵌入式洗碗机 山太高仿 家用')).toBeDefined();
  });
});

describe('innocent look-alikes stay out', () => {
  it.each([
    ['星河', 29, 'the head of a class-limited name that is an everyday word, outside its class'],
    ['香鹅', 29, 'the end of a name without its head'],
    ['春色', 11, 'an everyday word sharing one character'],
    ['CHARM', 3, 'a different short word'],
    ['小熊乔治', 28, 'half of a name with another everyday name in place of the rest'],
    ['七只小猪', 29, 'a count kept and a rare everyday word (小猪) in place of the rest'],
    ['冰城', 43, 'the everyday half of a name whose other half is coined'],
    ['大熊', 28, 'the everyday half of a name whose other half is a proper name'],
  ])('%s (class %i): %s', (text, cls) => {
    const hits = screenFiling(index, filing(text, cls)).filter((h) => h.score >= 0.5);
    expect(hits.map((h) => h.markId)).toEqual([]);
  });
  it('the same everyday head in the mark\'s own class is at most a weak hit, far below a one-character swap', () => {
    // 星河 is contained in 星河湾 and examiners may find them close in class 30; the clerk sees it low in the queue.
    const head = hitOf(filing('星河', 30), 'F1');
    const swap = hitOf(filing('星和湾', 30), 'F1');
    expect(swap!.score).toBeGreaterThan(0.9);
    expect(head?.score ?? 0).toBeLessThan(0.6);
  });
  it('the goods of a GI without its place (线辣椒 of 湟中线辣椒) are only the goods; the place with the goods shortened is the GI', () => {
    expect(hitOf(filing('线辣椒', 30), 'G2')).toBeUndefined();
    expect(hitOf(filing('湟中辣椒', 30), 'G2')).toBeDefined();
  });
  it('a well-known place that merely sounds like the mark (泰州 beside 太州) names the place; a coined homophone is a hit', () => {
    expect(hitOf(filing('泰州', 30), 'T2')).toBeUndefined();
    expect(hitOf(filing('太洲', 30), 'T2')?.reasons).toContain('homophone');
  });
  it('a common English word a letter from a Latin mark means what it means (BRAVE beside BRIVE); a coined spelling is a hit', () => {
    expect(hitOf(filing('BRAVE', 25), 'L3')).toBeUndefined();
    expect(hitOf(filing('DRIVE', 25), 'L3')).toBeUndefined();
    expect(screenListing(index, listing('BRAVE 运动鞋 男款')).map((h) => h.markId)).not.toContain('L3');
    expect(hitOf(filing('BRIVA', 25), 'L3')?.reasons).toContain('latin');
  });
  it("the holder's group files freely; a shadow company with a place in front does not", () => {
    expect(hitOf(filing('星河湾', 30, '青海星河湾食品股份有限公司'), 'F1')).toBeUndefined();
    expect(hitOf(filing('星河湾', 30, '香港星河湾国际集团有限公司'), 'F1')).toBeDefined();
    // a member of the group writes the trade name and 集团 first; the trade name with other words after it alone is a
    // new company riding on the name
    expect(hitOf(filing('星河湾', 30, '青海星河湾食品集团健康产品有限公司'), 'F1')).toBeUndefined();
    expect(hitOf(filing('星河湾', 30, '青海星河湾食品港式饮品有限公司'), 'F1')).toBeDefined();
    // Hong Kong written after the trade name of a holder that has none there is a shadow company too
    expect(hitOf(filing('星河湾', 30, '青海星河湾食品(香港)国际集团有限公司'), 'F1')).toBeDefined();
    const hongKong = buildRegistryIndex([mark('F4', '瑞麟轩', '涉外商标', [14], { holder: '瑞麟轩珠宝(香港)有限公司' })]);
    expect(screenFiling(hongKong, filing('瑞麟轩', 14, '瑞麟轩(香港)珠宝集团有限公司'))).toEqual([]);
  });
  it("a foreign holder's company in China writes a place in brackets after the trade name (…(中国)有限公司)", () => {
    const foreign = buildRegistryIndex([mark('F9', 'VELOR', '涉外商标', [12], { aliases: ['维洛尔'], holder: '维洛尔公司' })]);
    const from = (applicant: string) => screenFiling(foreign, filing('维洛尔', 12, applicant))[0];
    expect(from('维洛尔(上海)有限公司')).toBeUndefined();
    expect(from('维洛尔企业管理(中国)有限公司')).toBeUndefined();
    // a place in front, or another trade name after it, is someone else's company
    expect(from('上海维洛尔有限公司')?.markId).toBe('F9');
    expect(from('维洛尔星辰汽车有限公司')?.markId).toBe('F9');
  });
  it("a holder's company writes a division in brackets after the trade name (…(新会)食品有限公司); a shadow puts it in front", () => {
    const own = buildRegistryIndex([mark('F6', '瑞丰记', '驰名商标', [30], { holder: '瑞丰记有限公司' })]);
    expect(screenFiling(own, filing('瑞丰记', 30, '瑞丰记（新会）食品有限公司'))).toEqual([]);
    expect(screenFiling(own, filing('瑞丰记', 30, '新会瑞丰记食品有限公司'))[0]?.markId).toBe('F6');
  });
  it("a holder's province in front of its trade name is its provincial company; another province is a shadow", () => {
    const own = buildRegistryIndex([mark('F3', '瑞丰记', '驰名商标', [3], { holder: '漳州瑞丰记药业股份有限公司' })]);
    expect(screenFiling(own, filing('瑞丰记', 3, '福建瑞丰记化妆品有限公司'))).toEqual([]);
    expect(screenFiling(own, filing('瑞丰记', 3, '福建省瑞丰记化妆品有限公司'))).toEqual([]);
    expect(screenFiling(own, filing('瑞丰记', 3, '广东瑞丰记化妆品有限公司'))[0]?.markId).toBe('F3');
  });
  it("a holder whose own trade name is not the mark's is known by it: a firm trading under it is of the group, one under the mark is not", () => {
    const apart = buildRegistryIndex([mark('F5', '福满楼', '驰名商标', [30], { holder: '顶盛（开曼岛）控股有限公司' })]);
    expect(screenFiling(apart, filing('福满楼', 30, '天津顶盛国际食品有限公司'))).toEqual([]);
    expect(screenFiling(apart, filing('福满楼', 30, '天津福满楼食品有限公司'))[0]?.markId).toBe('F5');
    expect(screenFiling(apart, filing('福满楼', 30, '天津顶好国际食品有限公司'))[0]?.markId).toBe('F5');
    // a trade name registered under a place is shared by unrelated firms of other places
    const placed = buildRegistryIndex([mark('F4', '福满楼', '驰名商标', [30], { holder: '上海顶盛食品有限公司' })]);
    expect(screenFiling(placed, filing('福满楼', 30, '上海顶盛食品销售有限公司'))).toEqual([]);
    expect(screenFiling(placed, filing('福满楼', 30, '宁波顶盛食品有限公司'))[0]?.markId).toBe('F4');
  });
  it('a foreign holder\'s arm in China may trade under the Chinese name, not the holder\'s recorded one; only it writes (中国) after it', () => {
    const foreign = buildRegistryIndex([mark('F8', 'NEW VELOR', '涉外商标', [25], { aliases: ['新维洛'], holder: '新维乐运动鞋公司' })]);
    const from = (applicant: string) => screenFiling(foreign, filing('新维洛', 25, applicant))[0];
    expect(from('新维洛贸易(中国)有限公司')).toBeUndefined();
    expect(from('新维洛(香港)贸易有限公司')?.markId).toBe('F8');
    expect(from('新维洛鞋业有限公司')?.markId).toBe('F8');
    expect(from('新维洛国际品牌运营管理(中国)有限公司')?.markId).toBe('F8');
    // a Japanese holder writes its company form first (株式会社…)
    const japanese = buildRegistryIndex([mark('F7', 'KOMARI', '涉外商标', [25], { holder: '株式会社可茉莉' })]);
    expect(screenFiling(japanese, filing('KOMARI', 25, '可茉莉(中国)商贸有限公司'))).toEqual([]);
    expect(screenFiling(japanese, filing('KOMARI', 25, '上海可茉莉贸易有限公司'))[0]?.markId).toBe('F7');
    // a domestic group's foreign-invested arm writes (中国) after the mark too; a public name is no firm's trade name
    const platform = buildRegistryIndex([
      mark('F6', '淘易', '驰名商标', [35, 42], { holder: '阿里云集控股有限公司' }),
      mark('F5', '雁湖', '公共资源', [], { region: '青海省西宁市', holder: '' }),
    ]);
    expect(screenFiling(platform, filing('淘易直播', 38, '淘易(中国)软件有限公司'))).toEqual([]);
    expect(screenFiling(platform, filing('雁湖', 35, '雁湖(中国)投资有限公司'))[0]?.markId).toBe('F5');
  });
  it('a pinyin of four letters (DEBU of 德步) is the mark only as that very word, never as a near spelling', () => {
    const brand = buildRegistryIndex([mark('D9', '德步', '驰名商标', [25])]);
    expect(screenFiling(brand, filing('DEBU', 25))[0]?.markId).toBe('D9');
    expect(screenListing(brand, listing('DEBU 运动鞋 男 跑步鞋 42码')).map((h) => h.markId)).toEqual(['D9']);
    expect(screenFiling(brand, filing('DEBO', 25))).toEqual([]);
    expect(screenFiling(brand, filing('DEBUT', 25))).toEqual([]);
  });
  it('a name written as a brand in a title (驼鸟牌 墨水) is the brand, though it is an everyday word', () => {
    const ink = buildRegistryIndex([mark('O9', '鸵鸟', '省著名商标', [16])]);
    const scoreOf = (title: string) => screenListing(ink, listing(title))[0]?.score ?? 0;
    expect(scoreOf('鸵鸟牌 碳素墨水 60ml')).toBeGreaterThan(0.8);
    expect(scoreOf('驼鸟牌 碳素墨水 60ml 12瓶')).toBeGreaterThan(0.5);
  });
  it('an old house called 老 + its name (老瑞颐) is known by the name alone in its classes; far from them that is another firm\'s', () => {
    const house = buildRegistryIndex([mark('O8', '老瑞颐', '驰名商标', [14]), mark('O7', '老朋友', '老字号', [30])]);
    expect(screenFiling(house, filing('瑞颐', 14))[0]?.markId).toBe('O8');
    expect(screenFiling(house, filing('瑞颐', 29)).filter((h) => h.score >= 0.5)).toEqual([]);
    // the whole name still reaches every class of a well-known mark
    expect(screenFiling(house, filing('老瑞颐', 29))[0]?.markId).toBe('O8');
    // 朋友 is an everyday word: 老朋友 is not 老 + a name
    expect(screenFiling(house, filing('朋友', 30)).filter((h) => h.score >= 0.5)).toEqual([]);
  });
  it('a GI named after a renamed county (郫县, now 郫都区) is the same indication under the new name; another place of the region is not', () => {
    const gi = buildRegistryIndex([
      mark('G7', '郫县兔头', '地理标志', [29], { region: '四川省成都市郫都区', holder: '郫都区兔头协会' }),
      mark('G6', '镜湖螃蟹', '地理标志', [31], { region: '江苏省南京市高淳区', holder: '高淳区螃蟹协会' }),
    ]);
    const from = (text: string, cls: number) => screenFiling(gi, { ...filing(text, cls), applicantAddress: '广东省广州市' });
    expect(from('郫都兔头', 29)[0]?.markId).toBe('G7');
    expect(from('成都兔头', 29).filter((h) => h.markId === 'G7')).toEqual([]);
    // a lake in the district is no renamed division: the district's name with the goods is the district's
    expect(from('高淳螃蟹', 31).filter((h) => h.markId === 'G6')).toEqual([]);
  });
  it('other digits in a title (a size 110-150, a model number) are no look-alike of a numbered name; digits written with its sign are', () => {
    const numbered = buildRegistryIndex([mark('N9', '528°', '驰名商标', [25], { aliases: ['528度'] })]);
    const marksIn = (title: string) => screenListing(numbered, listing(title)).map((h) => h.markId);
    expect(marksIn('女童连衣裙 秋季 长袖 110-158')).toEqual([]);
    expect(marksIn('复古跑鞋 CW2288-582 白色')).toEqual([]);
    expect(marksIn('528 运动鞋 男')).toEqual(['N9']);
    expect(marksIn('582° 运动套装 男 加绒')).toEqual(['N9']);
    expect(marksIn('258度 跑鞋')).toEqual(['N9']);
  });
  it('digits from inside a longer number (a steel grade, an article number) are no numbered name written in digits', () => {
    const numbered = buildRegistryIndex([mark('N8', '四一', '驰名商标', [7, 12], { aliases: ['41'] })]);
    const marksIn = (title: string) => screenListing(numbered, listing(title)).map((h) => h.markId);
    expect(marksIn('不锈钢保温杯 416 大容量 便携')).toEqual([]);
    expect(marksIn('跑步鞋 男 减震 5412410')).toEqual([]);
    expect(marksIn('41 小型挖掘机 果园 农用')).toEqual(['N8']);
  });
  it('a title\'s weights and counts are no numbered name altered, nor other characters by their sound; its own number beside its words is', () => {
    const numbered = buildRegistryIndex([
      mark('N7', '雁湖总医院', '公共资源', [], { aliases: ['308医院'] }),
      mark('N6', 'VELAGRA', '涉外商标', [5], { aliases: ['万艾珂'] }),
      mark('N5', '六个核杏', '驰名商标', [32]),
      mark('N4', '736°', '驰名商标', [25]),
      mark('N3', '十月核杏', '驰名商标', [30]),
    ]);
    const marksIn = (title: string) => screenListing(numbered, listing(title)).map((h) => h.markId);
    expect(marksIn('大闸蟹 公4.0两 母3.0两 8只 礼盒')).toEqual([]);
    expect(marksIn('锅巴 麻辣 30包')).toEqual([]);
    expect(marksIn('清宫寿桃丸 10丸')).toEqual([]);
    expect(marksIn('308医院 体检套餐')).toEqual(['N7']);
    expect(marksIn('6个核杏 饮料 整箱')).toEqual(['N5']);
    expect(marksIn('737° 运动裤 男 直筒')).toEqual(['N4']);
    expect(marksIn('10月核杏 东北大米 5kg')).toEqual(['N3']);
  });
  it('an alias written with a character that folds (陆, the capital six) is copied, not altered, where the title writes it so', () => {
    const car = buildRegistryIndex([mark('V7', 'TERRAVAN', '涉外商标', [12], { aliases: ['路骁', '陆骁'] })]);
    const hits = screenListing(car, listing('陆骁 揽胜 1:24 合金车模 儿童玩具'));
    expect(hits.map((h) => h.markId)).toEqual(['V7']);
    expect(hits[0]!.reasons).not.toContain('numeral');
    // fishing tackle shares the toys' class but copies no brand's goods: a name of a restaurant on it is another's
    const hotpot = buildRegistryIndex([mark('V8', '谭渔翁', '省著名商标', [43, 29])]);
    expect(screenListing(hotpot, listing('谭渔翁 路亚饵 鱼钩 套装'))).toEqual([]);
    expect(screenListing(hotpot, listing('谭渔翁 Q版 手办 玩具')).map((h) => h.markId)).toEqual(['V8']);
  });
  it('a public body registered with its place in front is the body the registry names; a firm of that place is not', () => {
    const temple = buildRegistryIndex([mark('P7', '玉峰寺', '公共资源', [], { region: '青海省西宁市湟中区', holder: '玉峰寺寺院管理委员会' })]);
    expect(screenFiling(temple, filing('玉峰寺', 3, '湟中区玉峰寺寺院管理委员会'))).toEqual([]);
    expect(screenFiling(temple, filing('玉峰寺', 3, '西宁市湟中区玉峰寺寺院管理委员会'))).toEqual([]);
    expect(screenFiling(temple, filing('玉峰寺', 3, '湟中区玉峰寺香业有限公司'))[0]?.markId).toBe('P7');
  });
  it('a surname before an everyday word for a person (洪师傅) with another surname in its place is another person; one alike in sound or shape is the mark', () => {
    const baker = buildRegistryIndex([mark('W5', '洪师傅', '驰名商标', [30])]);
    const from = (text: string) => screenFiling(baker, filing(text, 30)).map((h) => h.markId);
    expect(from('李师傅')).toEqual([]);
    expect(from('李师傅糕点')).toEqual([]);
    expect(from('红师傅')).toEqual(['W5']);
    expect(from('洪帅傅')).toEqual(['W5']);
  });
  it('a reading that leaves out a character of its mark (岭记 of 岭锦记) within words another mark\'s hit reads whole (陈岭记 of 陈岭济) is not shown', () => {
    const two = buildRegistryIndex([mark('J1', '陈岭济', '老字号', [5]), mark('J2', '岭锦记', '驰名商标', [30])]);
    const marksIn = (title: string) => screenListing(two, listing(title)).map((h) => h.markId);
    expect(marksIn('陈岭记 祛湿茶 药茶 20包')).toEqual(['J1']);
    expect(marksIn('岭记 蚝油 大桶')).toContain('J2');
    // only a reading of every character explains the words: 谷香村 read from 谷*香米 changes one and skips one
    const rice = buildRegistryIndex([mark('J3', '谷花香', '驰名商标', [30]), mark('J4', '谷香村', '老字号', [30])]);
    expect(screenListing(rice, listing('谷*香米 东北大米 5kg')).map((h) => h.markId)).toContain('J3');
  });
  it('words put between a name and its goods (春风卤牛肉 of 春风牛肉) describe the goods: the name with words added', () => {
    const beef = buildRegistryIndex([mark('K7', '春风牛肉', '老字号', [29])]);
    const sold = screenListing(beef, listing('春风卤牛肉 麻辣 零食 250g'));
    expect(sold.map((h) => h.markId)).toEqual(['K7']);
    expect(sold[0]!.reasons).toContain('added');
    expect(screenListing(beef, listing('秋风卤牛肉 麻辣 零食 250g'))).toEqual([]);
  });
  it('a resold brand written as it is (二手 TUCCI) is not let in as the pinyin of its Chinese alias misspelt', () => {
    const brand = buildRegistryIndex([mark('T8', 'TUCCI', '涉外商标', [18, 25], { aliases: ['图驰'] })]);
    const marksIn = (title: string) => screenListing(brand, listing(title)).map((h) => h.markId);
    expect(marksIn('二手 TUCCI 马衔扣 乐福鞋 38码 正品 95新')).toEqual([]);
    expect(marksIn('TUCCI 乐福鞋 38码')).toEqual(['T8']);
    // a look-alike resold is still a lure
    expect(marksIn('二手 TUCHI 乐福鞋 95新')).toEqual(['T8']);
  });
  it('a resold brand spaced out (图 驰) or spelled letter by letter (T U C C I) to slip past the filter is no resale of the genuine article', () => {
    const brand = buildRegistryIndex([mark('T8', 'TUCCI', '涉外商标', [18, 25], { aliases: ['图驰'] })]);
    const marksIn = (title: string) => screenListing(brand, listing(title)).map((h) => h.markId);
    expect(marksIn('图驰 乐福鞋 38码 只穿过一次 个人闲置')).toEqual([]);
    expect(marksIn('图 驰 乐福鞋 38码 只穿过一次 个人闲置')).toEqual(['T8']);
    expect(marksIn('TUCCI 乐福鞋 38码 只穿过一次 个人闲置')).toEqual([]);
    expect(marksIn('T U C C I 乐福鞋 38码 只穿过一次 个人闲置')).toEqual(['T8']);
  });
  it('a resold brand with a character split into its parts (木各 for 格) is no resale of the genuine article either', () => {
    const brand = buildRegistryIndex([mark('G9', '格澜', '驰名商标', [11])]);
    const marksIn = (title: string) => screenListing(brand, listing(title)).map((h) => h.markId);
    expect(marksIn('全新未拆 格澜空调 1匹 工程余货 便宜出')).toEqual([]);
    expect(marksIn('全新未拆 木各澜空调 1匹 工程余货 便宜出')).toEqual(['G9']);
  });
  it('a well-known name\'s coined tail (禾郎 of 今禾郎) is a squat in its classes, as written and standing alone', () => {
    const famous = buildRegistryIndex([mark('W9', '今禾郎', '驰名商标', [30]), mark('W8', '今谷郎', '省著名商标', [30])]);
    const filed = (text: string, cls = 30) => screenFiling(famous, filing(text, cls)).map((h) => h.markId);
    expect(filed('禾郎')).toEqual(['W9']);
    expect(screenListing(famous, listing('禾郎 方便面 整箱')).map((h) => h.markId)).toEqual(['W9']);
    // altered, among other characters, far from the classes, or of a mark protected in its own classes only: no
    expect(filed('禾朗')).toEqual([]);
    expect(filed('禾郎', 25)).toEqual([]);
    expect(screenListing(famous, listing('香禾郎面 整箱')).map((h) => h.markId)).toEqual([]);
    expect(filed('谷郎')).toEqual([]);
  });
  it('a mark written with characters that sound and look like its own (咕咕 of 沽沽) is the mark, though they make an everyday word', () => {
    const snack = buildRegistryIndex([mark('K8', '沽沽', '驰名商标', [29]), mark('K7', '汪汪', '驰名商标', [29])]);
    const scoreOf = (text: string, id: string) => screenFiling(snack, filing(text, 29)).find((h) => h.markId === id)?.score ?? 0;
    expect(scoreOf('咕咕', 'K8')).toBeGreaterThan(0.7);
    // only the sound kept, the word is what it says (往往: often)
    expect(scoreOf('往往', 'K7')).toBeLessThan(0.5);
  });
  it('a size in a title (50g, 5kg) is no look-alike of a short Latin name, whatever letters its digits resemble', () => {
    const short = buildRegistryIndex([mark('S9', 'SOD', '涉外商标', [3]), mark('S8', 'SK-2', '涉外商标', [3])]);
    const marksIn = (title: string) => screenListing(short, listing(title)).map((h) => h.markId);
    expect(marksIn('舒敏保湿特护霜 50g')).toEqual([]);
    expect(marksIn('柠檬洗洁精 5kg 家庭装')).toEqual([]);
    expect(marksIn('SK-2 神仙水 230ml')).toEqual(['S8']);
    expect(marksIn('S0D 精华 50g')).toEqual(['S9']);
    // a style word of digits and a letter (3D, 5D) is no size: it is read as a mark's letters are
    const gold = buildRegistryIndex([mark('S7', '3D-GOLD', '涉外商标', [14])]);
    expect(screenFiling(gold, filing('5D-GOLD', 14))[0]?.markId).toBe('S7');
  });
  it('an everyday word inside an unrelated title is not the brand; the brand among its goods is', () => {
    expect(screenListing(index, listing('春光明媚 摄影书籍')).map((h) => h.markId)).not.toContain('E1');
    expect(screenListing(index, listing('春光 电暖器 家用')).map((h) => h.markId)).toContain('E1');
  });
});

describe('alignment offsets', () => {
  it('point at the characters as written, whatever comes before them', () => {
    const text = '㊣陈香鹅';
    const hit = hitOf(filing(text, 29), 'T1')!;
    const spans = hit.alignment!.filter((p) => p.textStart !== undefined).map((p) => text.slice(p.textStart, p.textEnd));
    expect(spans).toEqual(['陈', '香', '鹅']);
    expect(hit.alignment!.every((p) => p.markIndex < 0 || hit.markText.slice(p.markStart, p.markEnd) === '陈香鹅'[p.markIndex])).toBe(true);
  });
  it('of a listing refer to the whole title', () => {
    const title = '【包邮】正宗陈香鹅 礼盒装';
    const hit = screenListing(index, listing(title)).find((h) => h.markId === 'T1')!;
    const spans = hit.alignment!.filter((p) => p.textStart !== undefined).map((p) => title.slice(p.textStart, p.textEnd));
    expect(spans.join('')).toBe('陈香鹅');
  });
});
