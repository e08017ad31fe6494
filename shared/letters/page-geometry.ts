// GB/T 9704-2012 measures shared by the letter layout (PDF and preview) and the DOCX renderer, in millimetres and
// points.
// Letter format (信函格式): the issuing body's name 30 mm below the top edge, a red double rule under it; A4;
// 版心 156 × 225 mm (top 37, left 28, right 26 mm); body 3号 (16 pt), 22 lines of 28 characters a page.

export const MM_PER_PT = 25.4 / 72;
export const mm = (value: number): number => value / MM_PER_PT; // mm → pt

export const PAGE = { widthMm: 210, heightMm: 297 } as const;
export const MARGIN = { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 } as const;
/** Letter format: the head sits 30 mm below the page's top edge. */
export const HEAD_TOP_MM = 30;
/** Letter format: both red double rules are 170 mm long, the lower one 20 mm above the page's bottom edge. */
export const RULE_MM = 170;
export const FOOT_RULE_MM = 20;
/** Attachment table page (landscape): narrower margins so that twelve columns fit. */
export const LANDSCAPE_MARGIN = { topMm: 28, bottomMm: 24, leftMm: 20, rightMm: 20 } as const;

/** Chinese type sizes (字号) in points. */
export const SIZE = { 小初: 36, 一号: 26, 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9 } as const;
/** 225 mm of 版心 over 22 lines. */
export const LINE_PT = mm(225) / 22;

export const RED = 'E60012';

/** The red double rules of the letter format: thick 2 pt and thin 0.6 pt lines, 2.8 pt apart (centre to centre). */
export const RED_RULE = { thickPt: 2, thinPt: 0.6, gapPt: 2.8 } as const;
/** 版记 rules: the first and last thick (0.35 mm), the ones between thin (0.25 mm). */
export const RECORD_RULE = { thickPt: mm(0.35), thinPt: mm(0.25) } as const;
/** The page number's top sits 7 mm under the type area, one 4号 character in from its outer edge. */
export const PAGE_NUMBER_GAP_MM = 7;
/** Body lines the signature page must carry with the signature (GB/T 9704 7.3.5: no page with only a seal). */
export const MIN_BODY_LINES_WITH_SIGNATURE = 2;

export const FONTS = {
  /** 发文机关标志 and 标题: 小标宋 where installed. */
  title: '方正小标宋简体',
  titleFallbacks: ['SimHei', '黑体', '方正小标宋_GBK', '华文中宋'],
  /** 正文: 仿宋_GB2312, else the FangSong every Windows has. */
  body: '仿宋_GB2312',
  bodyFallbacks: ['FangSong', '仿宋', 'STFangsong', '华文仿宋'],
  /** 标题 of the attachment and 一级标题: 黑体. */
  heading: '黑体',
  headingFallbacks: ['SimHei', 'STHeiti'],
  /** 页码: 4号半角宋体. */
  song: '宋体',
  songLatin: 'SimSun',
} as const;
