// Screening end to end on a registry of our own (invented records, not the development set).
import { describe, expect, it } from 'vitest';
import type { Filing, Listing, ProtectedMark } from '../../../shared/domain';
import { buildRegistryIndex, quickCheck, screenFiling, screenListing } from '../../../shared/engine';

const mark = (id: string, name: string, category: ProtectedMark['category'], classes: number[], extra: Partial<ProtectedMark> = {}): ProtectedMark => ({
  id, name, category, classes, registrationNumber: '1', holder: `${name}有限公司`, aliases: [], region: '', recognizedOn: '', notes: '', ...extra,
});

const registry = [
  mark('A1', '金凤凰', '驰名商标', [30]),
  mark('A2', '张飞', '老字号', [29]),
  mark('A3', '九个桃园', '省著名商标', [32]),
  mark('A4', 'TOYOTA', '驰名商标', [12], { aliases: ['丰田'] }),
  mark('A5', '龙泉', '省著名商标', [33], { holder: '青海龙泉（集团）酒业有限公司' }),
  mark('A6', '湟源陈醋', '地理标志', [30], { region: '西宁市湟源县', holder: '湟源县陈醋协会' }),
  mark('A7', '坎布拉', '公共资源', [], { region: '黄南藏族自治州', aliases: ['KANBULA'] }),
  mark('A8', '安途', '涉外商标', [12]),
  mark('A9', '雪山峰', '老字号', [33]),
];
const index = buildRegistryIndex(registry);

let n = 0;
const filing = (markText: string, niceClass: number, applicant = '某某贸易有限公司', goods: string[] = []): Filing => ({
  applicationNumber: String(++n), markText, niceClass, goods, applicant, applicantAddress: '', agency: '', filedOn: '', gazetteIssue: '', publishedOn: '',
});
const top = (f: Filing) => screenFiling(index, f)[0];

describe('screenFiling catches', () => {
  it.each([
    ['金凤凰', 30, 'A1', 'identical'],
    ['金凤凰糕点', 30, 'A1', 'contains'],
    ['金凤黄', 30, 'A1', 'homophone'],
    ['全凤凰', 30, 'A1', 'shape'],
    ['金鳳凰', 30, 'A1', 'traditional'],
    ['玖个桃园', 32, 'A3', 'numeral'],
    ['9个桃园', 32, 'A3', 'numeral'],
    ['T0Y0TA', 12, 'A4', 'latin'],
    ['丰田', 12, 'A4', 'alias'],
    ['途安', 12, 'A8', 'reorder'],
    ['弓长飞', 29, 'A2', 'components'],
    ['KANBULA', 25, 'A7', 'alias'],
    ['JIN FENG HUANG', 25, 'A1', 'pinyin'],
    ['坎布拉', 41, 'A7', 'identical'],
    ['雪山锋', 33, 'A9', 'homophone'],
  ])('%s (class %i) → %s by %s', (text, cls, id, reason) => {
    const hit = top(filing(text, cls));
    expect(hit?.markId).toBe(id);
    expect(hit?.reasons).toContain(reason);
  });
  it('notes when a GI is filed from outside its region', () => {
    const outside = { ...filing('湟源陈醋', 30), applicantAddress: '山西省太原市' };
    const inside = { ...filing('湟源陈醋', 30), applicantAddress: '青海省西宁市湟源县' };
    expect(top(outside)?.reasons).toContain('region');
    expect(top(inside)?.reasons).not.toContain('region');
  });
  it('reaches every class for a well-known mark, marked crossclass', () => {
    expect(top(filing('金凤凰', 3))?.reasons).toContain('crossclass');
  });
  it('reaches the retail of its goods (class 35) for a class-limited mark, marked relatedclass', () => {
    expect(top(filing('张飞', 35))?.reasons).toContain('relatedclass');
  });
  it('a name written as the office writes a mark with a figure (及图, （图形）) by its words alone, highlighted in the name as written', () => {
    const plain = top(filing('金凤凰', 30))!;
    for (const written of ['金凤凰及图', '金凤凰 及图形', '金凤凰（图形）']) {
      const hit = top(filing(written, 30))!;
      expect({ markId: hit.markId, score: hit.score, reasons: hit.reasons, alignment: hit.alignment }).toEqual({ markId: plain.markId, score: plain.score, reasons: plain.reasons, alignment: plain.alignment });
      expect(hit.text).toBe(written);
    }
    // a registry mark written so is its words too, and shown as it is written
    const written = screenFiling(buildRegistryIndex([mark('B1', '雪莲花及图', '省著名商标', [30])]), filing('雪莲花', 30))[0];
    expect(written).toMatchObject({ markId: 'B1', markText: '雪莲花及图', reasons: ['identical'] });
  });
  it('a mark written in traditional script as the mark itself, in a far class too (compared as the simplified characters)', () => {
    for (const cls of [30, 3]) {
      const simplified = top(filing('金凤凰', cls))!;
      const traditional = top(filing('金鳳凰', cls))!;
      expect(traditional.reasons).toContain('traditional');
      expect(traditional.score).toBe(simplified.score);
    }
  });
  it('a mark written with its own pinyin as the mark with nothing added; a foreign word beside it is something added', () => {
    const plain = top(filing('金凤凰', 3))!;
    const pinyin = top(filing('金凤凰JINFENGHUANG', 3))!;
    const foreign = top(filing('金凤凰PHOENIX', 3))!;
    expect(pinyin).toMatchObject({ markId: 'A1' });
    expect(pinyin.score).toBeGreaterThanOrEqual(plain.score);
    expect(foreign.score).toBeLessThan(pinyin.score);
  });
  it('a name filed in a far class that goes on with the mark\'s own goods (…药酒 in the liquor class) sells those goods under it', () => {
    const pharmacy = buildRegistryIndex([mark('B17', '雁归堂', '老字号', [5])]);
    expect(screenFiling(pharmacy, filing('雁归堂药酒', 33))[0]?.markId).toBe('B17');
    expect(screenFiling(pharmacy, filing('雁归堂家具', 20))).toEqual([]);
  });
  it('a place put before a mark (香港金凤凰) as the weak modifier a goods word is (金凤凰食品)', () => {
    const withGoods = top(filing('金凤凰食品', 3))!;
    const withPlace = top(filing('香港金凤凰', 3))!;
    expect(withPlace.markId).toBe('A1');
    expect(withPlace.score).toBe(withGoods.score);
  });
  it('a shop named by a coined or a person\'s name before its dish (郝连顺麻辣烫) is known by the name alone', () => {
    const shop = buildRegistryIndex([mark('B39', '郝连顺麻辣烫', '省著名商标', [43])]);
    expect(screenFiling(shop, filing('郝连顺', 43))[0]?.markId).toBe('B39');
    // the dish alone is anyone's
    expect(screenFiling(shop, filing('麻辣烫', 43))).toEqual([]);
  });
  it('a longer word that wholly contains a well-known mark', () => {
    expect(top(filing('TOYOTAKA', 12))).toMatchObject({ markId: 'A4', reasons: expect.arrayContaining(['contains']) });
  });
  it('a well-known mark named in letters, spelled as it sounds or with a letter changed, as a foreign-related one is', () => {
    const lettered = (category: ProtectedMark['category']) => buildRegistryIndex([mark('B40', 'KAMEX', category, [14]), mark('B41', 'VELANO', category, [3])]);
    for (const category of ['驰名商标', '涉外商标'] as const) {
      expect(screenFiling(lettered(category), filing('KAMEKS', 14))[0]?.markId).toBe('B40');
      expect(screenListing(lettered(category), { id: 'L0', platform: '', shop: '', title: 'VELANA 香水 女士 持久 50ml', url: '', price: '', sellerLocation: '浙江省义乌市' })[0]?.markId).toBe('B41');
    }
  });
  it('a character of the standard set is read by its own sound, not as another it stands for in Japanese (芸 is yún, not 艺)', () => {
    const cloud = buildRegistryIndex([mark('B43', '冠云', '驰名商标', [29])]);
    expect(screenFiling(cloud, filing('冠芸', 29))[0]).toMatchObject({ markId: 'B43', reasons: ['homophone'] });
  });
  it('a name in letters written with b for d twice (abibas for adidas) is found and shown as a look-alike', () => {
    const shoes = buildRegistryIndex([mark('B42', 'DEDONA', '驰名商标', [25])]);
    expect(screenFiling(shoes, filing('bebona', 25))[0]).toMatchObject({ markId: 'B42', reasons: ['latin'] });
  });
});

describe('screenFiling does not flag', () => {
  it.each([
    ['凤凰', 30], // two of three characters, first missing
    ['金龙', 30], // one shared character
    ['桃园', 32], // only part of the mark
    ['TOYO', 12], // a part of the mark
    ['张飞', 9], // a class-limited mark in a far class
    ['龙泉', 9], // class-limited mark in an unrelated class
    ['天山', 30], // unrelated
    ['图形', 30], // a device mark: no words to compare
  ])('%s (class %i)', (text, cls) => {
    expect(screenFiling(index, filing(text, cls))).toEqual([]);
  });
  it('another place\'s tea of the same kind: the kind of goods (沱茶) is no name half of an old house\'s name', () => {
    const tea = buildRegistryIndex([mark('B38', '石门沱茶', '老字号', [30])]);
    expect(screenFiling(tea, filing('重庆沱茶', 30))).toEqual([]);
    expect(screenFiling(tea, filing('石门沱茶', 30))[0]?.markId).toBe('B38');
  });
  it('another county\'s fruit of the same kind names that county (石阡猕猴桃 beside 石门猕猴桃); a place written like the indication\'s is still a hit', () => {
    const fruit = buildRegistryIndex([mark('B40', '石门猕猴桃', '地理标志', [31], { region: '湖南省常德市石门县' })]);
    expect(screenFiling(fruit, filing('石阡猕猴桃', 31))).toEqual([]);
    expect(screenFiling(fruit, filing('石们猕猴桃', 31))[0]?.markId).toBe('B40');
    // a real county whose first character sounds like the indication's and whose second is another
    const alike = buildRegistryIndex([mark('B42', '施门猕猴桃', '地理标志', [31], { region: '湖南省常德市石门县' })]);
    expect(screenFiling(alike, filing('石阡猕猴桃', 31))).toEqual([]);
  });
  it('a GI\'s place with other goods named after it (石门大樱桃 beside 石门苹果) names that place\'s other goods; goods that share a character are still the indication\'s', () => {
    const apples = buildRegistryIndex([mark('B57', '石门苹果', '地理标志', [31], { region: '湖南省常德市石门县', holder: '石门县果业协会' })]);
    expect(screenFiling(apples, filing('石门大樱桃', 31))).toEqual([]);
    expect(screenFiling(apples, filing('石门黄桃', 31))).toEqual([]);
    expect(screenFiling(apples, filing('石门苹果', 31))[0]?.markId).toBe('B57');
    expect(screenFiling(apples, filing('石门红苹果', 31))[0]?.markId).toBe('B57');
    expect(screenListing(apples, { id: 'L1', platform: '', shop: '', title: '石门大樱桃 现摘 5斤', url: '', price: '', sellerLocation: '山东省烟台市' })).toEqual([]);
    expect(screenListing(apples, { id: 'L2', platform: '', shop: '', title: '石门苹果 现摘 5斤', url: '', price: '', sellerLocation: '山东省烟台市' })[0]?.markId).toBe('B57');
  });
  it('a doubled character written twice as the same look-alike (乘乘 for 乖乖) keeps the name\'s look', () => {
    const snacks = buildRegistryIndex([mark('B62', '乖乖', '涉外商标', [30])]);
    expect(screenFiling(snacks, filing('乘乘', 30))[0]?.markId).toBe('B62');
    expect(screenFiling(snacks, filing('乘风', 30))).toEqual([]);
  });
  it('a name that doubles its first character (鹿鹿居) dropped to one keeps its head: 鹿居 is a hit', () => {
    const house = buildRegistryIndex([mark('B47', '鹿鹿居', '老字号', [30])]);
    expect(screenFiling(house, filing('鹿居', 30))[0]?.markId).toBe('B47');
  });
  it('a mark\'s characters turned round into a county\'s name (平阳 beside 阳平) name that county', () => {
    const post = buildRegistryIndex([mark('B48', '阳平', '驰名商标', [30])]);
    expect(screenFiling(post, filing('平阳', 30))).toEqual([]);
    expect(screenFiling(post, filing('阳平', 30))[0]?.markId).toBe('B48');
  });
  it("the right holder's own filing, whatever the brackets and spaces", () => {
    expect(screenFiling(index, filing('龙泉', 33, '青海龙泉(集团)酒业 有限公司'))).toEqual([]);
    expect(screenFiling(index, filing('龙泉', 33, '另一家酒业有限公司'))).not.toEqual([]);
  });
  it('a firm sharing the holder\'s place and part of its mark\'s name, the rest altered (兰州马子碌… of 兰州马子禄…), is no member of its group', () => {
    const noodles = buildRegistryIndex([mark('B19', '马岭禄', '老字号', [43], { holder: '兰州马岭禄牛肉面有限公司' })]);
    expect(screenFiling(noodles, filing('马岭碌', 43, '兰州马岭碌餐饮有限公司'))[0]?.markId).toBe('B19');
    expect(screenFiling(noodles, filing('马岭禄', 43, '兰州马岭禄餐饮有限公司'))).toEqual([]);
  });
  it('a firm whose name writes a variant form of the holder\'s characters (重庆徳岭… beside 重庆德岭…) copies the holder, it is not its group', () => {
    const hotpot = buildRegistryIndex([mark('B21', '德岭', '驰名商标', [30], { holder: '重庆德岭实业(集团)有限公司' })]);
    expect(screenFiling(hotpot, filing('徳岭', 30, '重庆徳岭调味品有限公司'))[0]?.markId).toBe('B21');
    expect(screenFiling(hotpot, filing('德岭', 30, '重庆德岭调味品有限公司'))).toEqual([]);
  });
  it('a firm whose name writes a capital numeral for the holder\'s numeral (北京佰度… beside 北京百度…) is another firm', () => {
    const search = buildRegistryIndex([mark('B56', '百度', '驰名商标', [35], { holder: '北京百度网讯科技有限公司' })]);
    expect(screenFiling(search, filing('佰度', 35, '北京佰度广告有限公司'))[0]?.markId).toBe('B56');
    expect(screenFiling(search, filing('百度', 35, '北京百度网讯科技有限公司'))).toEqual([]);
  });
  it('a firm sharing only the holder\'s place and the mark (贵州茅台镇… beside 中国贵州茅台酒厂…) is no member of its group; the group\'s company without 中国 is', () => {
    const liquor = buildRegistryIndex([mark('B72', '茅台', '驰名商标', [33], { holder: '中国贵州茅台酒厂(集团)有限责任公司' })]);
    expect(screenFiling(liquor, filing('茅台', 33, '贵州茅台镇金酱酒业有限公司'))[0]?.markId).toBe('B72');
    expect(screenFiling(liquor, filing('茅台', 33, '贵州茅台酒股份有限公司'))).toEqual([]);
    const listed = buildRegistryIndex([mark('B74', '茅台', '驰名商标', [33], { holder: '贵州茅台酒股份有限公司' })]);
    expect(screenFiling(listed, filing('茅台', 33, '中国贵州茅台酒厂(集团)有限责任公司'))).toEqual([]);
    expect(screenFiling(listed, filing('茅台', 33, '贵州茅台镇金酱酒业有限公司'))[0]?.markId).toBe('B74');
    // without a place after 中国 the rest is a line of business, which any firm may trade in
    const telecom = buildRegistryIndex([mark('B75', '中国移动', '驰名商标', [38], { holder: '中国移动通信集团有限公司' })]);
    expect(screenFiling(telecom, filing('中国移动', 38, '移动通信设备有限公司'))[0]?.markId).toBe('B75');
    const school = buildRegistryIndex([mark('B73', '中国科大', '公共资源', [], { holder: '中国科学技术大学' })]);
    expect(screenFiling(school, filing('中国科大', 41, '中国科大教育集团有限公司'))[0]?.markId).toBe('B73');
  });
  it('a group company writes its line of business after the trade name (三一重工… of 三一集团…, 宏图文化传媒… of 宏图集团…)', () => {
    const machines = buildRegistryIndex([mark('B76', '三一', '驰名商标', [7], { holder: '三一集团有限公司' })]);
    expect(screenFiling(machines, filing('三一', 7, '三一重工股份有限公司'))).toEqual([]);
    const media = buildRegistryIndex([mark('B77', '宏图', '驰名商标', [41], { holder: '宏图集团有限公司' })]);
    expect(screenFiling(media, filing('宏图', 41, '宏图文化传媒有限公司'))).toEqual([]);
    expect(screenFiling(media, filing('宏图', 41, '上海宏途文化传媒有限公司'))[0]?.markId).toBe('B77');
  });
  it('a person recorded as the holder files as the owner; a firm named after them (易联体育用品(中国)…) is a squatter', () => {
    const athlete = buildRegistryIndex([mark('B71', '易联杰', '公共资源', [], { holder: '易联杰(本人)' })]);
    expect(screenFiling(athlete, filing('易联杰', 25, '易联杰'))).toEqual([]);
    expect(screenFiling(athlete, filing('易联杰', 25, '易联杰体育用品(中国)有限公司'))[0]?.markId).toBe('B71');
    expect(screenFiling(athlete, filing('易联杰', 28, '易联杰体育有限公司'))[0]?.markId).toBe('B71');
  });
  it('the right holder recorded under its name in two scripts (雁栖公司(YANQI INC.)) files under either', () => {
    const foreign = buildRegistryIndex([mark('B18', 'YANQI', '涉外商标', [9], { holder: '雁栖公司(YANQI INC.)' })]);
    expect(screenFiling(foreign, filing('YANQI', 9, '雁栖公司'))).toEqual([]);
    expect(screenFiling(foreign, filing('YANQI', 9, 'YANQI INC.'))).toEqual([]);
    expect(screenFiling(foreign, filing('YANQI', 9, '深圳市另一家电子有限公司'))[0]?.markId).toBe('B18');
  });
  it('a foreign-related mark filed outside its classes by a firm trading under that name is its own trade name; a mark noted as well known reaches there', () => {
    const foreign = buildRegistryIndex([
      mark('B50', '乐天', '涉外商标', [30, 43], { aliases: ['LOTTE'] }),
      mark('B51', 'SIEMENS', '涉外商标', [7, 9, 11], { aliases: ['西门子'], notes: '第9类经广州中院认定驰名；行业协会推荐驰名' }),
      mark('B52', '七喜', '涉外商标', [32], { notes: '未认定驰名；2018年行业协会推荐驰名' }),
    ]);
    expect(screenFiling(foreign, filing('乐天', 37, '佛山市乐天建筑工程有限公司'))).toEqual([]);
    expect(screenFiling(foreign, filing('LOTTE', 37, '佛山市乐天建筑工程有限公司'))).toEqual([]);
    expect(screenFiling(foreign, filing('七喜', 9, '七喜控股股份有限公司'))).toEqual([]);
    // a firm registered under its province or county, with the unit or without it
    expect(screenFiling(foreign, filing('乐天', 19, '吉林乐天建材有限公司'))).toEqual([]);
    expect(screenFiling(foreign, filing('乐天', 16, '泾县乐天宣纸有限公司'))).toEqual([]);
    // in a class only related to the mark's, a firm trading there under the name uses its own name too
    expect(screenFiling(foreign, filing('乐天', 32, '佛山市乐天饮料有限公司'))).toEqual([]);
    expect(screenFiling(foreign, filing('乐天', 32, '张三'))[0]?.markId).toBe('B50');
    // the same name filed there by anyone else, or altered, or in the mark's own classes, is still weighed
    expect(screenFiling(foreign, filing('乐天', 37, '张三'))[0]?.markId).toBe('B50');
    expect(screenFiling(foreign, filing('乐天', 30, '佛山市乐天食品有限公司'))[0]?.markId).toBe('B50');
    // a firm named after a mark recognised as well known files it anywhere at its peril
    expect(screenFiling(foreign, filing('西门子投资', 36, '惠州市西门子投资有限公司'))[0]?.markId).toBe('B51');
  });
  it('a maker\'s class 35 brings no other goods class near for a mark protected in its own classes; a retailer\'s name and a well-known mark\'s still reach there', () => {
    const stores = buildRegistryIndex([
      mark('B65', '秋栩', '老字号', [30, 35]),
      mark('B66', '冬栩', '老字号', [35]),
      mark('B67', '夏栩', '驰名商标', [30, 35]),
    ]);
    expect(screenFiling(stores, filing('秋栩', 12, '张三'))).toEqual([]);
    expect(screenFiling(stores, filing('秋栩', 30, '张三'))[0]?.markId).toBe('B65');
    expect(screenFiling(stores, filing('冬栩', 12, '张三'))[0]?.markId).toBe('B66');
    expect(screenFiling(stores, filing('夏栩', 12, '张三'))[0]?.markId).toBe('B67');
  });
  it('a mark that only names the filing’s goods', () => {
    expect(screenFiling(index, filing('安途', 12, '某公司', ['安途']))).toEqual([]);
    // a brand named like goods, in a filing whose goods spell those goods out (香蕉 of 香蕉(水果))
    const fruit = buildRegistryIndex([mark('B38', '香蕉', '驰名商标', [9])]);
    expect(screenFiling(fruit, filing('海南香蕉', 31, '某农业合作社', ['香蕉(水果)', '新鲜水果']))).toEqual([]);
    expect(screenFiling(fruit, filing('海南香蕉', 9, '某科技公司', ['手机', '耳机']))[0]?.markId).toBe('B38');
  });
});

describe('screenListing', () => {
  const listing = (title: string, sellerLocation = '浙江省义乌市'): Listing => ({ id: `L${++n}`, platform: '', shop: '', title, url: '', price: '', sellerLocation });
  it('finds the mark or its imitation inside a long title', () => {
    expect(screenListing(index, listing('【包邮】正宗金風凰月饼 礼盒装'))[0]?.markId).toBe('A1');
    expect(screenListing(index, listing('新款 T0Y0TA 脚垫 整箱批发'))[0]?.markId).toBe('A4');
  });
  it('finds a brand in letters, as written or a letter away, in a long title among its own goods', () => {
    const phones = buildRegistryIndex([mark('B44', 'KAVO', '驰名商标', [9], { aliases: ['卡沃'] }), mark('B45', '海韵', '驰名商标', [9], { aliases: ['HAIYUNE'] })]);
    expect(screenListing(phones, listing('KAVO 原装 闪充数据线 65W Type-C 工厂批发 一件代发'))[0]?.markId).toBe('B44');
    expect(screenListing(phones, listing('KAV0 X100 Pro 全新 5G智能手机 12+512G 曲面屏 正品 现货'))[0]?.markId).toBe('B44');
    expect(screenListing(phones, listing('HAIYUNF 智能手机 5G 全网通 大屏 学生 老人机 正品'))[0]?.markId).toBe('B45');
  });
  it('reads a title written in traditional script as the same title, its goods words too', () => {
    const simplified = screenListing(index, listing('金凤凰 月饼礼盒 中秋送礼'))[0]!;
    const traditional = screenListing(index, listing('金鳳凰 月餅禮盒 中秋送禮'))[0]!;
    expect(traditional).toMatchObject({ markId: 'A1', text: '金鳳凰', score: simplified.score });
  });
  it('reads a brand split by 丨 or 丶 to slip past a filter as the brand', () => {
    const plain = screenListing(index, listing('金凤凰 月饼礼盒'))[0]!;
    expect(screenListing(index, listing('金丨凤丨凰 月饼礼盒'))[0]).toMatchObject({ markId: 'A1', text: '金丨凤丨凰', score: plain.score });
    expect(screenListing(index, listing('金凤丶凰 月饼礼盒'))[0]).toMatchObject({ markId: 'A1', score: plain.score });
  });
  it('reads a character spelled in pinyin against the others (金feng凰, jin凤凰) as a homophone of it', () => {
    for (const [title, text] of [['金feng凰 月饼礼盒', '金feng凰'], ['正品 JIN凤凰月饼', 'JIN凤凰']] as const) {
      const hit = screenListing(index, listing(title))[0];
      expect(hit).toMatchObject({ markId: 'A1', text, reasons: expect.arrayContaining(['pinyin', 'homophone']) });
    }
    // a syllable standing apart is a word of its own, and the letters of a Latin mark stay that mark
    expect(screenListing(index, listing('金 feng 凰 月饼礼盒'))[0]?.reasons).not.toContain('pinyin');
    expect(screenListing(index, listing('TOYOTA丰田 脚垫'))[0]?.markId).toBe('A4');
  });
  it('reads a long name written in pinyin syllable by syllable (XUE YU GAO YUAN QING KE) as that name', () => {
    const highland = buildRegistryIndex([mark('B3', '雪域高原青稞', '省著名商标', [33])]);
    expect(screenListing(highland, listing('xue yu gao yuan qing ke 青稞酒 礼盒装'))[0]).toMatchObject({ markId: 'B3', text: 'xue yu gao yuan qing ke' });
    expect(screenFiling(highland, filing('XUE YU GAO YUAN QING KE', 33))[0]?.markId).toBe('B3');
  });
  it('reads a shortened brand in its own word of a title, not reaching across the space into the next word', () => {
    // aligned across the space, 阿迪王 运动鞋 pairs 运 with 达 by shape and the match sits inside 运动鞋
    const sports = buildRegistryIndex([mark('B4', '阿迪达斯', '涉外商标', [25])]);
    expect(screenListing(sports, listing('阿迪王 运动鞋 透气'))[0]).toMatchObject({ markId: 'B4', text: '阿迪王' });
    expect(screenListing(sports, listing('安踏 运动鞋 透气'))).toEqual([]);
  });
  it('never reads a word of the title beside the brand as the mark\'s (春光 牛肉干 is 春光 without 里, not 春光·牛)', () => {
    const lane = buildRegistryIndex([mark('B9', '春光里', '驰名商标', [29])]);
    expect(screenListing(lane, listing('春光 牛肉干 真空包装'))[0]).toMatchObject({ markId: 'B9', text: '春光' });
    // nor takes an everyday word of the title (野生) for the mark's look-alikes (牦牛), while a coined look-alike stays
    const yak = buildRegistryIndex([mark('B13', '春光牦牛', '驰名商标', [29])]);
    expect(screenListing(yak, listing('腊肉 春光 野生 特产')).map((h) => h.text)).not.toContain('春光 野生');
    expect(screenListing(yak, listing('春光 耗牛 肉干'))[0]).toMatchObject({ markId: 'B13', text: '春光 耗牛' });
  });
  it('a text that keeps only the place a mark begins with names that place (西宁 of 西宁湖, 西宁红 beside 西宁枸杞), not the mark', () => {
    const lake = buildRegistryIndex([mark('B10', '西宁湖', '公共资源', [], { region: '青海省西宁市' })]);
    expect(screenListing(lake, listing('西宁 牦牛肉干 特产'))).toEqual([]);
    expect(screenListing(lake, listing('西宁湖牌 牦牛肉干'))[0]?.markId).toBe('B10');
    expect(screenFiling(lake, filing('西宁湖', 29))[0]?.markId).toBe('B10');
    // the place kept and the goods word changed for another: 西宁红 names a product of the place, not the GI
    const berries = buildRegistryIndex([mark('B11', '西宁枸杞', '地理标志', [31], { region: '青海省西宁市' })]);
    expect(screenFiling(berries, filing('西宁红', 31))).toEqual([]);
    expect(screenFiling(berries, filing('西宁狗杞', 31))[0]?.markId).toBe('B11');
  });
  it('shows the words of a title that spell a character in two (弓长飞) as they are written', () => {
    expect(screenListing(index, listing('正宗弓长飞牛肉干 500g'))[0]).toMatchObject({ markId: 'A2', text: '弓长飞' });
  });
  it('reads a brand written out letter by letter to slip past a filter as the word', () => {
    expect(screenListing(index, listing('新款 T O Y O T A 汽车脚垫'))[0]).toMatchObject({ markId: 'A4', text: 'T O Y O T A' });
    expect(screenListing(index, listing('T-O-Y-O-T-A 原厂脚垫'))[0]?.markId).toBe('A4');
  });
  it('a GI sold from outside its region says so; from inside it is still shown (fakes come from there too), lower', () => {
    const outside = screenListing(index, listing('正宗湟源陈醋 5斤装', '山西省太原市'))[0];
    const inside = screenListing(index, listing('正宗湟源陈醋 5斤装', '青海省西宁市湟源县'))[0];
    expect(outside?.reasons).toContain('region');
    expect(inside?.reasons).not.toContain('region');
    expect(inside!.score).toBeLessThan(outside!.score);
  });
  it('a GI\'s place alone on its goods from outside its region (雁鸣湖 of 雁鸣湖清水大闸蟹), not from inside it nor on other goods', () => {
    const gi = buildRegistryIndex([mark('G1', '雁鸣湖清水大闸蟹', '地理标志', [31], { region: '江苏省苏州市', holder: '苏州市雁鸣湖大闸蟹协会' })]);
    const from = (markText: string, niceClass: number, applicantAddress: string) =>
      screenFiling(gi, { ...filing(markText, niceClass, '某某水产有限公司'), applicantAddress })[0];
    // 泰州 is in the same province, not in 苏州
    expect(from('雁鸣湖', 31, '江苏省泰州市兴化市')).toMatchObject({ markId: 'G1', reasons: expect.arrayContaining(['generic', 'region']) });
    // from inside the region the place is the applicant's own (the GI's full name from there is still shown, above)
    expect(from('雁鸣湖', 31, '江苏省苏州市吴中区')).toBeUndefined();
    expect(from('雁鸣湖', 9, '江苏省泰州市兴化市')).toBeUndefined();
    // only as written in Han: the place's pinyin is any place's spelling (the guideline: pinyin is no Chinese mark)
    expect(from('YANMINGHUHONG', 31, '江苏省泰州市兴化市')).toBeUndefined();
    expect(screenListing(gi, listing('雁鸣湖 活鱼 鲜活 5斤', '河北省石家庄市'))[0]?.markId).toBe('G1');
    expect(screenListing(gi, listing('雁鸣湖 一日游 纯玩', '河北省石家庄市'))).toEqual([]);
    // a seller of the region that says the holder lets it use the name sells the indication's own goods; without
    // that it is still shown, since fakes are sold from the region too
    expect(screenListing(gi, listing('雁鸣湖清水大闸蟹 协会授权 防伪蟹扣 鲜活', '江苏省苏州市相城区'))).toEqual([]);
    expect(screenListing(gi, listing('雁鸣湖清水大闸蟹 鲜活 礼盒', '江苏省苏州市相城区'))[0]?.markId).toBe('G1');
    expect(screenListing(gi, listing('雁鸣湖清水大闸蟹 协会授权 鲜活', '北京市海淀区'))[0]?.markId).toBe('G1');
    // a brand's official shop from the region sells under the holder's licence; from elsewhere, or a shop that is
    // no brand's own, it is still shown
    const shop = (name: string, location: string) => screenListing(gi, { id: 'S', platform: '天猫', shop: name, title: '湖鲜坊 雁鸣湖清水大闸蟹 鲜活 礼盒', url: '', price: '', sellerLocation: location });
    expect(shop('湖鲜坊官方旗舰店', '江苏省苏州市相城区')).toEqual([]);
    expect(shop('湖鲜坊官方旗舰店', '北京市海淀区')[0]?.markId).toBe('G1');
    expect(shop('湖鲜坊水产专营店', '江苏省苏州市相城区')[0]?.markId).toBe('G1');
    // a seller that gives only the city around the region may be in it, and is taken at its word; a province is too wide
    const county = buildRegistryIndex([mark('G2', '石岭白茶', '地理标志', [30], { region: '浙江省湖州市石岭县', holder: '石岭县茶叶协会' })]);
    expect(screenListing(county, listing('石岭白茶 明前 协会授权 100g', '浙江省湖州市'))).toEqual([]);
    expect(screenListing(county, listing('石岭白茶 明前 特级 100g', '浙江省湖州市'))[0]?.markId).toBe('G2');
    expect(screenListing(county, listing('石岭白茶 明前 协会授权 100g', '浙江省'))[0]?.markId).toBe('G2');
    expect(screenListing(county, listing('石岭白茶 明前 协会授权 100g', '浙江省杭州市'))[0]?.markId).toBe('G2');
    // the place of an indication is the known place before its goods (临安 + 山核桃), not a longer head that only ends
    // like a place (临安山, as 山 ends names of mountains), so words put between them still read as the indication
    const nuts = buildRegistryIndex([mark('G3', '临安山核桃', '地理标志', [29], { region: '浙江省杭州市临安区' })]);
    expect(screenListing(nuts, listing('临安手剥山核桃 椒盐味 罐装 批发 2024新款', '河南省郑州市'))[0]?.markId).toBe('G3');
    // a book about the indication sells no goods of that name; the goods themselves from elsewhere do
    expect(screenListing(gi, listing('雁鸣湖清水大闸蟹 养殖技术 图书 平装', '北京市海淀区'))).toEqual([]);
    expect(screenListing(gi, listing('雁鸣湖清水大闸蟹 鲜活 礼盒', '北京市海淀区'))[0]?.markId).toBe('G1');
  });
  it('a public resource used as a place is not a hit; written as a brand it is', () => {
    expect(screenListing(index, listing('坎布拉风景 旅游攻略 电子版'))).toEqual([]);
    // however plain the words beside it: a trip to the place names the place too
    expect(screenListing(index, listing('坎布拉 一日游 包车'))).toEqual([]);
    expect(screenListing(index, listing('坎布拉牌 牦牛肉干'))[0]?.markId).toBe('A7');
    // a name written as a place is one without a region too
    const temple = buildRegistryIndex([mark('B6', '玉峰寺', '公共资源', [])]);
    expect(screenListing(temple, listing('玉峰寺风景 旅游攻略 电子版'))).toEqual([]);
  });
  it('a mark named by its goods is not every title selling those goods; its alias with the place still is', () => {
    const berries = buildRegistryIndex([mark('B12', '黑枸杞', '地理标志', [31], { region: '青海省西宁市湟中区', aliases: ['湟中黑枸杞'] })]);
    expect(screenListing(berries, listing('黑枸杞 特级 大果 500g', '北京市'))).toEqual([]);
    expect(screenListing(berries, listing('湟中黑枸杞 特级 500g', '北京市'))[0]).toMatchObject({ markId: 'B12', text: '湟中黑枸杞' });
  });
  it('a mascot or a person without a place named in a title is the thing sold (手办, 同款); a given name alone is not', () => {
    const games = buildRegistryIndex([mark('B7', '雪团团', '公共资源', []), mark('B8', '苏翊航', '公共资源', [])]);
    expect(screenListing(games, listing('雪团团 同款 手办 摆件'))[0]?.markId).toBe('B7');
    expect(screenListing(games, listing('苏翊航同款 滑雪服 冬季'))[0]?.markId).toBe('B8');
    expect(screenListing(games, listing('牛奶 翊航 整箱批发'))).toEqual([]);
    // a mascot given the region of its games is still the thing sold (a name known only by its region names the place
    // only in a title selling a trip or a stay: 坎布拉 一日游 above)
    const hosted = buildRegistryIndex([mark('B14', '雪团圆', '公共资源', [], { region: '北京市' })]);
    expect(screenListing(hosted, listing('雪团圆 毛绒玩具 公仔'))[0]?.markId).toBe('B14');
  });
  it('a place\'s name on goods sold from elsewhere is borrowed, not the goods\' origin; a visit or a book names the place', () => {
    const lake = buildRegistryIndex([mark('B15', '石门湖', '公共资源', [39], { region: '青海省海东市互助土族自治县' })]);
    expect(screenListing(lake, listing('石门湖 矿泉水 天然 550ml', '广东省东莞市'))[0]?.markId).toBe('B15');
    expect(screenListing(lake, listing('石门湖 矿泉水 天然 550ml', '青海省海东市互助土族自治县'))).toEqual([]);
    expect(screenListing(lake, listing('石门湖 二日游 跟团 纯玩', '广东省东莞市'))).toEqual([]);
    expect(screenListing(lake, listing('石门湖 风光 纪录片 DVD', '广东省东莞市'))).toEqual([]);
    expect(screenListing(lake, listing('石门湖特产 牦牛肉干', '广东省东莞市'))).toEqual([]);
  });
  it('a temple, a palace or a great Buddha is a place one visits, not one goods come from: goods under its name are hits from its own region too', () => {
    const temple = buildRegistryIndex([mark('B16', '玉峰寺', '公共资源', [], { region: '青海省海东市互助土族自治县' })]);
    expect(screenListing(temple, listing('玉峰寺 藏香 手工 线香 30支', '青海省海东市互助土族自治县'))[0]?.markId).toBe('B16');
    expect(screenListing(temple, listing('玉峰寺 一日游 跟团 纯玩', '青海省海东市互助土族自治县'))).toEqual([]);
    expect(screenListing(temple, listing('玉峰寺 明信片 风光 攻略', '青海省海东市互助土族自治县'))).toEqual([]);
    const statue = buildRegistryIndex([mark('B20', '雁湖大佛', '公共资源', [], { region: '青海省海东市互助土族自治县' })]);
    expect(screenListing(statue, listing('雁湖大佛 纯粮白酒 52度', '青海省海东市互助土族自治县'))[0]?.markId).toBe('B20');
  });
  it('a person given a region in the registry is still a person: her 同款 is sold under her name, a book about her is not', () => {
    const diver = buildRegistryIndex([mark('B16', '柯玉婵', '公共资源', [], { region: '广东省湛江市' })]);
    expect(screenListing(diver, listing('柯玉婵同款 泳衣 连体', '广东省湛江市'))[0]?.markId).toBe('B16');
    expect(screenListing(diver, listing('柯玉婵 跳水 泳衣 连体', '浙江省金华市义乌市'))[0]?.markId).toBe('B16');
    expect(screenListing(diver, listing('柯玉婵 事迹读本 图书', '北京市西城区'))).toEqual([]);
  });
  it('a university, a hospital or an event of a place, and a person from it, are not the place: goods sold there under them are still hits', () => {
    const names = buildRegistryIndex([
      mark('B32', '青川大学', '公共资源', [], { region: '青海省西宁市' }),
      mark('B33', '湟水运动会', '公共资源', [], { region: '青海省西宁市' }),
      mark('B34', '柯玉婷', '公共资源', [], { region: '青海省西宁市' }),
      mark('B35', '石门湖', '公共资源', [], { region: '青海省西宁市' }),
    ]);
    expect(screenListing(names, listing('青川大学 牦牛肉干 零食 200g', '青海省西宁市城东区'))[0]?.markId).toBe('B32');
    expect(screenListing(names, listing('湟水运动会 吉祥物 毛绒公仔', '青海省西宁市城西区'))[0]?.markId).toBe('B33');
    expect(screenListing(names, listing('柯玉婷 杂交水稻 大米 10斤', '青海省西宁市城中区'))[0]?.markId).toBe('B34');
    expect(screenListing(names, listing('石门湖 牦牛肉干 零食 200g', '青海省西宁市城东区'))).toEqual([]);
  });
  it('a name before 联名 is written as a brand: the co-branded goods are sold under it, far from its classes too', () => {
    const museum = buildRegistryIndex([mark('B36', '明月', '驰名商标', [41])]);
    expect(screenListing(museum, listing('【明月联名】明月口红 国潮雕花唇膏 礼盒装'))[0]?.markId).toBe('B36');
  });
  it('characters on both sides of a space are no word: 滇岭白药 膏药贴 holds no 药膏 the name would run into', () => {
    const balm = buildRegistryIndex([mark('B37', '云岭白药', '驰名商标', [5])]);
    expect(screenListing(balm, listing('滇岭白药 膏药贴 颈肩腰腿 10贴/盒'))[0]?.markId).toBe('B37');
  });
  it('a flagship shop named after a public place is anyone\'s shop: its goods sold from elsewhere are still hits', () => {
    const village = buildRegistryIndex([mark('B39', '石家村', '公共资源', [], { region: '青海省西宁市', holder: '' })]);
    expect(screenListing(village, { ...listing('石家村 油泼辣子 辣椒油 280g', '河南省郑州市'), shop: '石家村特产旗舰店' })[0]?.markId).toBe('B39');
  });
  it('a book or a course about a mark protected in its own classes, far from them, tells of it: no hit; its own goods still are', () => {
    const tea = buildRegistryIndex([mark('B41', '小石罐', '省著名商标', [30])]);
    expect(screenListing(tea, listing('小石罐 营销模式拆解 品牌课 视频课程'))).toEqual([]);
    expect(screenListing(tea, listing('小石罐 品牌故事 图书 平装'))).toEqual([]);
    expect(screenListing(tea, listing('小石罐 红茶 礼盒 250g'))[0]?.markId).toBe('B41');
  });
  it('reads a Latin brand with a letter doubled (TOYYOTA) as a look-alike of it, in a long title too', () => {
    const title = 'TOYYOTA 汽车座套 四季通用 全包围 透气 舒适 耐磨 车载用品 男女通用 加厚冬季 保暖毛绒 坐垫 五座通用';
    expect(screenListing(index, listing(title))[0]?.markId).toBe('A4');
  });
  it('an accessory that fits a brand\'s product named with another goods word (适用金凤变速箱 beside its alias 金凤变速器) is no hit', () => {
    const gears = buildRegistryIndex([mark('B43', '金凤', '驰名商标', [12], { aliases: ['金凤变速器'] })]);
    expect(screenListing(gears, listing('适用金凤变速箱 同步器 副箱齿轮 12档 配件'))).toEqual([]);
    expect(screenListing(gears, listing('金凤变速箱 总成 原厂'))[0]?.markId).toBe('B43');
  });
  it('a film\'s name that merely ends like a place (…闹海) leaves its other names what they are: its figure sold under them is a hit', () => {
    const film = buildRegistryIndex([mark('B45', '石青之神龙闹海', '公共资源', [], { aliases: ['神龙石青'] })]);
    expect(screenListing(film, listing('神龙石青 手办 石青之神龙闹海 盲盒 摆件'))[0]?.markId).toBe('B45');
  });
  it('a chain\'s branch the brand runs itself, named so by the platform (…(官方直营…店)), sells its own goods; a franchise shop is still shown', () => {
    const tea = buildRegistryIndex([mark('B46', '鹿石巷', '省著名商标', [32, 43])]);
    const own = { ...listing('鹿石巷 黑糖鲜奶 大杯'), shop: '鹿石巷(官方直营来福士店)' };
    expect(screenListing(tea, own)).toEqual([]);
    expect(screenListing(tea, { ...own, shop: '鹿石巷(县城加盟店)' })[0]?.markId).toBe('B46');
  });
  it('the holder\'s own flagship shop is not a hit; a shop of another brand, a reseller or an imitating shop is', () => {
    const drinks = buildRegistryIndex([
      mark('B17', '九个核杏', '驰名商标', [32], { holder: '河北元和饮品集团股份有限公司' }),
      mark('B18', '核杏', '省著名商标', [32], { holder: '某某食品有限公司' }),
    ]);
    const sold = (shop: string, title = '九个核杏 核桃乳 240ml*20罐 整箱') => screenListing(drinks, { id: 'S', platform: '京东', shop, title, url: '', price: '', sellerLocation: '河北省衡水市' });
    expect(sold('九个核杏京东自营旗舰店')).toEqual([]);
    expect(sold('元和官方旗舰店')).toEqual([]);
    // an official web shop or mall, and a short-video platform's …官方 account, are the holder's too
    expect(sold('九个核杏官方网店')).toEqual([]);
    expect(sold('元和饮品官方')).toEqual([]);
    expect(sold('九个核杏官方商城')).toEqual([]);
    expect(sold('九个核杏官方直播间')).toEqual([]);
    expect(sold('核桃乳商城')[0]?.markId).toBe('B17');
    expect(sold('元和食品专营店')[0]?.markId).toBe('B17');
    expect(sold('鑫源食品旗舰店')[0]?.markId).toBe('B17');
    expect(sold('九个核否旗舰店', '九个核否 核桃乳 整箱')[0]?.markId).toBe('B17');
    // the holder's trade name may stand before the mark's name in the shop's; another word there is another brand
    expect(sold('元和九个核杏旗舰店')).toEqual([]);
    expect(sold('鑫九个核杏饮品旗舰店')[0]?.markId).toBe('B17');
    expect(sold('上海九个核杏旗舰店')[0]?.markId).toBe('B17');
    expect(sold('衡水市九个核杏旗舰店')[0]?.markId).toBe('B17');
  });
  it('a shop named as the holder\'s company, or a company of its group, sells its own goods; a shadow company does not', () => {
    const drinks = buildRegistryIndex([mark('B17', '九个核杏', '驰名商标', [32], { holder: '河北元和饮品集团股份有限公司' })]);
    const sold = (shop: string) => screenListing(drinks, { id: 'S', platform: '1688', shop, title: '九个核杏 核桃乳 240ml*20罐 整箱', url: '', price: '', sellerLocation: '河北省衡水市' });
    expect(sold('河北元和饮品集团股份有限公司')).toEqual([]);
    expect(sold('河北元和饮品有限公司')).toEqual([]);
    expect(sold('香港元和饮品集团有限公司')[0]?.markId).toBe('B17');
    expect(sold('衡水鑫源食品有限公司')[0]?.markId).toBe('B17');
    expect(sold('河北元和饮品')[0]?.markId).toBe('B17');
    // a shop called a works is any seller's name for itself
    expect(sold('河北元和饮品厂')[0]?.markId).toBe('B17');
  });
  it('a title that reads a mark as written is not read again as its longer alias with a character dropped', () => {
    const lake = buildRegistryIndex([mark('B19', '喀木斯', '公共资源', [], { region: '新疆维吾尔自治区阿勒泰地区布尔津县', aliases: ['喀木斯湖'] })]);
    expect(screenListing(lake, listing('喀木斯 禾木 5日 跟团游 乌鲁木齐出发', '新疆维吾尔自治区乌鲁木齐市'))).toEqual([]);
    expect(screenListing(lake, listing('喀木斯湖 冰川水 矿泉水 整箱', '广东省东莞市'))[0]?.markId).toBe('B19');
  });
  it('an appliance maker\'s mark in the installation and repair class is in a related class, not a far one', () => {
    const appliances = buildRegistryIndex([mark('B20', '格瑞', '驰名商标', [11, 7, 9])]);
    expect(screenFiling(appliances, filing('格瑞之家', 37))[0]?.markId).toBe('B20');
  });
  it('an accessory that says it fits the brand\'s products is not sold under the brand', () => {
    const phones = buildRegistryIndex([mark('B21', '小禾', '驰名商标', [9]), mark('B22', 'NOVAX', '涉外商标', [9])]);
    expect(screenListing(phones, listing('适用于 小禾14 手机壳 液态硅胶'))).toEqual([]);
    expect(screenListing(phones, listing('适用NOVAX 数据线 快充'))).toEqual([]);
    expect(screenListing(phones, listing('小禾14 手机壳 液态硅胶'))[0]?.markId).toBe('B21');
    // the brand's other name may stand between (适用于小禾NOVAX); a title that goes on to other goods does not fit them
    expect(screenListing(phones, listing('适用于小禾NOVAX15 手机壳 全包'))).toEqual([]);
    expect(screenListing(phones, listing('适用于 儿童 学生，NOVAX 耳机'))[0]?.markId).toBe('B22');
    // the brand's other name later in the same title names the same products
    const dolls = buildRegistryIndex([mark('B35', '拉菲布', '驰名商标', [28], { aliases: ['LAFEBU'] })]);
    expect(screenListing(dolls, listing('适用于lafebu 娃衣 17cm 拉菲布 衣服 手工'))).toEqual([]);
    expect(screenListing(dolls, listing('拉菲布 娃衣 17cm 手工'))[0]?.markId).toBe('B35');
  });
  it('a brand named like goods is the brand beside its own goods and the goods elsewhere (香蕉 耳机, 海南香蕉)', () => {
    const fruitNamed = buildRegistryIndex([
      mark('B24', '香蕉', '驰名商标', [9, 35]),
      mark('B25', 'PERLO', '涉外商标', [11], { aliases: ['葡萄'] }),
    ]);
    expect(screenListing(fruitNamed, listing('香蕉 蓝牙耳机 降噪'))[0]?.markId).toBe('B24');
    expect(screenListing(fruitNamed, listing('葡萄 空气炸锅 家用'))[0]?.markId).toBe('B25');
    expect(screenListing(fruitNamed, listing('海南香蕉 新鲜水果 5斤'))).toEqual([]);
    expect(screenListing(fruitNamed, listing('新疆葡萄 新鲜水果 现摘'))).toEqual([]);
    // a shop's trade (class 35) is no sign of the brand's own goods
    expect(screenListing(fruitNamed, listing('香蕉 批发 整箱'))).toEqual([]);
  });
  it('a title reselling owned goods sells the genuine article; resold copies and altered names are still hits', () => {
    const phones = buildRegistryIndex([mark('B26', '小禾', '驰名商标', [9]), mark('B27', 'NOVAX', '涉外商标', [9])]);
    expect(screenListing(phones, listing('二手 小禾14 手机 九成新 无拆修'))).toEqual([]);
    expect(screenListing(phones, listing('闲置 NOVAX 耳机 95新'))).toEqual([]);
    expect(screenListing(phones, listing('二手 小禾14 手机 高仿 九成新'))[0]?.markId).toBe('B26');
    expect(screenListing(phones, listing('小禾14 手机 全新 国行'))[0]?.markId).toBe('B26');
  });
  it('a common English word that holds a Latin mark among its own letters is that word (GOLDEN, not OLDEN)', () => {
    const shoes = buildRegistryIndex([mark('B28', 'OLDEN', '涉外商标', [25])]);
    expect(screenListing(shoes, listing('GOLDEN 运动鞋 男款'))).toEqual([]);
    expect(screenFiling(shoes, filing('GOLDEN', 25))).toEqual([]);
    expect(screenListing(shoes, listing('OLDENS 运动鞋 男款'))[0]?.markId).toBe('B28');
    expect(screenFiling(shoes, filing('OLDEN', 25))[0]?.markId).toBe('B28');
  });
  it('的 after a name is its possessive (柯真的世界), not a word the name runs into (真的)', () => {
    const star = buildRegistryIndex([mark('B30', '柯真', '公共资源', [], { region: '云南省丽江市玉龙县' })]);
    expect(screenListing(star, listing('柯真的世界 同款 藏式手串', '四川省成都市'))[0]?.markId).toBe('B30');
  });
  it('a name whose goods are sold as its 同款, right after it or after a verb (石青山推荐 同款), is a person\'s, not a place\'s', () => {
    const doctor = buildRegistryIndex([mark('B31', '石青山', '公共资源', [])]);
    expect(screenListing(doctor, listing('石青山推荐 同款 保温杯 大容量'))[0]?.markId).toBe('B31');
    expect(screenListing(doctor, listing('石青山 野生 山茶油 农家'))).toEqual([]);
  });
  it('an altered name of a mark protected in its own classes, on goods far from them, is chance (古池 煎茶 beside 古驰 bags)', () => {
    const bags = buildRegistryIndex([mark('B32', 'VALMO', '涉外商标', [18, 25], { aliases: ['瓦尔莫'] }), mark('B33', '瓦尔沫', '驰名商标', [18])]);
    const hits = (title: string) => screenListing(bags, listing(title)).map((h) => h.markId);
    expect(hits('瓦尔墨 日式煎茶 绿茶 罐装')).not.toContain('B32');
    expect(hits('瓦尔墨 手提包 真皮')).toContain('B32');
    // a well-known mark reaches every class
    expect(hits('瓦尔墨 日式煎茶 绿茶 罐装')).toContain('B33');
    // packaging carries the brand's own goods, whatever its class (a paper bag for its handbags)
    expect(hits('瓦尔墨 纸质手提袋 购物袋 定制')).toContain('B32');
  });
  it('the digits of a Latin name (VELAR 2031) are part of it: a year in a title is not the name', () => {
    const games = buildRegistryIndex([mark('B34', '维拉运动会', '公共资源', [], { aliases: ['VELAR 2031'] })]);
    expect(screenListing(games, listing('球衣 2031 冠军版 短袖'))).toEqual([]);
    expect(screenListing(games, listing('维拉运动会 2031 纪念 徽章'))[0]?.markId).toBe('B34');
    expect(screenFiling(games, filing('VELAR 2031', 25))[0]?.markId).toBe('B34');
  });
  it('a Latin mark that is an English word means the word on goods far from its classes (GARDEN 一日游)', () => {
    const bags = buildRegistryIndex([mark('B36', 'GARDEN', '涉外商标', [18, 25])]);
    expect(screenListing(bags, listing('garden 花海 一日游 纯玩'))).toEqual([]);
    expect(screenListing(bags, listing('GARDEN 手提包 真皮 女'))[0]?.markId).toBe('B36');
    const known = buildRegistryIndex([mark('B37', 'GARDEN', '驰名商标', [18, 25])]);
    expect(screenListing(known, listing('GARDEN 花海 一日游 纯玩'))[0]?.markId).toBe('B37');
  });
  it('老 before an old house\'s name is a weak modifier of it (老王铁匠 of 王铁匠), not a word the name runs into', () => {
    const smith = buildRegistryIndex([mark('B29', '王铁匠', '老字号', [8])]);
    expect(screenListing(smith, listing('老王铁匠 磨刀石 家用'))[0]?.markId).toBe('B29');
  });
  it('an official shop whose name writes the brand in letters is the holder\'s own', () => {
    const home = buildRegistryIndex([mark('B23', '宜居', '涉外商标', [20], { aliases: ['YIJU'], holder: '英特宜居系统有限公司' })]);
    const sold = (shop: string) => screenListing(home, { id: 'S', platform: '天猫', shop, title: '宜居 书柜 白色 简约', url: '', price: '', sellerLocation: '上海市' });
    expect(sold('YIJU宜居家居官方旗舰店')).toEqual([]);
    expect(sold('家居好物集合店')[0]?.markId).toBe('B23');
  });
  it('a character drawn like a mark\'s whose outline many others share (徽 of 微) is still its look-alike', () => {
    const app = buildRegistryIndex([mark('B38', '微讯', '驰名商标', [9, 38])]);
    expect(screenFiling(app, filing('徽讯', 9))[0]?.markId).toBe('B38');
  });
  it('a size in a title (42码) puts a brand written in letters among worn goods, where it is protected', () => {
    const shoes = buildRegistryIndex([mark('B39', 'VELO', '驰名商标', [25, 28])]);
    expect(screenListing(shoes, listing('VELO Air Glide 1 白色 42码'))[0]?.markId).toBe('B39');
  });
  it('a public place\'s name called in full (喀纳斯湖 of 喀纳斯) is that name, not another everyday word', () => {
    const lake = buildRegistryIndex([mark('B40', '喀纳斯', '公共资源', [], { holder: '', region: '新疆维吾尔自治区阿勒泰地区布尔津县' })]);
    expect(screenFiling(lake, filing('喀纳斯湖', 43, '乌鲁木齐某商贸有限公司'))[0]?.markId).toBe('B40');
  });
  it('a firm of a city bears its name as its place: it is no custodian of the name, a public body of the city is', () => {
    const city = buildRegistryIndex([mark('B41', '淄博', '公共资源', [], { holder: '', region: '山东省淄博市' })]);
    const filed = (applicant: string) => screenFiling(city, { ...filing('淄博烧烤', 43, applicant), applicantAddress: '山东省淄博市' });
    expect(filed('淄博力源环境卫生服务有限公司')[0]?.markId).toBe('B41');
    expect(filed('淄博市烧烤协会')).toEqual([]);
    // a firm named after the place and its goods files the name it trades under
    expect(screenFiling(city, { ...filing('淄博啤酒', 32, '淄博啤酒有限公司'), applicantAddress: '山东省淄博市' })).toEqual([]);
    // …after the city it is registered in (青岛崂山矿泉水 trades under 崂山矿泉水)
    const district = buildRegistryIndex([mark('B48', '石城', '公共资源', [], { holder: '', region: '山东省青岛市石城区' })]);
    const water = (text: string, applicant: string) => screenFiling(district, { ...filing(text, 32, applicant), applicantAddress: '山东省青岛市石城区' });
    expect(water('石城矿泉水', '青岛石城矿泉水有限公司')).toEqual([]);
    expect(water('石城', '青岛市石城区恒通贸易有限公司')[0]?.markId).toBe('B48');
    // the division's name alone is no firm's to file (art. 10.2), whatever the firm trades under
    expect(water('石城', '青岛石城矿泉水有限公司')[0]?.markId).toBe('B48');
    expect(screenFiling(city, { ...filing('淄博', 33, '淄博酒业有限公司'), applicantAddress: '山东省淄博市' })[0]?.markId).toBe('B41');
  });
  it('a university\'s or a museum\'s own units (its press, its hospitals, its shop of cultural goods) carry its whole name; a firm that merely begins with it does not', () => {
    const school = buildRegistryIndex([mark('B51', '雁湖大学', '公共资源', [], { holder: '雁湖大学', aliases: ['雁大'], region: '青海省西宁市' })]);
    const filed = (applicant: string) => screenFiling(school, filing('雁大', 16, applicant));
    expect(filed('雁湖大学出版社有限公司')).toEqual([]);
    expect(filed('雁湖大学第一医院')).toEqual([]);
    expect(filed('雁湖大学生创业服务有限公司')[0]?.markId).toBe('B51');
    expect(filed('雁湖大学文化传播有限公司')[0]?.markId).toBe('B51');
    const sold = (shop: string) => screenListing(school, { id: 'S', platform: '天猫', shop, title: '雁湖大学出版社 高等数学 教材', url: '', price: '', sellerLocation: '北京市' });
    expect(sold('雁湖大学出版社官方旗舰店')).toEqual([]);
    const museum = buildRegistryIndex([mark('B52', '雁湖博物院', '公共资源', [], { holder: '雁湖博物院', region: '青海省西宁市' })]);
    const shop = (name: string) => screenListing(museum, { id: 'M', platform: '天猫', shop: name, title: '雁湖博物院 千里江山 书签 文创礼物', url: '', price: '', sellerLocation: '北京市' });
    expect(shop('雁湖博物院文创旗舰店')).toEqual([]);
    expect(shop('雁湖礼品旗舰店')[0]?.markId).toBe('B52');
  });
  it('a public name whose record gives only its place as holder is the place\'s: its village body and firms trading under it file it', () => {
    const games = buildRegistryIndex([mark('B49', '村球赛', '公共资源', [], { holder: '台江县岭上村', region: '贵州省黔东南苗族侗族自治州台江县' })]);
    const filed = (applicant: string, address = '贵州省黔东南苗族侗族自治州台江县') => screenFiling(games, { ...filing('村球赛', 41, applicant), applicantAddress: address });
    expect(filed('台江县岭上村村民委员会')).toEqual([]);
    expect(filed('台江县村球赛文化体育发展有限公司')).toEqual([]);
    // another body, a firm of the county trading under another name, or the same firm from outside the region squats
    expect(filed('台江县恒通贸易有限公司')[0]?.markId).toBe('B49');
    expect(filed('台江县村球赛文化体育发展有限公司', '海南省海口市')[0]?.markId).toBe('B49');
    // a holder that is a body keeps the name to itself
    const held = buildRegistryIndex([mark('B50', '村球赛', '公共资源', [], { holder: '台江县村球赛管理有限公司', region: '贵州省黔东南苗族侗族自治州台江县' })]);
    expect(screenFiling(held, { ...filing('村球赛', 41, '台江县岭上村村民委员会'), applicantAddress: '贵州省黔东南苗族侗族自治州台江县' })[0]?.markId).toBe('B50');
  });
  it('an official shop whose brand carries a Chinese alias of a Latin mark (东风雪铁龙 of CITROEN) is the holder\'s', () => {
    const cars = buildRegistryIndex([mark('B42', 'VALEN', '涉外商标', [12], { aliases: ['瓦伦'], holder: 'VALEN AUTOMOBILES SA' })]);
    const sold = (shop: string) => screenListing(cars, { id: 'S', platform: '京东', shop, title: '瓦伦 C5 新车 订金', url: '', price: '', sellerLocation: '湖北省武汉市' });
    expect(sold('东风瓦伦京东自营官方旗舰店')).toEqual([]);
    expect(sold('武汉汽车用品店')[0]?.markId).toBe('B42');
  });
  it('a mark protected in its own classes, written as it is among goods far from them, is another trader\'s name; a well-known mark, a GI or packaging is still weighed', () => {
    const marks = buildRegistryIndex([
      mark('B51', '雷栩', '涉外商标', [9], { aliases: ['RAYXU'] }),
      mark('B52', '读书汇', '省著名商标', [9, 16]),
      mark('B53', '金禾岭', '驰名商标', [9]),
      mark('B54', '蓝栩', '涉外商标', [9], { notes: '2012年商标局认定驰名' }),
      mark('B55', '汪汪喵', '涉外商标', [9, 16, 28], { notes: '动画角色品牌' }),
    ]);
    // a character's name on any goods is its merchandise: the author's right in it reaches every class
    expect(screenListing(marks, listing('汪汪喵 棒棒糖 儿童 糖果 礼盒'))[0]?.markId).toBe('B55');
    expect(screenListing(marks, listing('雷栩 男装 夹克 春秋 工装 外套'))).toEqual([]);
    // a foreign-related mark whose record notes it was recognised as well known reaches every class
    expect(screenListing(marks, listing('蓝栩 男装 夹克 春秋 工装 外套'))[0]?.markId).toBe('B54');
    expect(screenListing(marks, listing('RAYXU 男装 夹克 春秋'))).toEqual([]);
    expect(screenListing(marks, listing('读书汇 招牌过桥米线 单人套餐'))).toEqual([]);
    // 批发 says how the goods are sold, not which
    expect(screenListing(marks, listing('雷栩 不锈钢 门把手 批发'))).toEqual([]);
    expect(screenListing(marks, listing('雷栩 太阳镜 偏光 墨镜 男'))[0]?.markId).toBe('B51');
    expect(screenListing(marks, listing('金禾岭 男装 夹克 春秋'))[0]?.markId).toBe('B53');
    // a goods word glued to another (酸奶 of 酸奶机) may describe the goods rather than name them
    expect(screenListing(marks, listing('读书汇 酸奶机 家用 全自动'))[0]?.markId).toBe('B52');
  });
  it('an official shop\'s own brand in its title, read as another mark with a character changed (养生堂 beside 资生堂), is that brand; a sound-alike there is still shown', () => {
    const marks = buildRegistryIndex([mark('B59', '资生堂', '涉外商标', [3, 5]), mark('B60', '王者荣耀', '驰名商标', [9, 28])]);
    const sold = (shop: string, title: string) => screenListing(marks, { id: 'S', platform: '天猫', shop, title, url: '', price: '', sellerLocation: '浙江省杭州市' });
    expect(sold('养生堂官方旗舰店', '养生堂 天然维生素E 软胶囊 护肤')).toEqual([]);
    expect(sold('王者农药电竞旗舰店', '王者农药 电竞手机壳 游戏手机壳')[0]?.markId).toBe('B60');
    expect(sold('美妆杂货铺', '资生堂 红腰子 精华 护肤')[0]?.markId).toBe('B59');
  });
  it('a single letter of a name written in two scripts (C of 65度C) is read only with its Han characters', () => {
    const bakery = buildRegistryIndex([mark('B61', '65度C', '涉外商标', [30, 43])]);
    expect(screenListing(bakery, listing('每日C 100%橙汁 冷藏 300ml'))).toEqual([]);
    expect(screenListing(bakery, listing('维生素C 泡腾片 橙味'))).toEqual([]);
    expect(screenListing(bakery, listing('65度C 海盐咖啡 肉松面包'))[0]?.markId).toBe('B61');
  });
  it('a brand written in a title that sells copies (纯原 莆田, 高仿) is the brand copied, however a reseller\'s title reads', () => {
    const shoes = buildRegistryIndex([mark('B63', 'NIKO', '驰名商标', [25, 28]), mark('B64', '鸿步', '驰名商标', [25])]);
    expect(screenListing(shoes, listing('NIKO 空军一号 AF1 纯原 莆田 主播推荐'))[0]?.markId).toBe('B63');
    expect(screenListing(shoes, listing('鸿步 篮球鞋 高仿 正品级 男款'))[0]?.markId).toBe('B64');
    // a model's scale is no copy
    expect(Math.max(0, ...screenListing(shoes, listing('NIKO 1:18 合金 车模 周边 摆件')).map((h) => h.score))).toBeLessThan(0.9);
  });
  it('an older name written with 牌 (国际牌) is read with its 牌 as written, not from 国标 排插', () => {
    const radios = buildRegistryIndex([mark('B55', '松栩', '涉外商标', [9, 11], { aliases: ['国际牌'] })]);
    expect(screenListing(radios, listing('新国标 排插 多孔 USB 插线板 1.8米'))).toEqual([]);
    expect(screenListing(radios, listing('国际牌 收音机 老式 怀旧'))[0]?.markId).toBe('B55');
  });
  it('a name of two read from the end of one everyday word and the start of the next is those words; with a word on one side only it is read', () => {
    const towns = buildRegistryIndex([mark('B50', '丽江', '公共资源', [], { region: '云南省丽江市' })]);
    expect(screenFiling(towns, filing('美丽江南', 43))).toEqual([]);
    expect(screenFiling(towns, filing('秀丽江山', 2))).toEqual([]);
    expect(screenFiling(towns, filing('美丽江', 43))[0]?.markId).toBe('B50');
    expect(screenFiling(towns, filing('丽江酒店', 43))[0]?.markId).toBe('B50');
  });
  it('a name in letters with a repeated letter changed the same way everywhere is a copy (LAFUFU of LABUBU); two letters changed at random are not', () => {
    const toys = buildRegistryIndex([mark('B54', 'TABOBO', '驰名商标', [28])]);
    expect(screenFiling(toys, filing('TAKOKO', 28))[0]?.markId).toBe('B54');
    expect(screenFiling(toys, filing('TAKOSO', 28))).toEqual([]);
  });
  it('a name of a kind (…银行) with the first character of its head changed for one alike in neither sound nor shape is another firm of that kind', () => {
    const banks = buildRegistryIndex([mark('B55', '汇通银行', '驰名商标', [36])]);
    expect(screenFiling(banks, filing('网通银行', 36))).toEqual([]);
    expect(screenFiling(banks, filing('会通银行', 36))[0]?.markId).toBe('B55');
    expect(screenFiling(banks, filing('汇同银行', 36))[0]?.markId).toBe('B55');
  });
  it('knows look-alikes squatters are reported to use that the generated tables miss (水久 for 永久, 九美 for 丸美)', () => {
    const old = buildRegistryIndex([mark('B56', '永久', '老字号', [12]), mark('B57', '丸美', '驰名商标', [3])]);
    expect(screenFiling(old, filing('水久', 12))[0]?.markId).toBe('B56');
    expect(screenFiling(old, filing('九美', 3))[0]?.markId).toBe('B57');
    // 豪牛纯味奶 seized by the 邳州 regulator as a copy of 蒙牛; 豪华 shares no character with the mark
    const milk = buildRegistryIndex([mark('B58', '蒙牛', '驰名商标', [29])]);
    expect(screenFiling(milk, filing('豪牛', 29))[0]?.markId).toBe('B58');
    expect(screenFiling(milk, filing('豪华', 29))).toEqual([]);
    // 人白免 lip balm sold as 大白兔 (a stroke gone from each of two characters); 荷茈 monosodium glutamate fined as 荷花
    const sweets = buildRegistryIndex([mark('B68', '大白兔', '驰名商标', [30]), mark('B69', '荷花', '省著名商标', [30])]);
    expect(screenFiling(sweets, filing('人白免', 30))[0]?.markId).toBe('B68');
    expect(screenFiling(sweets, filing('荷茈', 30))[0]?.markId).toBe('B69');
    expect(screenFiling(sweets, filing('荷叶', 30))).toEqual([]);
    // 哇!土豆 in village markets for 好丽友's 呀!土豆
    const snacks = buildRegistryIndex([mark('B70', '呀!土豆', '涉外商标', [29, 30])]);
    expect(screenFiling(snacks, filing('哇!土豆', 29))[0]?.markId).toBe('B70');
    // 巴处 for 巴奴: the court found the one character apart 字形相近
    const hotpot = buildRegistryIndex([mark('B78', '巴奴', '省著名商标', [43])]);
    expect(screenFiling(hotpot, filing('巴处', 43))[0]?.markId).toBe('B78');
    expect(screenFiling(hotpot, filing('巴蜀', 43))).toEqual([]);
  });
  it('a long word of a foreign-related name in two words names it alone, in its classes; an English word of it or a Chinese mark\'s English alias does not', () => {
    const foreign = buildRegistryIndex([
      mark('B47', 'MORVANE-DALRICK', '涉外商标', [12]),
      mark('B48', 'NEW GARDEN', '涉外商标', [25]),
      mark('B49', '松远', '省著名商标', [25], { aliases: ['MARVELLO TEXTILE'] }),
    ]);
    expect(screenFiling(foreign, filing('DALRICK', 12))[0]?.markId).toBe('B47');
    expect(screenFiling(foreign, filing('MORVANE', 12))[0]?.markId).toBe('B47');
    // inside a longer word it is that word's
    expect(screenFiling(foreign, filing('DALRICKSON', 12))).toEqual([]);
    expect(screenFiling(foreign, filing('GARDEN', 25))).toEqual([]);
    expect(screenFiling(foreign, filing('MARVELLO', 25))).toEqual([]);
  });
  it('an English name is known without its leading article (SILVER HARBOR of THE SILVER HARBOR), one word left is not', () => {
    const film = buildRegistryIndex([mark('B43', '银港', '公共资源', [], { aliases: ['THE SILVER HARBOR', 'THE PLAIN'] })]);
    expect(screenFiling(film, filing('SILVER HARBOR', 9))[0]?.markId).toBe('B43');
    expect(screenFiling(film, filing('PLAIN', 25))).toEqual([]);
  });
  it('a film\'s merchandise (电影周边) is sold under its name: 电影 there is no account of the film', () => {
    const film = buildRegistryIndex([mark('B44', '星河护卫队', '公共资源', [], { holder: '某影业有限公司' })]);
    expect(screenListing(film, listing('星河护卫队 手办 摆件 电影周边 现货'))[0]?.markId).toBe('B44');
    expect(screenListing(film, listing('星河护卫队 电影 DVD 光盘'))).toEqual([]);
  });
  it('a selling-services filing (35) that goes on with the mark\'s own goods (…茶行) is in their class', () => {
    const tea = buildRegistryIndex([mark('B45', '云裕记', '老字号', [30])]);
    expect(screenFiling(tea, filing('云裕记茶行', 35))[0]?.markId).toBe('B45');
  });
  it('a fits word with another brand right after it (适用苹果15) names that brand, not the one before it', () => {
    const game = buildRegistryIndex([mark('B46', '星穹行', '省著名商标', [9, 41])]);
    expect(screenListing(game, listing('星穹行 手机壳 角色 适用苹果15 硅胶'))[0]?.markId).toBe('B46');
    expect(screenListing(game, listing('星穹行X5 钢化膜 适用 高清'))).toEqual([]);
  });
  it('a GI\'s place with other goods (石岭卤鹅 beside 石岭猪) is the place\'s, from inside its region or outside (domain.md: only the indication itself misleads); the same goods are not', () => {
    const gi = buildRegistryIndex([mark('G3', '石岭猪', '地理标志', [31, 29], { region: '重庆市石岭区', holder: '重庆市石岭区畜牧发展中心' })]);
    const filed = (text: string, applicant: string, applicantAddress: string) => screenFiling(gi, { ...filing(text, 29, applicant), applicantAddress });
    expect(filed('石岭卤鹅', '重庆市石岭区卤鹅协会', '重庆市石岭区')).toEqual([]);
    expect(filed('石岭猪肉', '重庆市石岭区某食品有限公司', '重庆市石岭区')[0]?.markId).toBe('G3');
    expect(filed('石岭卤鹅', '揭阳市某食品有限公司', '广东省揭阳市')).toEqual([]);
    expect(filed('石岭猪肉', '揭阳市某食品有限公司', '广东省揭阳市')[0]?.markId).toBe('G3');
  });
  it('a slogan that cheers a place on (石城加油) names no place: goods sold under it from there are still shown', () => {
    const slogan = buildRegistryIndex([mark('B47', '石城加油', '公共资源', [], { holder: '', region: '湖北省石城市' })]);
    expect(screenListing(slogan, listing('石城加油 热干面 礼盒 6人份', '湖北省石城市'))[0]?.markId).toBe('B47');
  });
  it('the official shop of one brand of a holder sells the holder\'s other brands too', () => {
    const sweets = buildRegistryIndex([
      mark('B49', '白玉兔', '驰名商标', [30], { holder: '上海冠华园食品有限公司' }),
      mark('B50', '冠华园', '老字号', [30], { holder: '上海冠华园食品有限公司' }),
    ]);
    const sold = (shop: string) => screenListing(sweets, { id: 'S', platform: '天猫', shop, title: '白玉兔 奶糖 原味 冠华园出品', url: '', price: '', sellerLocation: '上海市' });
    expect(sold('白玉兔官方旗舰店')).toEqual([]);
    expect(sold('糖果批发部').map((h) => h.markId).sort()).toEqual(['B49', 'B50']);
  });
  it('a work\'s title with 之 inside (星河之石城湖) is no place, whatever it ends in: its merchandise is sold under it', () => {
    const film = buildRegistryIndex([mark('B51', '星河之石城湖', '公共资源', [], { holder: '某影业有限公司' })]);
    expect(screenListing(film, listing('星河之石城湖 手办 摆件 现货', '广东省汕头市'))[0]?.markId).toBe('B51');
  });
  it('a public name reaches every class: the classes its custodian registered do not bound it', () => {
    const lake = buildRegistryIndex([mark('B15', '石门湖', '公共资源', [39], { region: '青海省海东市互助土族自治县' })]);
    expect(screenFiling(lake, filing('石门胡', 33))[0]?.markId).toBe('B15');
  });
});

describe('quickCheck', () => {
  it('checks text in every class when no class is given', () => {
    expect(quickCheck(index, '龍泉')[0]?.markId).toBe('A5');
    expect(quickCheck(index, '龙泉', 9)).toEqual([]);
  });
  it('finds a mark inside a longer pasted text', () => {
    expect(quickCheck(index, '本店新到一批正宗金凤凰牌中秋月饼礼盒，欢迎选购')[0]?.markId).toBe('A1');
  });
  it('handles empty, control-only and very long text', () => {
    expect(quickCheck(index, '')).toEqual([]);
    expect(quickCheck(index, '\u0000\u0007')).toEqual([]);
    expect(Array.isArray(quickCheck(index, '金'.repeat(10_000)))).toBe(true);
  });
});

describe('a batch', () => {
  it('gives each filing the same hits whatever was screened before it (the index keeps no trace of a text)', () => {
    const rows = ['金凤凰', '金风凰', '九个桃源', 'T0Y0TA', '丰田汽车', '安途', '途安', '雪山峰酒', '张飞牛肉', '湟源陈醋', '金凤凰']
      .map((text) => filing(text, 30));
    const alone = rows.map((row) => screenFiling(buildRegistryIndex(registry), row));
    const shared = buildRegistryIndex(registry);
    expect(rows.map((row) => screenFiling(shared, row))).toEqual(alone);
    expect([...rows].reverse().map((row) => screenFiling(shared, row))).toEqual([...alone].reverse());
    expect(alone[0]![0]?.markId).toBe('A1');
  });
});
