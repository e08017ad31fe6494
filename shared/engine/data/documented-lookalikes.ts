// Written by hand, not generated: look-alike pairs that squatters are reported to use and that the generated tables
// (confusables.ts, shapes.ts) miss, because the characters differ by a stroke where they have only a few (永 is 水 with
// a dot) or by a small part whose rendered ink moves the whole glyph. Each pair is kept only with a public case behind it.
/** Each line: a character, its look-alike and a similarity digit (7 = 0.7), then the cases it was seen in. */
export const DOCUMENTED_LOOKALIKES = `永水7 水久 for 永久 (bicycles), 永星 beside 水星 (bedding), 水生 for 永生 (pens)
丸九7 九美 for 丸美 (cosmetics)
光先7 晨先 for 晨光 (stationery), 国先 for 国光 (plant regulators)
康廉7 廉师傅 for 康师傅 (instant noodles, 巫山 market regulator)
公会7 会牛 for 公牛 (sockets, court case)
豪蒙7 豪牛 for 蒙牛 (milk, 邳州 market regulator: 豪牛纯味奶)
人大7 人白免 for 大白兔 (lip balm sold in Shanghai malls, 周到 2020-07-21)
茈花7 荷茈 for 荷花 (monosodium glutamate, 南宁 江南区 market regulator, 南国早报 2020-04-02)
哇呀7 哇!土豆 for 呀!土豆 (potato snacks in village markets, 中国消费者协会 2018 十大消费侵权事件)
处奴7 巴处 for 巴奴 (a hotpot shop's sign and mark, 海淀法院: 一字之差字形相近)`;
