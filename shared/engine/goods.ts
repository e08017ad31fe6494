// The Nice class of the goods a listing sells, read from the goods words of its title. A listing carries no class,
// yet whether its goods meet the protected mark's buyers matters as much as for a filing: 美的人生 励志书籍 sells a
// book (class 16), not an appliance. The words below are common names of goods and services under the class
// headings of the Nice classification; a title without any of them has no known class.

const CLASS_WORDS: Record<number, string> = {
  1: '化肥 肥料 复合肥 复混肥 叶面肥 有机肥 水溶肥 缓释肥 控释肥 冲施肥 尿素 钾肥 磷肥 磷酸二铵 菌肥 生物菌肥 土壤调理剂 相纸',
  2: '乳胶漆 墙面漆 涂料 防水涂料 油漆 调和漆 醇酸漆 防锈漆 木器漆 腻子粉',
  3: '化妆品 护肤品 面霜 面膜 口红 唇膏 粉底 粉底液 眼影 腮红 香水 洗发水 护发素 沐浴露 洗面奶 牙膏 洗衣液 洗衣粉 肥皂 香皂 洗洁精 精华液 爽肤水 乳液 防晒霜 彩妆 眼霜 精华 卸妆水 护手霜 身体乳 洗衣凝珠 香薰 精油 指甲油 睫毛膏 眉笔 洁面乳 洗面乳 化妆水 润肤露 润唇膏 唇釉 唇彩 隔离霜 散粉 气垫霜 卸妆油 面部精华 发胶 染发剂 洗手液 漱口水 柔顺剂 清洁剂 去污粉 花露水 洗发露 护肤霜 宝宝霜 香氛 水乳 水乳套装 护肤套装 护肤品套装 彩妆套装 化妆品套装 防晒乳 防晒喷雾 洁面 洁面膏 修护油 原液 定妆粉 洗发沐浴 湿巾 婴儿湿巾 卸妆巾 穿戴甲 美甲贴片 美甲贴 蜜粉 磨砂膏 身体磨砂膏 芦荟胶 鹅蛋粉 鸭蛋粉 线香 卧香 盘香 沐浴盐 沐浴乳 藏香 熏香',
  4: '机油 润滑油 全合成机油 蜡烛 香薰蜡烛 木炭 燃料 汽油 柴油 柴油机油 汽油机油',
  5: '药 药品 藏药 蒙药 苗药 药丸 大蜜丸 丸剂 药膏 胶囊 片剂 保健品 维生素 维他命 膏药 止痒液 消毒液 中药 中药材 虫草 冬虫夏草 药酒 口服液 红花油 创可贴 卫生巾 尿不湿 浓缩丸 中成药 膏剂 颗粒 冲剂 阿胶 三七粉 益生菌 感冒药 感冒灵 退烧药 止咳糖浆 糖浆 眼药水 滴眼液 碘伏 酒精棉 膏药贴 暖贴 驱蚊液 婴幼儿配方奶粉 婴儿奶粉 营养补充剂 鱼油 钙片 蛋白粉 人参 西洋参 三七 玛卡 玛卡片 玛卡粉 含片 咀嚼片 泡腾片 药茶 祛湿茶 养生茶 喉片 枇杷露 枇杷膏 锭剂 万金油 清凉油 风油精 蚊香液 电热蚊香液 纸尿裤 拉拉裤 尿片 软膏 气雾剂 喷雾剂 胃药 正气水 藿香正气水 石斛 铁皮石斛 枫斗 天麻 黄芪 藏红花 护肝片 鱼肝油 消食片 健胃消食片 蒙脱石散 活络油 田七粉 颈椎贴 灵芝孢子粉 孢子粉 农药 杀虫剂 杀菌剂 除草剂 纱布 纱布块 医用纱布 脱脂棉 绷带 棉签 医用棉签 敷料 艾灸贴 热敷贴 艾草贴 退热贴',
  6: '门锁 五金 保险柜 不锈钢管 铁丝 合页 门把手 拉手 门吸 地漏 金属门 防盗门 入户门 安全门 挂锁 带钢 不锈钢板 龙骨 轻钢龙骨 门窗 断桥铝 护栏 栏杆',
  7: '洗衣机 吸尘器 榨汁机 豆浆机 破壁机 洗碗机 发电机 电机 机床 油烟机 抽油烟机 缝纫机 扫地机器人 料理机 绞肉机 搅拌机 电钻 切割机 水泵 空压机 抽水机 割草机 电锯 角磨机 洗车机 压面机 和面机 滤芯 机油滤芯 面包机 活塞环 活塞 火花塞 滤清器 机油滤清器 空气滤清器 轴承 增压器 涡轮增压器 发电机组 柴油机 汽油机 喷油嘴 喷油器 气缸 缸套 油泵 齿轮 减速机 电动机 马达 空气压缩机 阀门 液压泵 扫地机 扫拖机器人 洗地机 电梯 观光电梯 别墅电梯 电锤 电镐 冲击钻 微耕机 旋耕机 收割机 播种机 插秧机 油锯 伐木锯 链锯 包装机 灌装机 封口机 千斤顶 碾米机 打米机',
  8: '剃须刀 刮胡刀 菜刀 刀具 剪刀 指甲刀 卷发棒 直发器 指甲剪 扳手 螺丝刀 钳子 刮刀 餐刀 水果刀 砍骨刀 斩骨刀 切片刀 菜刀套装 厨师刀 五金工具 工具套装 工具箱 手动工具',
  9: '手机 电脑 平板 耳机 蓝牙耳机 充电器 数据线 音箱 相机 摄像头 眼镜 太阳镜 手机壳 充电宝 电池 软件 电子版 DVD 光盘 影碟 游戏机 U盘 键盘 鼠标 显示器 电视 液晶电视 投影仪 路由器 智能手表 平板电脑 笔记本电脑 电子书 行车记录仪 鼠标垫 插座 插线板 排插 插排 拖线板 开关 电线 电缆 充电线 手机膜 钢化膜 保护壳 蓝牙音箱 麦克风 电子秤 体重秤 计算器 头盔 安全帽 监控 纽扣电池 碱性电池 锂电池 游戏本 显卡 主板 内存条 硬盘 固态硬盘 存储卡 内存卡 智能手环 手环 对讲机 收音机 播放器 打印机 电源适配器 数码相机 无人机 智能手机 智能机 安卓机 备用机 老人机 漏电保护器 断路器 空气开关 接触器 交流接触器 继电器 变压器 电表 电能表 电瓶 蓄电池 汽车电瓶 稳压器 逆变器 传感器 变频器 配电箱 光伏板 太阳能板 电源线 延长线 灯泡开关 插头 转换插头 充电桩 电子烟具 智能门锁 门铃 摄像机 监控摄像头 望远镜 显微镜 耳麦 声卡 硒鼓 打印机墨盒 移动电源 点读机 学习机 早教机 学习平板 配镜 近视眼镜 镜框 镜片 老花镜 墨镜 充电头 快充头 打碟机 激活码 处理器 CPU 充电枪 随车充 磁铁 卷尺 钢卷尺 光纤跳线 光纤连接器 滑雪镜 泳镜 护目镜 拍立得 反光贴 反光条 兑换码',
  10: '医疗器械 血压计 体温计 口罩 按摩器 轮椅 假牙 按摩椅 按摩枪 理疗仪 助听器 避孕套 安全套 听诊器 血糖仪 雾化器 拔罐器 奶嘴 吸奶器 制氧机 血氧仪 血糖试纸 艾灸盒 助行器 拐杖 护腰 腰托 护膝 丁腈手套 医用手套 检查手套 一次性手套 乳胶手套',
  11: '空调 冰箱 电饭煲 热水器 电磁炉 微波炉 电暖器 灯 台灯 吊灯 风扇 电风扇 净水器 加湿器 烤箱 燃气灶 油烟机 吹风机 电吹风 电热水壶 电水壶 电饭锅 电压力锅 空气炸锅 饮水机 暖风机 取暖器 浴霸 手电筒 马桶 智能马桶 坐便器 花洒 水龙头 淋浴 浴缸 灯泡 灯具 吸顶灯 空气净化器 暖手宝 电热毯 消毒柜 集成灶 蒸烤箱 热水壶 烧水壶 电烤箱 制冰机 冰柜 冷柜 除湿机 香薰机 夜灯 卫浴 电饭煲内胆 灯管 LED灯 筒灯 射灯 路灯 手电 暖气片 散热器 空气能 燃气热水器 壁挂炉 油汀 风幕机 净化器 消毒机 电火锅 料理锅 多功能锅 电煮锅 电热锅 电炖锅 电蒸锅 电饼铛 煮蛋器 养生壶 电炖盅 落地扇 照明 照明灯具 水槽 洗菜盆 烟机 灶具 烟灶 龙头 面盆 台盆',
  12: '汽车 电动车 电动自行车 电瓶车 自行车 摩托车 轮胎 汽车配件 童车 雨刮器 雨刷 座套 汽车座套 脚垫 汽车脚垫 方向盘套 轮毂 刹车片 后视镜 婴儿车 婴儿推车 平衡车 滑板车 电动滑板车 货车 房车 新能源汽车 电动汽车 三轮车 变速箱 变速器 离合器 减震器 避震器 方向盘 保险杠 挡风玻璃 汽车玻璃 车窗 重卡 卡车 汽车轮胎 刹车盘 汽配 车灯 大灯 雾灯 尾灯 车载支架 行李架 挂车 安全座椅 儿童安全座椅 山地车 公路车 折叠车 单车 挡泥板 车标 车贴 车身贴 踏板车 越野车 代步车 老年代步车 电动四轮车 自卸车 驾驶室 刹车总泵 中网 拖拉机 转向机 转向器',
  14: '手表 珠宝 首饰 项链 戒指 手镯 耳环 耳钉 耳饰 胸针 黄金 足金 金饰 银饰 玉石 吊坠 手链 手串 珍珠 钻戒 金条 腕表 机械表 石英表 转运珠 翡翠 和田玉 玉镯 银镯 饰品 挂钟 座钟 石英钟 钟表 闹钟 男表 女表 表带',
  15: '电子琴 钢琴 吉他 古筝 二胡 尤克里里 乐器 竖笛 口琴 笛子',
  16: '书 书籍 图书 读本 传记 期刊 绘本 杂志 笔记本 文具 明信片 海报 纸巾 纸杯 奶茶杯 画册 教材 台历 笔 字帖 贴纸 书签 日历 钢笔 铅笔 圆珠笔 中性笔 本子 作业本 练习册 试卷 真题 讲义 复印纸 打印纸 包装盒 包装袋 手提袋 纸袋 纸箱 挂画 书法 国画 字画 信封 胶带 文件夹 卡片 纸 宣纸 抽纸 卫生纸 卷纸 面巾纸 餐巾纸 修正带 订书机 档案盒 票据夹 墨汁 毛笔 砚台 颜料 丙烯颜料 金笔 唐卡 装饰画 速写本 素描本 线装书 剪纸 窗花 字典 词典 印泥 游记 小说 名著 原著',
  17: '水管 PPR水管 防水胶 管件 铝塑管 地暖管 燃气管',
  18: '包 箱包 钱包 手提包 背包 双肩包 行李箱 皮具 雨伞 皮带 挎包 斜挎包 单肩包 托特包 腰包 旅行箱 拉杆箱 相机包 腋下包 水桶包 马鞍包 链条包 手拿包 零钱包 卡包 胸包 电脑包 女包 男包 手袋 皮包 公文包 伞 遮阳伞 太阳伞 登山杖 宠物衣服 书包 饺子包 云朵包 枕头包 折叠伞 晴雨伞 帆布包 项圈 牵引绳 狗绳',
  19: '瓷砖 地板 木地板 石材 大理石 水泥 玻璃 木门 石膏板 防水卷材 耐火砖 岩板 地砖 墙砖 防水浆料 腻子 生态板 免漆板 美缝剂 河沙 黄沙 建筑用沙 沙石 奇石 原石 景观石 观赏石 假山石 石料',
  20: '家具 沙发 床垫 椅子 桌子 柜子 镜子 相框 床 床架 衣柜 鞋柜 书架 置物架 收纳盒 收纳箱 整理箱 展示架 展示盒 酒柜 抱枕 枕头 凳子 茶几 餐桌 办公桌 摆件 工艺品 衣架 货架 椅 沙发床 乳胶枕 护颈枕 茶台 餐椅 儿童餐椅 婴儿床 宝宝床 折叠椅 橱柜 整体橱柜 全屋定制 扶手椅 休闲椅 实木床 双人床 婚床 圈椅 太师椅 化妆镜 浴室柜 凉席 书柜 红木家具',
  21: '杯子 保温杯 水杯 茶具 陶瓷茶具 餐具 锅 炒锅 碗 盘子 厨具 牙刷 梳子 奶瓶 陶瓷杯 马克杯 玻璃杯 茶杯 茶壶 紫砂壶 花瓶 饭盒 保鲜盒 拖把 垃圾桶 砧板 菜板 调料瓶 酒杯 酒具 砂锅 不粘锅 蒸锅 汤锅 茶盘 茶具套装 水壶 保温壶 猫碗 食盆 密封罐 储物罐 洗碗手套 碗碟 碗筷 碟子 餐盘 汤碗 饭碗',
  22: '帐篷 天幕 遮阳棚 绳索 渔网 篷布',
  23: '毛线 羊绒线 绒线',
  24: '床上用品 被子 毛巾 窗帘 四件套 毛毯 绸布 绸缎 丝绸 布料 面料 棉布 床单 被套 枕套 浴巾 桌布 门帘 蚊帐 家纺 纯棉毛巾 夏凉被 空调被 凉被 蚕丝被 羽绒被 棉被 四季被 春秋被 被芯 羊毛被 冬被',
  25: '服装 服饰 衣服 外套 衬衫 T恤 短袖 卫衣 夹克 羽绒服 裤子 牛仔裤 裙子 连衣裙 鞋 运动鞋 布鞋 皮鞋 篮球鞋 拖鞋 棉拖鞋 袜子 帽子 围巾 手套 内衣 男装 女装 童装 polo衫 休闲鞋 板鞋 帆布鞋 跑鞋 老爹鞋 凉鞋 靴子 雪地靴 马丁靴 冲锋衣 棉服 毛衣 针织衫 卫裤 运动裤 休闲裤 打底裤 睡衣 泳衣 比赛服 篮球服 球衣 鞋垫 腰带 领带 丝巾 马甲 背心 衬衣 西装 西服 旗袍 汉服 婚纱 礼服 童鞋 女鞋 男鞋 高跟鞋 单鞋 雨靴 棉鞋 工装 校服 工作服 披肩 打底衫 运动服 运动套装 足球鞋 登山鞋 徒步鞋 小白鞋 上衣 短裤 连体衣 爬服 哈衣 鹅绒服 防晒衣 太极服 练功服 表演服 学位服 袖套 防晒袖套 内裤 派克服 风衣 礼帽 爵士帽 棉帽 瓜皮帽 跑步鞋 抓绒衣 摇粒绒 速干裤 文胸 羊毛衫 鸭舌帽 渔夫帽 滑雪服 泳帽 冲锋裤',
  26: '发夹 发卡 发箍 头饰 发圈 头绳 发饰 纽扣 拉链 假发 花边 胸花 十字绣 徽章 胸章 团扇',
  27: '地毯 地垫 壁纸 手工编织地毯',
  28: '玩具 毛绒玩具 变形机器人 汽车机器人 机器人玩具 变形玩具 合金玩具 公仔 积木 儿童积木玩具 游戏 球拍 钓具 健身器材 充气气模 气模 手办 盲盒 毛绒玩偶 玩偶 钥匙扣 拼图 足球 篮球 滑板 扑克 钓鱼竿 鱼竿 渔具 羽毛球 乒乓球 网球 高尔夫球 跳绳 哑铃 瑜伽垫 滑雪板 遥控车 遥控飞机 模型 娃娃 芭比娃娃 风筝 圣诞树 气球 魔方 回旋镖 弹弓 水枪 挂件 潮玩 椭圆机 跑步机 太极剑 套胶 机器人 舞狮道具 狮头 动感单车 健身车 鱼钩 钓竿 鱼饵 路亚饵 鱼线 浮漂',
  29: '卤鹅 卤鸭 猪蹄 红烧猪蹄 龟苓膏 香瓜子 五香瓜子 葵花籽 西瓜子 南瓜子 炒货 肉 牛肉 羊肉 鱼干 虾仁 牦牛肉 牦牛肉干 藏羊肉 猪肉 鸡肉 肉干 牛肉干 火腿 香肠 腊肉 鸭脖 卤味 鸭翅 鸭掌 龙虾 小龙虾 海鲜 鱼 虾 奶 牛奶 酸奶 奶粉 奶酪 黄油 酥油 食用油 菜籽油 花生油 橄榄油 果冻 蛋 鸡蛋 咸菜 榨菜 酱菜 坚果 核桃 瓜子 花生 红枣 干果 陈皮 复原乳 豆腐 海参 带鱼 大闸蟹 螃蟹 腊肠 肉松 猪肉脯 牛肉粒 羊排 羊肉串 泡菜 罐头 午餐肉 皮蛋 咸鸭蛋 松花蛋 燕窝 鸡爪 凤爪 鱼丸 牛肉丸 虾滑 肉丸 腐竹 豆干 紫菜 海带 果干 冻干 牛排 羊肉卷 肥牛卷 手把肉 风干牛肉 酸菜 辣白菜 咸蛋黄 乳制品 奶片 奶皮 奶豆腐 豆浆粉 火腿肠 淀粉肠 烤肠 午餐肠 熏肉 卤肉 酱肉 扒鸡 烧鸡 盐水鸭 板鸭 咸鸭 鸭血 毛肚 牛杂 羊杂碎 滩羊肉 粉皮 调和油 热狗肠 玉米肠 八宝菜 刺参 鱿鱼丝 海鸭蛋 凉果 蜜饯 佛跳墙 鱼头 黑木耳 木耳 泡豇豆 酸豆角 红肠 腊味 下饭菜 预制菜 山茶油 黄鱼 黄花鱼 干酪 芝士 纯奶 纯牛奶 碧根果 长寿果 夏威夷果 小鱼仔 甜虾 大虾 刺身 甜皮鸭 牛肝菌 山核桃 山核桃仁',
  30: '茶行 茶庄 茶 茶叶 绿茶 红茶 白茶 普洱 奶茶 咖啡 饼干 糕点 面包 蛋糕 月饼 糖果 巧克力 冰淇淋 雪糕 方便面 面条 拉面 牛肉面 红烧牛肉面 米 大米 香米 贡米 米线 面粉 青稞面粉 调味品 调料 调味酱 酱 酱油 醋 陈醋 盐 味精 鸡精 蜂蜜 花椒 辣椒 干辣椒 线辣椒 胡椒 火锅底料 底料 汤圆 饺子 包子 馒头 粽子 零食 薯片 酿皮 香醋 老陈醋 豆瓣酱 辣椒酱 挂面 螺蛳粉 酸辣粉 粉丝 年糕 麻花 雪饼 仙贝 肉夹馍 豆瓣 烧饼 馅饼 蛋黄酥 桃酥 酥饼 鲜花饼 米糕 粥 八宝粥 燕麦 麦片 燕麦片 谷物 藕粉 芝麻糊 红糖 冰糖 白糖 酵母 淀粉 咖啡豆 咖啡粉 速溶咖啡 茶包 沱茶 熟茶 生茶 饼茶 毛尖 龙井 铁观音 大红袍 乌龙茶 花茶 代用茶 祛湿茶 养生茶 饺子皮 春卷 冰棍 冰棒 布丁 蛋挞 披萨 汉堡 三明治 寿司 米粉 河粉 凉面 莜面 荞麦面 意大利面 自热火锅 调味料 孜然 咖喱 芥末 沙拉酱 番茄酱 蚝油 料酒 糍粑 麻薯 锅巴 爆米花 辣条 糖葫芦 冰粉 凉粉 十三香 五香粉 花椒粉 胡椒粉 辣椒面 蒸鱼豉油 生抽 老抽 鸡粉 调味汁 麻酱 芝麻酱 花生酱 果酱 蜂蜜柚子茶 锅盔 烙饼 凉糕 酥糖 月饼礼盒 小麦粉 高筋小麦粉 口香糖 奶糖 豆豉 松糕 瓜片 碧螺春 毛峰 籼米 丝苗米 润喉糖 老婆饼 肉粽 锅盖面 刀切面 虾饺 烧卖 叉烧包 青稞面 糯米饭 老友粉 红米 糙米 新年糖 什锦糖 大骨面 抹茶粉 雀舌 马卡龙 辣片',
  31: '水果 新鲜水果 蔬菜 大闸蟹 螃蟹 河蟹 湖蟹 活蟹 苹果 红富士苹果 冰糖心 冰糖心苹果 梨 香梨 长把梨 脐橙 橙子 柑橘 葡萄 枸杞 黑枸杞 红枸杞 大蒜 紫皮大蒜 活龙虾 活鱼 牦牛 藏羊 种子 花卉 鲜花 粮食 饲料 鲜货 猕猴桃 奇异果 水蜜桃 草莓 红枣 大枣 哈密瓜 马铃薯 土豆 大葱 当归 猫粮 狗粮 宠物食品 榴莲 芒果 荔枝 龙眼 桂圆 椰子 山竹 樱桃 车厘子 蓝莓 杨梅 柚子 柠檬 菠萝 凤梨 火龙果 李子 柿子 甘蔗 西红柿 番茄 黄瓜 茄子 南瓜 红薯 山药 竹笋 蘑菇 香菇 松茸 活虾 鲍鱼 海胆 生蚝 活海鲜 鲜人参 林下参 园参 苗木 盆栽 冻梨 酥梨 皇冠梨 黄冠梨 金桔 沙田柚 胖头鱼 沃柑 杧果 黄桃 桃子 芋艿 芋头 折耳根 鱼腥草 百香果 牛油果 树苗 兰花 兰花苗 建兰',
  32: '饮料 饮品 果汁 可乐 汽水 碳酸饮料 凉茶 矿泉水 纯净水 苏打水 啤酒 运动饮料 植物饮料 蛋白饮料 花生牛奶 沙棘汁 柠檬水 冰川水 气泡水 能量饮料 功能饮料 核桃乳 椰汁 椰子汁 酸梅汤 杏仁露 核桃露 电解质水 精酿啤酒 精酿 扎啤 原浆啤酒 果味饮料 乳酸菌饮料 茶饮料 特饮 汽水饮料 苏打水饮料 老汽水 橙汁 酸梅汁 椰奶 豆奶饮料 大杯 中杯 小杯 超大杯 饮用水 天然水 山泉水 蒸馏水 豆奶 凉白开 黑啤 生啤 干啤 拉格 蛇草水 桶装水 矿泉 冰纯 乳酸菌饮品',
  33: '酒 白酒 红酒 葡萄酒 黄酒 米酒 青稞酒 果酒 酩馏酒 干红 干白 威士忌 白兰地 伏特加 香槟 露酒 配制酒 预调酒 鸡尾酒 清酒 梅酒 烧酒 高粱酒 原浆酒 酱香酒 酱香型白酒 浓香型白酒 保健酒 米香酒 纯粮酒 原浆 年份原浆 浓香型 酱香型 清香型 散装白酒 散酒 二锅头 洋酒 起泡酒 气泡酒 冰白 冰红 冰酒 梅洛 赤霞珠 大吟酿 纯米酒',
  34: '香烟 卷烟 电子烟 烟弹 打火机 烟嘴 雪茄 烟丝 烟斗',
  35: '加盟 招商 加盟招商 代理 批发 连锁 开店 广告 超市 便利店 零售 药房 大药房 商城 代运营',
  36: '投资 理财 保险 金融 房地产 贷款 典当 房产 租房 物业 房屋出租 出租房 两室一厅 三室一厅 三室两厅 二手房 拎包入住',
  37: '洗车 精洗 打蜡 汽车美容 汽车保养 保养 维修 上门维修 安装 上门安装 清洗 家电清洗 装修 洗衣 干洗 洗鞋 皮具护理',
  38: '宽带 通讯',
  39: '旅游 一日游 日游 跟团 纯玩 自由行 导游 包车 门票 景区门票 旅行 物流 快递 停车 仓储 货运 旅行社',
  40: '印刷 刺绣 定制加工 来料加工',
  41: '培训 课程 教育 钢琴培训 补习 演出 健身 攻略 电影 纪录片 考研 辅导 家教 早教 驾校 幼儿园 研学 夏令营 讲座 展览 演唱会 瑜伽 游泳 舞蹈 网课 题库 声乐课 体验课 外教 在线课 招生 摄影 写真 全家福 婚纱照 证件照 拍照 照相馆 手游 网游 页游',
  42: '设计 软件开发 网站建设 检测 室内设计',
  43: '餐饮 餐厅 饭店 火锅 堂食 外卖 餐饮券 代金券 套餐 早餐 西餐 中餐 自助餐 双人餐 单人餐 酒店 宾馆 民宿 客栈 住宿 小吃 灌汤包 烤鸭 胡辣汤 水煎包 小笼 小笼包 麻辣烫 麻辣香锅 冒菜 串串香 烧烤 烤肉 烤鱼 酸菜鱼 黄焖鸡 卤肉饭 盖浇饭 煲仔饭 面馆 馄饨 生煎 煎饼 凉皮 热干面 羊杂 羊肉串 咖啡馆 茶楼 茶馆 农家乐 烤全羊 手抓羊肉 涮羊肉 羊肉汤 牛肉汤 炒饭 盖饭 快餐 工作餐 家常菜 湘菜 川菜 粤菜 火锅店 宴席 夜宵 鸡饭 白切鸡 剁椒鱼头 烤生蚝 海景房 大床房',
  44: '体检 体检套餐 医院 诊所 美容 健康管理 养生 口腔 牙科 整形 医美 美容院 按摩 推拿 足疗 理疗 月子中心 宠物医院 彩超 四维彩超 孕检 产检 体检中心 洗浴 搓澡 汗蒸 桑拿 眼科 视光中心 足浴 美发 剪发 理发 烫发 烫染 发型 发型师 美甲 美睫 纹绣 面部护理 皮肤管理',
  45: '婚介 相亲 家政 保安 法律咨询 殡葬',
};

/**
 * Characters that end a goods word of their class whatever stands before them (德训鞋, 阔腿裤, 高粱酒, 香醋, 岩茶, 地坪漆,
 * 老板椅): a word
 * of a title that ends in one names such goods. Alone they sit inside other words (鞋业, 酒店), so only at a word's end.
 */
const HEAD_CLASSES = new Map<string, number>([
  ['鞋', 25], ['靴', 25], ['衫', 25], ['裤', 25], ['裙', 25], ['袜', 25], ['酒', 33], ['醋', 30], ['酱', 30], ['茶', 30],
  ['锅', 21], ['壶', 21], ['杯', 21], ['霜', 3], ['丸', 5], ['灯', 11], ['漆', 2], ['椅', 20],
]);

/** Words that say how goods are packed or grouped (五金工具套装, 茶叶礼盒): the goods word before them ends there. */
const PACKING_WORDS = /^(?:套装|礼盒|套餐|组合|整箱)/;

/** Whether the text ends a word at i (a space, a mark of punctuation, a packing word or the end follows). */
function endsWordAt(text: string, i: number): boolean {
  const next = text[i + 1];
  return next === undefined || /[\s,，、。;；:：!！?？()（）【】[\]/|+*]/.test(next) || PACKING_WORDS.test(text.slice(i + 1, i + 3));
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

/** A text's goods classes (goodsClassesIn), and those of the goods words among them that end a word of the text. */
export interface GoodsRead {
  classes: number[];
  wholeWordClasses: number[];
}

/**
 * The classes of the goods words found in a text (longest match first), outside [skipStart, skipEnd), read once for
 * both kinds of question: every goods word, and only those that end a word of the title (酸奶 of 酸奶机 and 荔枝 of
 * 荔枝保果 name no goods).
 */
export function goodsReadIn(text: string, skipStart = -1, skipEnd = -1): GoodsRead {
  const found = new Set<number>();
  const whole = new Set<number>();
  const add = (c: number, endsWord: boolean) => {
    found.add(c);
    if (endsWord) whole.add(c);
  };
  for (let i = 0; i < text.length;) {
    if (i >= skipStart && i < skipEnd) { i = skipEnd; continue; }
    let matched = 0;
    for (let n = Math.min(longest, text.length - i); n >= 1; n--) {
      const classes = WORD_CLASSES.get(text.slice(i, i + n));
      if (classes) {
        const endsWord = endsWordAt(text, i + n - 1);
        for (const c of classes) add(c, endsWord);
        matched = n;
        break;
      }
    }
    if (!matched) {
      const head = HEAD_CLASSES.get(text[i]!);
      if (head !== undefined && endsWordAt(text, i)) add(head, true);
    }
    i += matched || 1;
  }
  // the size and English goods words outside the skipped span too: a brand's own words (TEA HOUSE) name no goods
  const outside = skipStart >= 0 ? `${text.slice(0, skipStart)} ${text.slice(skipEnd)}` : text;
  if (SIZE.test(outside)) add(25, true);
  if (SPIRIT_STRENGTH.test(outside)) add(33, true);
  if (/[A-Za-z]{3}/.test(outside)) {
    for (const word of outside.toUpperCase().match(/[A-Z]+/g) ?? []) for (const c of LATIN_GOODS.get(word) ?? []) add(c, true);
  }
  return { classes: [...found], wholeWordClasses: [...whole] };
}

/** goodsReadIn's classes, or with `wholeWords` only those of goods words that end a word of the text. */
export function goodsClassesIn(text: string, skipStart = -1, skipEnd = -1, wholeWords = false): number[] {
  const read = goodsReadIn(text, skipStart, skipEnd);
  return wholeWords ? read.wholeWordClasses : read.classes;
}

/** English names of goods that titles of imported or export goods use (TSINGTAO BEER 出口版), matched as whole words. */
const LATIN_GOODS = new Map<string, number[]>(Object.entries({
  BEER: [32], WINE: [33], WHISKY: [33], WHISKEY: [33], VODKA: [33], BRANDY: [33], COGNAC: [33], GIN: [33], RUM: [33],
  COFFEE: [30], TEA: [30], CHOCOLATE: [30], PERFUME: [3], LIPSTICK: [3], SHOES: [25], SNEAKER: [25], SNEAKERS: [25],
  HOODIE: [25], JACKET: [25], HANDBAG: [18], TOY: [28], TOYS: [28],
}));

/** A shoe or garment size (42码, XL码, 尺码) says the goods are worn, whatever the title calls them (Air Force 1 42码). */
const SIZE = /(?<![\d.])(?:3[4-9]|4[0-7])(?:\.5)?码|(?<![A-Z])(?:X{0,3}[SML]|[2-5]XL)码|尺码/i;

/**
 * The strength of a spirit (52度, 42度): what baijiu, baijiu-like and fruit spirits are sold by. 30 degrees or more, so
 * not a beer's or a wine's (11度, 14度), and not a temperature (60度恒温, 37度C) nor a brand written with ° (361°).
 */
const SPIRIT_STRENGTH = /(?<![\d.])(?:[3-6]\d|70)度(?![CcＣ℃]|恒温|水温|高温|保温|以上|以下)/;

/**
 * Goods of a title that are a visit to a place or an account of a place or a person — a trip, a ticket, a stay, a
 * guide, a book, a film — so a public name beside them is their subject, not the name they are sold under (九寨沟
 * 二日游, 张桂梅 事迹读本). A meal or a local product is sold under the name (淄博烧烤 套餐), so no such word.
 */
/** A book, a film, a disc: an account of what it names. */
const BOOK_AND_FILM_WORDS = ['图书', '书籍', '读本', '传记', '全集', '诗集', '小说', '平装', '杂志', '期刊', '纪录片', '电影', 'DVD', '光盘', '影碟'];
const ACCOUNT_WORDS = [
  // a trip, a ticket, a stay (旅游 alone is no trip: 旅游纪念品 are goods sold under the name)
  '日游', '跟团', '纯玩', '自由行', '旅游团', '旅行团', '旅行社', '门票', '导游', '包车', '酒店', '宾馆', '民宿', '客栈', '住宿',
  '攻略',
  // a book, a film, a map
  ...BOOK_AND_FILM_WORDS, '明信片', '地图',
];
/** A book, a film or a course: what a title sells when it gives an account of a brand (江小白 营销案例 书籍). */
const MEDIA_WORDS = [...BOOK_AND_FILM_WORDS, '课程', '网课', '教程', '案例', '拆解'];

/** Where a title's book, film and course words stand, [start, end) each (MEDIA_WORDS), found once per title. */
export function mediaWordsIn(title: string): [number, number][] {
  return wordsAt(title, MEDIA_WORDS);
}

/** Right after a place's name, the place given as the goods' origin (青海湖特产, 青海湖 土特产), not their name. */
const ORIGIN_WORDS = ['特产', '土特产'];

/** Where a title's visit and account words stand, [start, end) each (ACCOUNT_WORDS), found once per title. */
export function accountWordsIn(title: string): [number, number][] {
  return wordsAt(title, ACCOUNT_WORDS);
}

/**
 * Where each of the words stands in a title, [start, end) each, letters compared in upper case (dvd is DVD). A word
 * followed by one of merchandise (电影周边, 酒店同款) names goods made after it, not a film or a stay, and is passed by.
 */
function wordsAt(title: string, words: readonly string[]): [number, number][] {
  const upper = title.toUpperCase();
  const found: [number, number][] = [];
  for (const w of words) {
    for (let at = upper.indexOf(w); at >= 0; at = upper.indexOf(w, at + 1)) {
      if (!MERCHANDISE.test(upper.slice(at + w.length, at + w.length + 3))) found.push([at, at + w.length]);
    }
  }
  return found;
}

/** Words after a film's or a place's word that make it goods styled after it: 周边, 同款, 衍生品, 主题. */
const MERCHANDISE = /^\s?(周边|同款|衍生|主题)/;

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
 * …or a list of other brands the goods fit too, each a short word, set apart by spaces, 、 or / (适用于君乐宝 飞鹤 惠氏):
 * at most three of them, this many characters in all.
 */
const FITS_LIST_REACH = 16;
/** A brand of the list is a short word, maybe with its model in letters and digits after it (苹果MacBook, iPhone15). */
const BRAND_LIST = /^\s*(?:[^\s、/,，;；()（）【】[\]|+*]{1,6}[A-Za-z0-9-]{0,10}[\s、/]+){1,3}$/u;

/**
 * After the brand, its model and the accessory, then the fits word (vivo X100 钢化膜 适用, 比亚迪宋PLUS 雨刮器 适配): at most
 * this many characters between them. 专用 counts only right after a model written in letters and digits (五菱宏光MINIEV
 * 专用 座套), since after goods words it says what the goods are for (柠檬水冲饮专用). A fits word with another name right
 * after it names that brand (原神 手机壳 适用苹果15: a case with the game's picture for an Apple phone), not this one.
 */
const FITS_AFTER_REACH = 12;
const FITS_AFTER = /^(.*?)(适用于|适用|适配|兼容)(?=$|[\s,，、。;；!！?？()（）【】[\]/|+*]|[型机款车])/;
const DEDICATED_AFTER = /^[\s\dA-Za-z+-]*专用/;

/**
 * Whether the title says that its goods fit the named brand's products (FITS_WORDS): right before [start, end) or a
 * few characters before it (FITS_REACH), or after it past the model and the accessory (FITS_AFTER_REACH); no
 * punctuation between.
 */
export function fitsTheNamed(title: string, start: number, end = start): boolean {
  const before = title.slice(Math.max(0, start - FITS_LIST_REACH - 3), start);
  const fitsBefore = FITS_WORDS.some((w) => {
    const at = before.lastIndexOf(w);
    if (at < 0) return false;
    const raw = before.slice(at + w.length);
    const gap = raw.trim();
    return (gap.length <= FITS_REACH && !PUNCTUATION.test(gap)) || BRAND_LIST.test(raw);
  });
  if (fitsBefore || end <= start) return fitsBefore;
  const after = title.slice(end, end + FITS_AFTER_REACH + 3);
  const gap = FITS_AFTER.exec(after)?.[1];
  if (gap !== undefined && gap.length <= FITS_AFTER_REACH && !PUNCTUATION.test(gap)) return !namesOtherGoodsItFits(title.slice(start, end), gap);
  return DEDICATED_AFTER.test(after);
}

/**
 * Whether a name that carries its own goods word (章丘铁锅, 阳江刀剪) is followed by goods of other classes that the fits
 * word then names (章丘铁锅 燃气灶适用: the pot suits a gas stove): the goods sold are the named ones, not an accessory
 * of them. An accessory of the same class as the named goods (小米手机 钢化膜 适用) is still one.
 */
function namesOtherGoodsItFits(name: string, gap: string): boolean {
  const own = goodsClassesIn(name);
  if (own.length === 0) return false;
  const fitted = goodsClassesIn(gap);
  return fitted.length > 0 && !fitted.some((c) => own.includes(c));
}

const PUNCTUATION = /[,，、。;；!！?？()（）【】[\]/|+*]/;

/**
 * A title reselling goods someone owned: second-hand, idle, n-tenths new (二手, 闲置, 九成新, 95新), worn once or bought
 * in the wrong size (只穿一次, 买大了), unopened and left over (没开封, 吃不完, 婚宴剩的), sold off cheap to be picked up
 * (便宜出, 同城自提, 可小刀: the words of a person selling on).
 */
const RESALE = /二手|闲置|转卖|[1-9一二三四五六七八九]成新|9\d新|(只|仅|就)?穿(过|了)?[一1两2几]次|买(大|小|多)了|(没|未)(拆封|开封)|(吃|用)不完|用不上|剩的|(便宜|低价|亏本)(出|转)|同城自提|可小刀|个人收藏/;
/**
 * …unless it says they are copies: resold copies are copies still, and so are goods a seller calls factory stock, left
 * over or stripped of their codes (工厂货, 尾单, 刮码), or, as sneaker copies are sold, of a "company grade" (公司级, 纯原).
 */
const COPY_WORDS = /高仿|仿品|精仿|复刻|原单|尾单|工厂货|原厂代工|无码|刮码|纯原|公司级|莆田版|莆田顶级|莆田纯原|A货|一比一|1[:：比]1(?![0-9])/i;

/**
 * Whether a title resells goods a buyer owned (二手 戴森吹风机 九成新): the brand there names the genuine article, whose
 * resale the mark does not reach — unless the title sells them as copies (高仿, 复刻, 1:1).
 */
export function resoldGoods(title: string): boolean {
  return RESALE.test(title) && !COPY_WORDS.test(title);
}

const TOY_WORDS = /玩具|模型|车模|手办|公仔|积木|盲盒|玩偶|毛绒|摆件|周边|拼装/;

/** Whether a title sells toys or models (玩具, 车模, 手办): merchandise that copies a brand's own goods. */
export function sellsToys(title: string): boolean {
  return TOY_WORDS.test(title);
}

/**
 * Whether a title sells its goods as copies (高仿, 复刻, 1:1, 原单, 纯原, 莆田版; not a model's scale, 1:18): a brand
 * written there is the one copied.
 */
export function sellsCopies(title: string): boolean {
  return COPY_WORDS.test(title);
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
const AUTHORISED = /授权|防伪|专用标志|地理标志|地标产品|双标/;

/** Whether a title says its seller may use a geographical indication (协会授权, 防伪蟹扣, 地理标志产品, 双标双码). */
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
