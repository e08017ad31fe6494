// The classes a listing title's goods words name (a listing carries no class of its own), and whether a title is about
// a name it holds rather than selling goods under it.
import { describe, expect, it } from 'vitest';
import { accountWordsIn, claimsAuthorisation, sellsCopies, fitsTheNamed, goodsClassesIn, resoldGoods, titleIsAbout } from '../../../shared/engine/goods';

describe('goodsClassesIn', () => {
  it('reads the longest goods word: 牦牛肉 is meat (29), 牦牛 a live animal (31)', () => {
    expect(goodsClassesIn('大通牦牛肉 礼盒')).toEqual([29]);
    expect(goodsClassesIn('活体牦牛 出售')).toEqual([31]);
    expect(goodsClassesIn('特产 牦牛肉干')).toEqual([29]);
  });
  it('knows cloth sold by the metre (绸布, 丝绸, 面料) as class 24', () => {
    expect(goodsClassesIn('瑞蚨祥绸布 真丝面料')).toEqual([24]);
  });
  it('reads a word ending in a goods head (德训鞋, 阔腿裤, 高粱酒) as those goods, but not the head inside a word', () => {
    expect(goodsClassesIn('PUMO 德训鞋 复古')).toEqual([25]);
    expect(goodsClassesIn('阔腿裤 女 夏季')).toEqual([25]);
    expect(goodsClassesIn('纯粮 高粱酒 52度')).toEqual([33]);
    expect(goodsClassesIn('镇江香醋 5斤 桶装')).toEqual([30]);
    expect(goodsClassesIn('正岩 岩茶 肉桂')).toEqual([30]);
    expect(goodsClassesIn('陶瓷炖锅 家用')).toEqual([21]);
    expect(goodsClassesIn('空气炸锅 大容量')).toEqual([11]);
    expect(goodsClassesIn('LED投光灯 户外防水')).toEqual([11]);
    expect(goodsClassesIn('鞋业 招聘 酒店用品')).toEqual([43]);
  });
  it('reads a quilt named for the air conditioner as bedding (空调被 is no air conditioner), an electric pot as an appliance, a bicycle by its kind', () => {
    expect(goodsClassesIn('夏凉被 空调被 水洗棉')).toEqual([24]);
    expect(goodsClassesIn('多功能料理锅 电火锅 家用')).toEqual([11]);
    expect(goodsClassesIn('山地车 成人 变速')).toEqual([12]);
    expect(goodsClassesIn('帐篷 户外 露营')).toEqual([22]);
    expect(goodsClassesIn('整体橱柜 定制 全屋定制')).toEqual([20]);
    expect(goodsClassesIn('乳胶漆 内墙 白色')).toEqual([2]);
  });
  it('knows the goods of trades a title names without a common head word: cheese, a car badge, a scooter, a chopper, yarn', () => {
    expect(goodsClassesIn('ROQUFORT 蓝纹干酪125g 冷链发货')).toEqual([29]);
    expect(goodsClassesIn('TELSA 车标 前标 后标 改装')).toEqual([12]);
    expect(goodsClassesIn('雅玛哈 福禧 同款 踏板车 125 女士')).toEqual([12]);
    expect(goodsClassesIn('十八子 斩骨刀 加厚 砍骨 家用')).toEqual([8]);
    expect(goodsClassesIn('正品三绒绒羊绒毛线 买二送一')).toEqual([23]);
    expect(goodsClassesIn('雙虎 调和漆 木器 金属 3kg')).toEqual([2]);
    expect(goodsClassesIn('MARTEL XO 洋酒700ml 送礼')).toEqual([33]);
  });
  it('reads fertilisers and farm machines; with whole words only, a goods word glued to another names no goods', () => {
    expect(goodsClassesIn('施农丰 复合肥 硫酸钾型 50kg')).toEqual([1]);
    expect(goodsClassesIn('CHANGFA 微耕机 小型')).toEqual([7]);
    expect(goodsClassesIn('小熊 酸奶机 家用 全自动')).toEqual([29]);
    expect(goodsClassesIn('小熊 酸奶机 家用 全自动', -1, -1, true)).toEqual([]);
    expect(goodsClassesIn('生多素 荔枝保果 特价', -1, -1, true)).toEqual([]);
    expect(goodsClassesIn('雷朋 男装 夹克', -1, -1, true)).toEqual([25]);
    // instant film and its camera, a bathhouse's and a laundry's services have their classes
    expect(goodsClassesIn('拍立得 相纸 3寸')).toEqual(expect.arrayContaining([9, 1]));
    expect(goodsClassesIn('洗浴 搓澡 汗蒸')).toEqual([44]);
    expect(goodsClassesIn('洗衣 洗鞋 皮具护理 到店')).toEqual([37]);
    // medical gloves are no clothing, a diesel engine oil no engine, a chainsaw no fuel
    expect(goodsClassesIn('丁腈手套 一次性 医用检查')).toEqual([10]);
    expect(goodsClassesIn('柴油机油 15W-40 18L 工程车 货车', -1, -1, true)).toEqual(expect.arrayContaining([4]));
    expect(goodsClassesIn('油锯 伐木锯 汽油 大功率')).toEqual(expect.arrayContaining([7]));
    // a flat to let, a bookcase, a packing machine, furniture board, lion-dance props, orchids, steering gear, door handles
    expect(goodsClassesIn('白沙小区 两室一厅 房屋出租 拎包入住')).toEqual([36]);
    expect(goodsClassesIn('红木 书柜 新中式 实木')).toEqual([20]);
    expect(goodsClassesIn('食品包装机 立式自动')).toEqual([7]);
    expect(goodsClassesIn('生态板 E0级 免漆板 18mm')).toEqual([19]);
    expect(goodsClassesIn('舞狮道具 狮头 儿童表演')).toEqual([28]);
    expect(goodsClassesIn('建兰 四季兰 带花苞 兰花苗')).toEqual([31]);
    expect(goodsClassesIn('转向机 汽车转向器 原厂配套')).toEqual([12]);
    expect(goodsClassesIn('不锈钢 门把手 拉手')).toEqual([6]);
    // building sand, jacks and rice mills, railings, sake, classics, foot baths
    expect(goodsClassesIn('河沙 建筑用沙 黄沙 吨')).toEqual([19]);
    expect(goodsClassesIn('液压千斤顶 5吨 立式')).toEqual([7]);
    expect(goodsClassesIn('碾米机 小型家用 打米机')).toEqual([7]);
    expect(goodsClassesIn('锌钢护栏 阳台栏杆 定制')).toEqual([6]);
    expect(goodsClassesIn('碧寿 纯米大吟酿 1.8L')).toEqual([33]);
    expect(goodsClassesIn('中小学生必读 名著 原著无删减')).toEqual([16]);
    expect(goodsClassesIn('足浴 90分钟')).toEqual([44]);
  });
  it('reads goods words a shorter word hides inside (水乳套装 is a cosmetics set, not a suit; 玛卡片 holds no 卡片) and a drink by its cup size; a medicated tea is a medicine, a health tea no health service', () => {
    expect(goodsClassesIn('红石榴 水乳套装')).toEqual([3]);
    expect(goodsClassesIn('男士 玛卡片 60片')).toEqual([5]);
    expect(goodsClassesIn('伯牙绝弦 大杯')).toEqual([32]);
    expect(goodsClassesIn('祛湿茶 药茶 20包')).toEqual(expect.arrayContaining([5]));
    expect(goodsClassesIn('养生茶 红枣')).not.toContain(44);
  });
  it('knows the everyday goods of household, baby, paper and stationery titles (抽纸, 纸尿裤, 移动电源, 修正带, 电子琴)', () => {
    expect(goodsClassesIn('抽纸 原生木浆 3层 24包 整箱')).toEqual([16]);
    expect(goodsClassesIn('婴儿纸尿裤 超薄 M 60片')).toEqual([5]);
    expect(goodsClassesIn('移动电源 10000mAh 快充')).toEqual([9]);
    expect(goodsClassesIn('修正带 大容量 30米 学生用')).toEqual([16]);
    expect(goodsClassesIn('儿童电子琴 61键 初学者')).toEqual([15]);
    expect(goodsClassesIn('饮用天然水 4.5L*4桶')).toEqual([32]);
    expect(goodsClassesIn('配镜 特价 近视 套餐')).toContain(9);
  });
  it('knows live crabs (湖蟹; 大闸蟹 alive or cooked) as class 31 and scissors (剪刀) as class 8', () => {
    expect(goodsClassesIn('鲜活 湖蟹 现货')).toEqual([31]);
    expect(goodsClassesIn('大闸蟹 鲜活 现货')).toEqual(expect.arrayContaining([29, 31]));
    expect(goodsClassesIn('剪刀 家用 强力')).toEqual([8]);
  });
  it('reads a shoe or garment size (42码, XL码) as worn goods (25), but not a code (二维码)', () => {
    expect(goodsClassesIn('VELO Air Glide 1 白色 42码')).toEqual([25]);
    expect(goodsClassesIn('连帽卫衣 XL码 宽松')).toEqual([25]);
    expect(goodsClassesIn('扫码 二维码 贴纸')).not.toContain(25);
    expect(goodsClassesIn('验证码 激活')).toEqual([]);
  });
  it('reads a word ending in 丸 as a pill (5), unless it is a food ball (鱼丸), and knows 藏药 as medicine', () => {
    expect(goodsClassesIn('七十味珍珠丸 同款')).toContain(5);
    expect(goodsClassesIn('鱼丸 火锅')).not.toContain(5);
    expect(goodsClassesIn('高原 藏药')).toEqual([5]);
  });
  it('reads English goods words as whole words (TSINGTAO BEER), not inside a name (HEYTEA, GINSENG)', () => {
    expect(goodsClassesIn('TSINGTAO BEER 出口版 330ml')).toEqual([32]);
    expect(goodsClassesIn('Old Oak whiskey 700ml')).toEqual([33]);
    expect(goodsClassesIn('HEYTEA GINSENG')).toEqual([]);
    // the brand's own words, skipped, name no goods
    expect(goodsClassesIn('TEA HOUSE 手提包', 0, 9)).toEqual([18]);
  });
  it('knows a transforming robot of alloy as a toy (28), not a car (12), 龟苓膏 and 香瓜子 as food (29), 冰糖心 as apples (31), 发卡 as a hair ornament (26)', () => {
    expect(goodsClassesIn('合金版 变形汽车机器人')).toEqual([28]);
    expect(goodsClassesIn('原味 龟苓膏 250g')).toEqual([29]);
    expect(goodsClassesIn('焦糖 香瓜子 500g')).toEqual([29]);
    expect(goodsClassesIn('冰糖心 10斤 脆甜')).toEqual([31]);
    expect(goodsClassesIn('卤鹅 真空 即食')).toEqual([29]);
    expect(goodsClassesIn('小黄鸭 发卡 头饰')).toEqual([26]);
  });
  it('knows car care and repairs (洗车, 打蜡, 维修) as class 37', () => {
    expect(goodsClassesIn('洗车 精洗 打蜡')).toEqual([37]);
    expect(goodsClassesIn('空调 上门维修')).toEqual(expect.arrayContaining([11, 37]));
  });
  it('knows dishes a restaurant sells (麻辣烫, 烤鱼, 热干面) as restaurant services, class 43', () => {
    expect(goodsClassesIn('麻辣烫 双人套餐')).toEqual([43]);
    expect(goodsClassesIn('烤鱼 热干面')).toEqual([43]);
    expect(goodsClassesIn('西餐 罗宋汤 双人餐')).toEqual([43]);
  });
  it('knows a camera bag (相机包) as a bag, class 18, not a camera', () => {
    expect(goodsClassesIn('老花 相机包 斜挎')).toEqual([18]);
  });
  it('knows ear studs and brooches (耳钉, 胸针) as jewellery, class 14', () => {
    expect(goodsClassesIn('双C 耳钉 925银针')).toEqual([14]);
    expect(goodsClassesIn('珍珠 胸针 复古')).toEqual([14]);
  });
  it('knows everyday goods of classes the first table left out: sockets (9), toilets (11), engine oil (4), car parts (12), figurines (20)', () => {
    expect(goodsClassesIn('插座 插线板 新国标 3米')).toEqual([9]);
    expect(goodsClassesIn('智能马桶 一体式 即热')).toEqual([11]);
    expect(goodsClassesIn('全合成机油 0W-40 4L')).toEqual([4]);
    expect(goodsClassesIn('雨刮器 无骨 前雨刷')).toEqual([12]);
    expect(goodsClassesIn('铜 公鸡摆件 客厅')).toEqual([20]);
    expect(goodsClassesIn('香烟 打火机')).toEqual([34]);
    expect(goodsClassesIn('漏电保护器 63A 工程款')).toEqual([9]);
    expect(goodsClassesIn('火腿肠 淀粉肠 整箱')).toEqual([29]);
  });
  it('knows a hairdresser\'s services (剪发, 烫染, 发型师) as class 44 and a photo studio\'s (全家福, 写真) as class 41', () => {
    expect(goodsClassesIn('美发 剪发 烫发 染发')).toEqual([44]);
    expect(goodsClassesIn('烫染 资深发型师')).toEqual([44]);
    expect(goodsClassesIn('全家福 写真 证件照')).toEqual([41]);
  });
  it('knows bowls and plates (碗碟, 餐盘) as tableware, class 21', () => {
    expect(goodsClassesIn('碗碟 家用 陶瓷')).toEqual([21]);
    expect(goodsClassesIn('汤碗 饭碗 餐盘')).toEqual([21]);
  });
  it('reads a spirit\'s strength (52度) as spirits, class 33, not a beer\'s degrees, a temperature or a brand with °', () => {
    expect(goodsClassesIn('董洒 国密 54度 董香型')).toEqual([33]);
    expect(goodsClassesIn('光瓶 42度 500ml')).toEqual([33]);
    expect(goodsClassesIn('纯生 11度 500ml')).toEqual([]);
    expect(goodsClassesIn('60度恒温 热水壶')).toEqual([11]);
    expect(goodsClassesIn('361° 跑步鞋')).toEqual([25]);
  });
  it('reads a word ending in 漆 as paint (class 2) and one ending in 椅 as furniture (class 20), a massage chair still as class 10', () => {
    expect(goodsClassesIn('环氧 地坪漆 耐磨')).toEqual([2]);
    expect(goodsClassesIn('人体工学 老板椅')).toEqual([20]);
    expect(goodsClassesIn('按摩椅 家用')).toEqual([10]);
  });
  it('knows mobile games and their codes (手游, 兑换码) and facial care (面部护理) by their classes', () => {
    expect(goodsClassesIn('手游 礼包 兑换码')).toEqual(expect.arrayContaining([9, 41]));
    expect(goodsClassesIn('面部护理 单次体验卡')).toEqual([44]);
  });
  it('knows dressings and patches (纱布, 艾灸贴) as class 5 and an exercise bike (动感单车) as fitness equipment, not a bicycle', () => {
    expect(goodsClassesIn('医用纱布块 脱脂棉')).toEqual([5]);
    expect(goodsClassesIn('艾灸贴 颈椎')).toEqual([5]);
    expect(goodsClassesIn('动感单车 家用 静音')).toEqual([28]);
  });
  it('knows ornamental and landscape stones (奇石, 景观石) as stone, class 19', () => {
    expect(goodsClassesIn('原石 奇石 园林 景观石')).toEqual([19]);
  });
  it('knows fishing tackle (鱼钩, 路亚饵) as sporting goods, class 28', () => {
    expect(goodsClassesIn('路亚饵 鱼钩 鱼线')).toEqual([28]);
  });
  it('knows the sellers\' words for a phone (智能机, 安卓机, 备用机) as phones, class 9', () => {
    expect(goodsClassesIn('安卓智能机 全网通')).toEqual([9]);
    expect(goodsClassesIn('学生 备用机')).toEqual([9]);
    expect(goodsClassesIn('二手安卓机')).toEqual([9]);
  });
  it('reads 套装 (a set) as no class of its own: skin care, tools and tableware are sold in sets as clothes are', () => {
    expect(goodsClassesIn('四倍蚕丝凝白 套装 正品')).toEqual([]);
    expect(goodsClassesIn('运动套装 男')).toEqual([25]);
    expect(goodsClassesIn('护肤套装 补水')).toEqual([3]);
    // a goods word before a packing word still stands as a word of its own (五金工具 of 五金工具套装)
    expect(goodsClassesIn('五金工具套装 家用', -1, -1, true)).toEqual([8]);
    expect(goodsClassesIn('茶叶礼盒', -1, -1, true)).toEqual([30]);
  });
  it('skips the words inside the matched brand and finds none in a title without goods words', () => {
    expect(goodsClassesIn('牛肉面馆 新店开业', 0, 3)).toEqual([]);
    expect(goodsClassesIn('新店开业 欢迎光临')).toEqual([]);
  });
});

describe('titleIsAbout', () => {
  const about = (title: string, start: number, end: number) => titleIsAbout(title, accountWordsIn(title), start, end);
  it('a trip, a stay, a ticket, a book or a film anywhere in the title is about the name, whatever the word\'s number', () => {
    expect(about('石门湖 二日游 跟团', 0, 3)).toBe(true);
    expect(about('石门湖 3日游 纯玩', 0, 3)).toBe(true);
    expect(about('柯玉婵 事迹读本 图书', 0, 3)).toBe(true);
    expect(about('石门湖 风光 纪录片 dvd', 0, 3)).toBe(true);
    expect(about('海子诗全集 今夜我在石门湖 诗歌', 10, 13)).toBe(true);
  });
  it('a souvenir is goods sold under the name, however it speaks of travel', () => {
    expect(about('石门湖 冰箱贴 旅游 纪念品', 0, 3)).toBe(false);
  });
  it('a specialty is about the place only right after its name; a meal or goods sold under the name are not', () => {
    expect(about('石门湖特产 牦牛肉干', 0, 3)).toBe(true);
    expect(about('石门湖 土特产 礼盒', 0, 3)).toBe(true);
    expect(about('冰团团 钥匙扣 北京特产', 0, 3)).toBe(false);
    expect(about('石门烧烤 小饼 双人套餐', 0, 4)).toBe(false);
    expect(about('石门湖 矿泉水 550ml', 0, 3)).toBe(false);
  });
  it('does not read the words of the name itself (a name that holds 旅游 is not a trip)', () => {
    expect(about('旅游卫视 同款 帽子', 0, 4)).toBe(false);
  });
});

describe('resoldGoods', () => {
  it('a second-hand, idle or n-tenths-new title resells owned goods', () => {
    expect(resoldGoods('二手 吹风机 配件齐全')).toBe(true);
    expect(resoldGoods('闲置 全新未拆 牙膏')).toBe(true);
    expect(resoldGoods('手机 九成新 国行')).toBe(true);
    expect(resoldGoods('手机 95新 无维修')).toBe(true);
    expect(resoldGoods('帆布鞋 41码 只穿一次 买大了 出')).toBe(true);
    expect(resoldGoods('跑鞋 穿过两次 42码')).toBe(true);
    expect(resoldGoods('单位发的 花生油 5L 两桶 没开封 自提')).toBe(true);
    expect(resoldGoods('大月饼 没拆封 吃不完 转 同城自提')).toBe(true);
    expect(resoldGoods('白酒 两瓶 婚宴剩的 便宜出')).toBe(true);
  });
  it('a title that sells copies or new goods resells nothing', () => {
    expect(resoldGoods('二手 高仿 手袋')).toBe(false);
    expect(resoldGoods('复刻 1:1 闲置')).toBe(false);
    expect(resoldGoods('全新 手机 国行 正品')).toBe(false);
  });
  it('goods resold as factory stock, left over or stripped of their codes are copies still (工厂货, 尾单, 刮码, 公司级)', () => {
    expect(resoldGoods('小黑瓶 精华 工厂货 无码 便宜出')).toBe(false);
    expect(resoldGoods('闲置 原厂代工 尾单 跑鞋')).toBe(false);
    expect(resoldGoods('二手 公司级 纯原 篮球鞋 42码')).toBe(false);
    expect(resoldGoods('面霜 刮码 没拆封')).toBe(false);
  });
});

describe('sellsCopies', () => {
  it('reads a title selling copies (高仿, 纯原, 莆田版, 1:1), not a model\'s scale (1:18)', () => {
    expect(sellsCopies('NIKE 空军一号 AF1 纯原 莆田 主播推荐')).toBe(true);
    expect(sellsCopies('椰子 350 莆田版')).toBe(true);
    expect(sellsCopies('机械表 精仿 一比一')).toBe(true);
    expect(sellsCopies('手提包 1:1 专柜品质')).toBe(true);
    expect(sellsCopies('1:18 合金 车模 官方 周边')).toBe(false);
    expect(sellsCopies('运动鞋 透气 男款')).toBe(false);
  });
});

describe('claimsAuthorisation', () => {
  it('reads a seller saying the holder lets it use the name (授权, 防伪, 双标双码), not the goods alone', () => {
    expect(claimsAuthorisation('鲜活 协会授权 防伪蟹扣')).toBe(true);
    expect(claimsAuthorisation('当季 双标双码 5斤')).toBe(true);
    expect(claimsAuthorisation('兰州百合 鲜百合 原产 地理标志 2.5kg')).toBe(true);
    expect(claimsAuthorisation('现摘现发 当季鲜果 10斤装')).toBe(false);
  });
});

describe('fitsTheNamed', () => {
  it('reads the fits word before the brand, or after it past the model and the accessory', () => {
    expect(fitsTheNamed('适用于 金凤凰14 手机壳', 4)).toBe(true);
    expect(fitsTheNamed('金凤凰 X100 钢化膜 适用 高清', 0, 3)).toBe(true);
    expect(fitsTheNamed('金凤凰宋PLUS 雨刮器 适配 无骨', 0, 3)).toBe(true);
    expect(fitsTheNamed('金凤凰MINIEV 专用 座套', 0, 3)).toBe(true);
  });
  it('reads a list of brands the goods fit, the named one among them (适用于君乐宝 飞鹤 金凤凰)', () => {
    expect(fitsTheNamed('奶粉盒 便携 适用于君乐宝 飞鹤 金凤凰 外出', 17)).toBe(true);
    expect(fitsTheNamed('奶粉盒 便携 适用于君乐宝/飞鹤/金凤凰 外出', 17)).toBe(true);
  });
  it('does not read a fits word far after the brand, past punctuation, or 专用 after goods words (冲饮专用)', () => {
    expect(fitsTheNamed('金凤凰 手机 大屏 超长待机 老人机 双卡 适用', 0, 3)).toBe(false);
    expect(fitsTheNamed('金凤凰 手机壳，适配', 0, 3)).toBe(false);
    expect(fitsTheNamed('金凤凰技术配方 柠檬水冲饮专用', 0, 3)).toBe(false);
    expect(fitsTheNamed('金凤凰 手机壳', 0, 3)).toBe(false);
  });
  it('reads a list of brands written with their models (适用苹果MacBook 华为 金凤凰, 适用于iPhone15/14 金凤凰充电器)', () => {
    expect(fitsTheNamed('氮化镓充电器 65W 适用苹果MacBook 华为 金凤凰 笔记本', 26)).toBe(true);
    expect(fitsTheNamed('20W快充头 适用于iPhone15/14 金凤凰充电器 PD', 22)).toBe(true);
  });
  it('does not take a name that carries its own goods, then goods of another class the fits word names, for an accessory (章丘铁锅 燃气灶适用)', () => {
    expect(fitsTheNamed('手工锻打 金凤凰铁锅 燃气灶适用', 5, 10)).toBe(false);
    expect(fitsTheNamed('金凤凰铁锅 电磁炉 燃气灶 通用适用', 0, 5)).toBe(false);
    // an accessory of the named goods' own class still fits them
    expect(fitsTheNamed('金凤凰手机 钢化膜 适用', 0, 5)).toBe(true);
  });
});
