// The Nice class of the goods a listing sells, read from the goods words of its title. A listing carries no class,
// yet whether its goods meet the protected mark's buyers matters as much as for a filing: 美的人生 励志书籍 sells a
// book (class 16), not an appliance. The words below are common names of goods and services under the class
// headings of the Nice classification; a title without any of them has no known class.

const CLASS_WORDS: Record<number, string> = {
  3: '化妆品 护肤品 面霜 面膜 口红 唇膏 粉底 粉底液 眼影 腮红 香水 洗发水 护发素 沐浴露 洗面奶 牙膏 洗衣液 洗衣粉 肥皂 香皂 洗洁精 精华液 爽肤水 乳液 防晒霜 彩妆 眼霜 精华 卸妆水 护手霜 身体乳 洗衣凝珠 香薰 精油 指甲油 睫毛膏 眉笔',
  5: '药 药品 药膏 胶囊 片剂 保健品 维生素 维他命 膏药 止痒液 消毒液 中药 中药材 虫草 冬虫夏草 药酒 口服液 红花油 创可贴 卫生巾 尿不湿 浓缩丸 中成药 膏剂 颗粒 冲剂 阿胶 三七粉 益生菌',
  7: '洗衣机 吸尘器 榨汁机 豆浆机 破壁机 洗碗机 发电机 电机 机床 油烟机 抽油烟机 缝纫机 扫地机器人 料理机 绞肉机 搅拌机 电钻',
  8: '剃须刀 刮胡刀 菜刀 刀具 剪刀 指甲刀 卷发棒 直发器',
  9: '手机 电脑 平板 耳机 蓝牙耳机 充电器 数据线 音箱 相机 摄像头 眼镜 太阳镜 手机壳 充电宝 电池 软件 电子版 DVD 光盘 影碟 游戏机 U盘 键盘 鼠标 显示器 电视 液晶电视 投影仪 路由器 智能手表 平板电脑 笔记本电脑 电子书 行车记录仪 鼠标垫',
  10: '医疗器械 血压计 体温计 口罩 按摩器 轮椅 假牙',
  11: '空调 冰箱 电饭煲 热水器 电磁炉 微波炉 电暖器 灯 台灯 吊灯 风扇 电风扇 净水器 加湿器 烤箱 燃气灶 油烟机 吹风机 电吹风 电热水壶 电水壶 电饭锅 电压力锅 空气炸锅 饮水机 暖风机 取暖器 浴霸 手电筒',
  12: '汽车 电动车 电动自行车 电瓶车 自行车 摩托车 轮胎 汽车配件 童车',
  14: '手表 珠宝 首饰 项链 戒指 手镯 耳环 耳钉 耳饰 胸针 黄金 足金 金饰 银饰 玉石 吊坠',
  16: '书 书籍 图书 读本 传记 期刊 绘本 杂志 笔记本 文具 明信片 海报 纸巾 纸杯 奶茶杯 画册 教材 台历 笔 字帖 贴纸 书签 日历',
  18: '包 箱包 钱包 手提包 背包 双肩包 行李箱 皮具 雨伞 皮带 挎包 斜挎包 单肩包 托特包 腰包 旅行箱 拉杆箱 相机包 腋下包 水桶包 马鞍包 链条包 手拿包 零钱包 卡包 胸包 电脑包 女包 男包',
  20: '家具 沙发 床垫 椅子 桌子 柜子 镜子 相框',
  21: '杯子 保温杯 水杯 茶具 陶瓷茶具 餐具 锅 炒锅 碗 盘子 厨具 牙刷 梳子 奶瓶',
  24: '床上用品 被子 毛巾 窗帘 四件套 毛毯 绸布 绸缎 丝绸 布料 面料 棉布',
  25: '服装 服饰 衣服 外套 衬衫 T恤 短袖 卫衣 夹克 羽绒服 裤子 牛仔裤 裙子 连衣裙 鞋 运动鞋 布鞋 皮鞋 篮球鞋 拖鞋 棉拖鞋 袜子 帽子 围巾 手套 内衣 男装 女装 童装 polo衫 休闲鞋 板鞋 帆布鞋 跑鞋 老爹鞋 凉鞋 靴子 雪地靴 马丁靴 冲锋衣 棉服 毛衣 针织衫 卫裤 运动裤 休闲裤 打底裤 睡衣 泳衣 比赛服 篮球服 球衣',
  27: '地毯 地垫 壁纸 手工编织地毯',
  28: '玩具 毛绒玩具 公仔 积木 儿童积木玩具 游戏 球拍 钓具 健身器材 充气气模 气模 手办 盲盒 毛绒玩偶 玩偶 钥匙扣 拼图 足球 篮球 滑板 扑克',
  29: '肉 牛肉 羊肉 鱼干 虾仁 牦牛肉 牦牛肉干 藏羊肉 猪肉 鸡肉 肉干 牛肉干 火腿 香肠 腊肉 鸭脖 卤味 鸭翅 鸭掌 龙虾 小龙虾 海鲜 鱼 虾 奶 牛奶 酸奶 奶粉 奶酪 黄油 酥油 食用油 菜籽油 花生油 橄榄油 果冻 蛋 鸡蛋 咸菜 榨菜 酱菜 坚果 核桃 瓜子 花生 红枣 干果 陈皮 复原乳 豆腐 海参 带鱼 大闸蟹 螃蟹 腊肠 肉松 猪肉脯 牛肉粒 羊排 羊肉串',
  30: '茶 茶叶 绿茶 红茶 白茶 普洱 奶茶 咖啡 饼干 糕点 面包 蛋糕 月饼 糖果 巧克力 冰淇淋 雪糕 方便面 面条 拉面 牛肉面 红烧牛肉面 米 大米 香米 贡米 米线 面粉 青稞面粉 调味品 调料 调味酱 酱 酱油 醋 陈醋 盐 味精 鸡精 蜂蜜 花椒 辣椒 干辣椒 线辣椒 胡椒 火锅底料 底料 汤圆 饺子 包子 馒头 粽子 零食 薯片 酿皮 香醋 老陈醋 豆瓣酱 辣椒酱 挂面 螺蛳粉 酸辣粉 粉丝 年糕 麻花 雪饼 仙贝 肉夹馍',
  31: '水果 新鲜水果 蔬菜 大闸蟹 螃蟹 河蟹 湖蟹 活蟹 苹果 红富士苹果 梨 香梨 长把梨 脐橙 橙子 柑橘 葡萄 枸杞 黑枸杞 红枸杞 大蒜 紫皮大蒜 活龙虾 活鱼 牦牛 藏羊 种子 花卉 鲜花 粮食 饲料 鲜货 猕猴桃 奇异果 水蜜桃 草莓 红枣 大枣 哈密瓜 马铃薯 土豆 大葱 当归',
  32: '饮料 饮品 果汁 可乐 汽水 碳酸饮料 凉茶 矿泉水 纯净水 苏打水 啤酒 运动饮料 植物饮料 蛋白饮料 花生牛奶 沙棘汁 柠檬水 冰川水 气泡水 能量饮料 功能饮料 核桃乳',
  33: '酒 白酒 红酒 葡萄酒 黄酒 米酒 青稞酒 果酒 酩馏酒 干红 干白 威士忌 白兰地 伏特加 香槟',
  35: '加盟 招商 加盟招商 代理 批发 连锁 开店 广告',
  36: '投资 理财 保险 金融 房地产',
  37: '洗车 精洗 打蜡 汽车美容 汽车保养 保养 维修 上门维修 安装 上门安装 清洗 家电清洗 装修',
  39: '旅游 一日游 日游 跟团 纯玩 自由行 导游 包车 门票 景区门票 旅行 物流 快递',
  41: '培训 课程 教育 钢琴培训 补习 演出 健身 攻略 电影 纪录片',
  43: '餐饮 餐厅 饭店 火锅 堂食 外卖 餐饮券 代金券 套餐 早餐 西餐 中餐 自助餐 双人餐 单人餐 酒店 宾馆 民宿 客栈 住宿 小吃 灌汤包 烤鸭 胡辣汤 水煎包 小笼 小笼包 麻辣烫 麻辣香锅 冒菜 串串香 烧烤 烤肉 烤鱼 酸菜鱼 黄焖鸡 卤肉饭 盖浇饭 煲仔饭 面馆 馄饨 生煎 煎饼 凉皮 热干面 羊杂 羊肉串',
  44: '体检 体检套餐 医院 诊所 美容 健康管理 养生',
};

/**
 * Characters that end a goods word of their class whatever stands before them (德训鞋, 阔腿裤, 高粱酒, 香醋, 岩茶): a word
 * of a title that ends in one names such goods. Alone they sit inside other words (鞋业, 酒店), so only at a word's end.
 */
const HEAD_CLASSES = new Map<string, number>([
  ['鞋', 25], ['靴', 25], ['衫', 25], ['裤', 25], ['裙', 25], ['袜', 25], ['酒', 33], ['醋', 30], ['酱', 30], ['茶', 30],
  ['锅', 21], ['壶', 21], ['杯', 21], ['霜', 3],
]);

/** Whether the text ends a word at i (a space, a mark of punctuation or the end follows). */
function endsWordAt(text: string, i: number): boolean {
  const next = text[i + 1];
  return next === undefined || /[\s,，、。;；:：!！?？()（）【】[\]/|+*]/.test(next);
}

const WORD_CLASSES = new Map<string, number[]>();
let longest = 0;
for (const [cls, words] of Object.entries(CLASS_WORDS)) {
  // single characters (包, 米, 茶 …) sit inside too many other words (包邮, 米其林, 茶卡) to name goods alone
  for (const w of words.split(/\s+/).filter((word) => word.length >= 2)) {
    const list = WORD_CLASSES.get(w) ?? [];
    list.push(Number(cls));
    WORD_CLASSES.set(w, list);
    longest = Math.max(longest, w.length);
  }
}

/** The classes of the goods words found in a text (longest match first), outside [skipStart, skipEnd). */
export function goodsClassesIn(text: string, skipStart = -1, skipEnd = -1): number[] {
  const found = new Set<number>();
  for (let i = 0; i < text.length;) {
    if (i >= skipStart && i < skipEnd) { i = skipEnd; continue; }
    let matched = 0;
    for (let n = Math.min(longest, text.length - i); n >= 1; n--) {
      const classes = WORD_CLASSES.get(text.slice(i, i + n));
      if (classes) {
        for (const c of classes) found.add(c);
        matched = n;
        break;
      }
    }
    if (!matched) {
      const head = HEAD_CLASSES.get(text[i]!);
      if (head !== undefined && endsWordAt(text, i)) found.add(head);
    }
    i += matched || 1;
  }
  return [...found];
}

/**
 * Goods of a title that are a visit to a place or an account of a place or a person — a trip, a ticket, a stay, a
 * guide, a book, a film — so a public name beside them is their subject, not the name they are sold under (九寨沟
 * 二日游, 张桂梅 事迹读本). A meal or a local product is sold under the name (淄博烧烤 套餐), so no such word.
 */
const ACCOUNT_WORDS = [
  // a trip, a ticket, a stay (旅游 alone is no trip: 旅游纪念品 are goods sold under the name)
  '日游', '跟团', '纯玩', '自由行', '旅游团', '旅行团', '旅行社', '门票', '导游', '包车', '酒店', '宾馆', '民宿', '客栈', '住宿',
  '攻略',
  // a book, a film, a map
  '图书', '书籍', '读本', '传记', '全集', '诗集', '小说', '平装', '杂志', '期刊', '纪录片', '电影', 'DVD', '光盘', '影碟',
  '明信片', '地图',
];
/** Right after a place's name, the place given as the goods' origin (青海湖特产, 青海湖 土特产), not their name. */
const ORIGIN_WORDS = ['特产', '土特产'];

/** Where a title's visit and account words stand, [start, end) each (ACCOUNT_WORDS), found once per title. */
export function accountWordsIn(title: string): [number, number][] {
  const upper = title.toUpperCase();
  const found: [number, number][] = [];
  for (const w of ACCOUNT_WORDS) {
    for (let at = upper.indexOf(w); at >= 0; at = upper.indexOf(w, at + 1)) found.push([at, at + w.length]);
  }
  return found;
}

/**
 * Whether a title sells something about the name at [start, end) rather than goods under it: a visit to the place or
 * an account of it anywhere in the title (its accountWordsIn outside the name), or the place given as the goods'
 * origin right after it.
 */
export function titleIsAbout(title: string, accounts: readonly [number, number][], start: number, end: number): boolean {
  if (titleTellsOf(accounts, start, end)) return true;
  const after = title.slice(end).trimStart();
  return ORIGIN_WORDS.some((w) => after.startsWith(w));
}

/** Whether a title is a visit to or an account of the name at [start, end): its accountWordsIn outside the name. */
export function titleTellsOf(accounts: readonly [number, number][], start: number, end: number): boolean {
  return accounts.some(([a, b]) => b <= start || a >= end);
}

/** Words before a brand that say the goods fit its products (适用于 小米14 手机壳): an accessory, not the brand's goods. */
const FITS_WORDS = ['适用于', '适用', '适配', '兼容'];

/** At most this many characters between a fits word and the brand: another name of the same products (适用于苹果 iPhone). */
const FITS_REACH = 6;

/**
 * Whether the title says, right before [start, …) or a few characters before it (FITS_REACH, no punctuation between),
 * that its goods fit the named brand's products (FITS_WORDS).
 */
export function fitsTheNamed(title: string, start: number): boolean {
  const before = title.slice(Math.max(0, start - FITS_REACH - 3), start);
  return FITS_WORDS.some((w) => {
    const at = before.lastIndexOf(w);
    if (at < 0) return false;
    const gap = before.slice(at + w.length).trim();
    return gap.length <= FITS_REACH && !/[,，、。;；!！?？()（）【】[\]/|+*]/.test(gap);
  });
}

/** A title reselling goods someone owned: second-hand, idle, n-tenths new (二手, 闲置, 九成新, 95新). */
const RESALE = /二手|闲置|转卖|[1-9一二三四五六七八九]成新|9\d新/;
/** …unless it says they are copies: resold copies are copies still. */
const COPY_WORDS = /高仿|仿品|精仿|复刻|原单|A货|1[:：比]1/i;

/**
 * Whether a title resells goods a buyer owned (二手 戴森吹风机 九成新): the brand there names the genuine article, whose
 * resale the mark does not reach — unless the title sells them as copies (高仿, 复刻, 1:1).
 */
export function resoldGoods(title: string): boolean {
  return RESALE.test(title) && !COPY_WORDS.test(title);
}

/** Packaging and labels sold as such: what a brand's own goods come in (奶茶杯, 包装袋, 手提袋, 贴纸). */
const PACKAGING = /包装|打包|手提袋|纸袋|礼品袋|购物袋|纸杯|奶茶杯|咖啡杯|饮料杯|杯套|吸管|标签|贴纸|不干胶|瓶贴|空瓶|空盒/;

/**
 * Whether a title may sell packaging or labels, which carry a brand whatever class they fall in (益禾堂 奶茶杯): a brand
 * on them is never far from its own goods.
 */
export function sellsPackaging(title: string): boolean {
  return PACKAGING.test(title);
}

/** Words of a seller that says a GI's holder lets it use the name: an authorisation, the holder's anti-fake mark. */
const AUTHORISED = /授权|防伪|专用标志|地理标志产品|地标产品|双标/;

/** Whether a title says its seller may use a geographical indication (协会授权, 防伪蟹扣, 地理标志授权, 双标双码). */
export function claimsAuthorisation(title: string): boolean {
  return AUTHORISED.test(title);
}

/** Goods words of a class (for generated test cases). */
export function goodsWordsOf(niceClass: number): string[] {
  return (CLASS_WORDS[niceClass] ?? '').split(/\s+/).filter((w) => w.length >= 2);
}

/** Every goods word of the table. */
export function allGoodsWords(): string[] {
  return [...WORD_CLASSES.keys()];
}
