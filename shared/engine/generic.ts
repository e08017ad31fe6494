// A small curated vocabulary of words that distinguish nothing: names of goods and services, shop and sales words,
// and place-name suffixes. A mark's characters that belong to such a word weigh little when a filing shares only
// them (核桃仁 does not imitate 六个核桃), and a filing that adds them to a mark is still an imitation (华为手机).
// This list is about goods and trade in general; it holds no names from any registry.
import { allGoodsWords } from './goods';

const GOODS = `
饮料 饮品 果汁 可乐 汽水 凉茶 苏打水 矿泉水 纯净水 啤酒 白酒 红酒 葡萄酒 黄酒 青稞酒 酒 酒业 茶 茶叶 绿茶 红茶 奶茶 咖啡 牛奶 奶 奶粉 酸奶 乳业 乳品
食品 零食 饼干 糕点 面包 蛋糕 月饼 糖果 巧克力 冰淇淋 雪糕 坚果 瓜子 薯片 牛肉面 方便面 拉面 面条 面粉 面 米 大米 米线 粉丝
油 食用油 菜籽油 花生油 调味品 调料 酱 酱菜 酱油 醋 陈醋 盐 味精 鸡精 火锅 底料 鸭脖 卤味 肉 牛肉 羊肉 猪肉 鸡肉 肉干 牛肉干
香肠 火腿 水果 蔬菜 枸杞 黑枸杞 红枸杞 花椒 大蒜 核桃 红枣 蜂蜜 虫草 冬虫夏草 青稞 牦牛 藏羊 羊毛 羊绒 牦牛绒 绒 毛 皮
服装 服饰 衣服 外套 衬衫 T恤 裤 鞋 运动鞋 布鞋 皮鞋 袜 帽 包 箱包 手表 眼镜 珠宝 首饰 化妆品 香水 洗发水 护发素 沐浴露
洗衣液 洗衣粉 肥皂 牙膏 纸巾 手机 电脑 平板 充电器 耳机 电器 家电 空调 冰箱 洗衣机 电视 电饭煲 灯 家具 地毯 玩具 文具 书 图书
小米 大米 玉米 金鱼 苹果 香蕉 西瓜 葡萄 土豆 大豆 黄豆 绿豆 红豆 白菜 辣椒 生姜 鸡蛋 鸭蛋 红枣 花生 芝麻
药 药业 药膏 胶囊 片 保健品 维他命 维生素 医药 生物 科技 餐饮 餐厅 饭店 酒店 宾馆 超市 商行 商贸 贸易 实业 集团 公司 有限公司
`;

const TRADE = `
旗舰店 专卖店 专营店 官方 正品 正宗 原装 新款 新品 特价 包邮 批发 整箱 礼盒 礼盒装 特产 厂家 直销 现货 限时 特惠 促销 爆款 热卖
同款 联名 联名款 男女 男士 女士 儿童 家用 进口 国产 优质 精品 高端 纯正 天然 有机 传统 老字号 品牌 牌 店 坊 铺 号 记 堂 轩 阁 居 庄 园
`;

/**
 * Place names a filing puts before a mark as a weak modifier (香港周六福, 中华同仁堂, 北京XX): countries, provinces and
 * the large cities. They count as generic only in a screened text, beside a match; in a registry mark a place is
 * often the mark itself (青海湖, 茶卡盐湖) and keeps its weight.
 */
const PLACES = `
中国 中华 华夏 国际 环球 全球 世界 亚洲 欧洲 美国 英国 法国 德国 意大利 瑞士 日本 韩国 澳洲 澳大利亚 加拿大 新加坡
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南
陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
广州 深圳 杭州 南京 武汉 成都 西安 苏州 郑州 长沙 沈阳 青岛 宁波 东莞 佛山 厦门 济南 合肥 福州 昆明 哈尔滨 大连 西宁
兰州 银川 乌鲁木齐 拉萨 南宁 贵阳 海口 南昌 太原 石家庄 呼和浩特 长春 温州 无锡 义乌
`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** The goods vocabulary of goods.ts (names of goods by Nice class) counts as generic too. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([...words(GOODS), ...words(TRADE), ...allGoodsWords()]);

/** Words by their first character, longest first (the scan takes the longest match). */
function byFirst(vocabulary: Iterable<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const w of [...vocabulary].sort((a, b) => b.length - a.length)) {
    const chars = Array.from(w);
    const list = out.get(chars[0]!) ?? [];
    list.push(chars);
    out.set(chars[0]!, list);
  }
  return out;
}
const BY_FIRST = byFirst(GENERIC_WORDS);
const TEXT_BY_FIRST = byFirst([...GENERIC_WORDS, ...words(PLACES)]);

function matchesAt(chars: readonly string[], i: number, word: readonly string[]): boolean {
  if (i + word.length > chars.length) return false;
  for (let k = 1; k < word.length; k++) if (chars[i + k] !== word[k]) return false;
  return true;
}

/**
 * Marks which characters of a sequence belong to a generic word: the words that cover the most characters (a longer
 * word never strands a neighbour: 牦牛肉干 is 牦牛 + 肉干 or one word, not 牦牛肉 + 干), the longer word first on a tie.
 * A single-character generic word (酒, 茶, 牌 …) only counts at the end of the sequence, where it names the goods;
 * elsewhere the character is usually part of a distinctive word.
 */
export function genericSpans(chars: readonly string[], vocabulary = BY_FIRST): [start: number, end: number][] {
  const n = chars.length;
  // covered[i]: the most characters from i on that words can cover; take[i]: the word length chosen at i (0: none)
  const covered = new Int32Array(n + 1);
  const take = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    covered[i] = covered[i + 1]!;
    for (const word of vocabulary.get(chars[i]!) ?? []) {
      if (!matchesAt(chars, i, word)) continue;
      if (word.length === 1 && i !== n - 1) continue;
      const total = word.length + covered[i + word.length]!;
      if (total > covered[i]!) { covered[i] = total; take[i] = word.length; }
    }
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < n;) {
    if (take[i]! > 0) { spans.push([i, i + take[i]!]); i += take[i]!; } else i++;
  }
  return spans;
}

export function genericMask(chars: readonly string[], vocabulary = BY_FIRST): boolean[] {
  const mask = chars.map(() => false);
  for (const [start, end] of genericSpans(chars, vocabulary)) for (let k = start; k < end; k++) mask[k] = true;
  return mask;
}

/** The generic mask of a screened text: the generic words and, beside a match, the place names put before a mark. */
export function textGenericMask(chars: readonly string[]): boolean[] {
  return genericMask(chars, TEXT_BY_FIRST);
}

export function isGenericWord(text: string): boolean {
  return GENERIC_WORDS.has(text);
}
