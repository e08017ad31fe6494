// The domain model shared by every layer. Field names follow the meaning of the Chinese headers in
// docs/formats.md; user-facing labels live in CATEGORY_LABELS and the UI, never in these identifiers.
import { z } from 'zod';
import { TEXT_LIMITS, TEXT_LIST_LIMITS, type TextLimit } from './formats/limits';

export const CATEGORIES = ['驰名商标', '地理标志', '省著名商标', '老字号', '涉外商标', '公共资源'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CategorySchema = z.enum(CATEGORIES);

/** Categories whose protection reaches every Nice class (Trademark Law 13.3; arts. 4 and 10 for public names). */
export const ALL_CLASS_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['驰名商标', '公共资源']);

export const NICE_CLASS_MIN = 1;
export const NICE_CLASS_MAX = 45;
export const NiceClassSchema = z.number().int().min(NICE_CLASS_MIN).max(NICE_CLASS_MAX);

const limited = (field: TextLimit) => z.string().max(field.max, `「${field.label}」过长（最多 ${field.max} 字）`);
const R = TEXT_LIMITS.registry;

/**
 * A record of the registry of protected marks (保护名录). The schema keeps the contract's shape and the limits of
 * shared/formats/limits.ts; the full rules (text, dates, classes by category) are validateMark's, which every way
 * into the registry calls.
 */
export const ProtectedMarkSchema = z.object({
  /** 编号: the user's own identifier, used in every report and hit. */
  id: limited(R.id).min(1, '「编号」不能为空'),
  /** 商标名称 */
  name: limited(R.name).min(1, '「商标名称」不能为空'),
  /** 类别 */
  category: CategorySchema,
  /** 国际分类: empty for 公共资源 (every class). */
  classes: z.array(NiceClassSchema),
  /** 注册号 */
  registrationNumber: limited(R.registrationNumber),
  /** 权利人 */
  holder: limited(R.holder),
  /** 别名: pinyin, English name, Chinese name of a Latin mark, older names. */
  aliases: z
    .array(limited(R.alias).min(1, '「别名」不能为空'))
    .max(TEXT_LIST_LIMITS.aliases.max, `「别名」过多（最多 ${TEXT_LIST_LIMITS.aliases.max} 个）`),
  /** 地域: region of a GI or public resource. */
  region: limited(R.region),
  /** 认定日期 as YYYY-MM-DD, YYYY-MM or YYYY, or empty (validateMark reads it with parseRecognitionDate). */
  recognizedOn: z.string().max(40, '「认定日期」过长'),
  /** 备注 */
  notes: limited(R.notes),
});
export type ProtectedMark = z.infer<typeof ProtectedMarkSchema>;

/** A trademark application published in the gazette (初步审定公告). */
export interface Filing {
  /** 申请号 */
  applicationNumber: string;
  /** 商标名称 */
  markText: string;
  /** 国际分类 (one class) */
  niceClass: number;
  /** 商品服务 */
  goods: string[];
  /** 申请人名称 */
  applicant: string;
  /** 申请人地址 */
  applicantAddress: string;
  /** 代理机构 */
  agency: string;
  /** 申请日期 YYYY-MM-DD */
  filedOn: string;
  /** 初审公告期号 */
  gazetteIssue: string;
  /** 初审公告日期 YYYY-MM-DD */
  publishedOn: string;
}

/** An e-commerce listing (电商商品). */
export interface Listing {
  /** 编号 */
  id: string;
  /** 平台 */
  platform: string;
  /** 店铺 */
  shop: string;
  /** 商品标题 */
  title: string;
  /** 链接 */
  url: string;
  /** 价格 */
  price: string;
  /** 所在地 */
  sellerLocation: string;
}

/** Why a hit was flagged: the fixed vocabulary of docs/formats.md. */
export const HIT_REASONS = [
  'identical', 'contains', 'homophone', 'shape', 'variant', 'traditional', 'pinyin', 'alias', 'translation',
  'latin', 'reorder', 'added', 'dropped', 'numeral', 'crossclass', 'components', 'region', 'changed',
  'generic', 'phonetic', 'relatedclass', 'person', 'distinctive', 'figurative', 'viennaCodes',
] as const;
export type HitReason = (typeof HIT_REASONS)[number];

export const REASON_LABELS: Record<HitReason, string> = {
  identical: '相同',
  contains: '包含',
  homophone: '读音相同或相近',
  shape: '字形近似',
  variant: '异体字',
  traditional: '繁体字',
  pinyin: '拼音',
  alias: '别名',
  translation: '译名',
  latin: '外文近似',
  reorder: '颠倒顺序',
  added: '增加文字',
  dropped: '减少文字',
  numeral: '数字变换',
  crossclass: '跨类保护',
  components: '拆字',
  region: '产地不符',
  changed: '改动个别文字',
  generic: '去除通用词',
  phonetic: '英文读音近似',
  relatedclass: '关联类别',
  person: '人名简称',
  distinctive: '保留显著部分',
  figurative: '图形近似',
  viennaCodes: '图形要素相同',
};

/** One aligned pair of characters (or Latin tokens) between the screened text and the protected mark. */
export interface AlignedPair {
  /** index in the screened text, or -1 for a mark character that is missing there */
  textIndex: number;
  /** index in the protected mark's matched name, or -1 for an inserted character */
  markIndex: number;
  relation: AlignedRelation;
  /**
   * UTF-16 offsets [textStart, textEnd) of the character (or Latin word) in the screened string — the filing's mark
   * text, the listing's whole title — and [markStart, markEnd) in the hit's markText; absent for the missing or
   * inserted side. The renderer highlights these spans as they are, without tokenising again.
   */
  textStart?: number;
  textEnd?: number;
  markStart?: number;
  markEnd?: number;
}

export const ALIGNED_RELATIONS = ['same', 'homophone', 'shape', 'variant', 'numeral', 'changed', 'inserted', 'missing', 'latin'] as const;
export type AlignedRelation = (typeof ALIGNED_RELATIONS)[number];

/** A flagged hit, as written to JSON Lines (docs/formats.md) plus the alignment for the reviewer. */
export interface Hit {
  source: 'filing' | 'listing';
  /** 申请号 or listing 编号 */
  id: string;
  /** the registry record's 编号 */
  markId: string;
  score: number;
  reasons: HitReason[];
  /** the screened text (filing mark, or the part of a listing title that matched) */
  text: string;
  /** the protected name or alias that matched */
  markText: string;
  alignment?: AlignedPair[];
  /** For a hit found by image similarity: the sha256 of the screened row's image and of the mark's image compared. */
  images?: { row: string; mark: string };
}
