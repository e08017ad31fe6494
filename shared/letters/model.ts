// The letter model: what a referral letter (函) or a notice to a right holder says, independent of its format.
// The draft keeps the user's free text with its {{placeholders}}; filling happens when the letter is previewed or
// issued, so that the document number, known only at issue, can appear in the text.
import { z } from 'zod';
import { CategorySchema, HIT_REASONS } from '../domain';
import { TEXT_LIMITS, TEXT_LIST_LIMITS } from '../formats/limits';
import { textSchema } from '../formats/text-schema';
import { FilingStageSchema } from './stage';

// Every text of a letter passes the one text rule and limit table (shared/formats): bidi controls stripped,
// control characters and invalid bytes refused, lengths limited with a Chinese message.
const S = TEXT_LIMITS.letterSettings;
const T = TEXT_LIMITS.letterTemplate;
const F = TEXT_LIMITS.letterFields;

/** 'referral': to the national office asking it to act; 'holder-notice': to a right holder so that it can oppose. */
export const LETTER_KINDS = ['referral', 'holder-notice'] as const;
export const LetterKindSchema = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof LetterKindSchema>;
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  referral: '移送函（致商标局）',
  'holder-notice': '告知函（致权利人）',
};

/** What the letter asks for one filing. */
export const LETTER_REQUESTS = ['予以驳回', '不予核准注册', '提出异议', '宣告无效', '请求宣告无效'] as const;
export const LetterRequestSchema = z.enum(LETTER_REQUESTS);
export type LetterRequest = z.infer<typeof LetterRequestSchema>;

export const LETTER_STATUSES = ['draft', 'issued', 'superseded'] as const;
export const LetterStatusSchema = z.enum(LETTER_STATUSES);
export type LetterStatus = z.infer<typeof LetterStatusSchema>;
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = { draft: '草稿', issued: '已签发', superseded: '已被替代' };

/** Recipients the national office answers under; the field stays free text. */
export const REFERRAL_RECIPIENTS = ['国家知识产权局商标局', '国家知识产权局'] as const;

/** The issuing body and the fixed lines of every letter (settings, user-editable). */
export const LetterSettingsSchema = z.object({
  /** 发文机关 */
  issuingBody: textSchema(S.issuingBody).pipe(z.string().min(1, '请填写发文机关')),
  /** 发文机关代字, e.g. 青市监商函 */
  bodyCode: textSchema(S.bodyCode).pipe(
    z
      .string()
      .min(1, '请填写发文字号中的机关代字')
      .regex(/^[^\s〔〕[\]()（）0-9]+$/, '机关代字不能含空格、括号或数字，例如：青市监商函'),
  ),
  /** 附注 contact */
  contactPerson: textSchema(S.contactPerson),
  contactPhone: textSchema(S.contactPhone),
  /** 抄送 bodies, separated by 、 or ， */
  copyTo: textSchema(S.copyTo),
  /** 印发机关 */
  printingBody: textSchema(S.printingBody),
});
export type LetterSettings = z.infer<typeof LetterSettingsSchema>;

/** A template per kind: each text may use the placeholders of shared/letters/placeholders.ts. */
export const LetterTemplateSchema = z.object({
  title: textSchema(T.title).pipe(z.string().min(1, '请填写标题')),
  recipient: textSchema(T.recipient),
  /** paragraphs separated by line breaks */
  body: textSchema(T.body).pipe(z.string().min(1, '请填写正文')),
  /** one attachment per line */
  attachments: textSchema(T.attachments),
});
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>;
export const LetterTemplatesSchema = z.object({ referral: LetterTemplateSchema, 'holder-notice': LetterTemplateSchema });
export type LetterTemplates = z.infer<typeof LetterTemplatesSchema>;

/** The two images an image hit compared, by sha256 (the images table; files under the data folder's images/). */
export const FigurePairSchema = z.object({ filing: z.string().regex(/^[0-9a-f]{64}$/), mark: z.string().regex(/^[0-9a-f]{64}$/) });
export type FigurePair = z.infer<typeof FigurePairSchema>;

/** The facts of one confirmed hit on a filing, joined from filings and the protected mark. */
export const LetterHitFactsSchema = z.object({
  hitId: z.number().int().positive(),
  applicationNumber: z.string(),
  markText: z.string(),
  niceClass: z.number().int(),
  applicant: z.string(),
  agency: z.string(),
  gazetteIssue: z.string(),
  publishedOn: z.string(),
  oppositionDeadline: z.string(),
  protectedMarkId: z.string(),
  protectedMarkName: z.string(),
  category: CategorySchema,
  registrationNumber: z.string(),
  holder: z.string(),
  /** the protected mark's classes; empty means every class */
  markClasses: z.array(z.number().int()),
  reasons: z.array(z.enum(HIT_REASONS)),
  /** an image hit's two images (sha256 of the filing's and of the mark's); absent for a hit by name only */
  images: FigurePairSchema.optional(),
});
export type LetterHitFacts = z.infer<typeof LetterHitFactsSchema>;

/** The user's choice for one filing of the letter. */
export const LetterRowChoiceSchema = z.object({
  hitId: z.number().int().positive(),
  /** the clerk's choice of the filing's stage; null: decided from the facts on the letter's date */
  stage: FilingStageSchema.nullable().default(null),
  /** 注册日期 when the clerk knows it (YYYY-MM-DD), else '' */
  registeredOn: z.union([z.literal(''), z.iso.date('注册日期应为 YYYY-MM-DD 格式的日期')]).default(''),
  request: LetterRequestSchema,
  /** article labels such as 第十三条第三款 */
  grounds: z
    .array(textSchema(F.ground).pipe(z.string().min(1)))
    .max(TEXT_LIST_LIMITS.grounds.max, `「法律依据」过多（最多 ${TEXT_LIST_LIMITS.grounds.max} 条）`),
  /** 证据说明 */
  evidence: textSchema(F.evidence),
});
export type LetterRowChoice = z.infer<typeof LetterRowChoiceSchema>;

/** What a draft holds and the user edits. */
export const LetterFieldsSchema = z.object({
  title: textSchema(F.title),
  recipient: textSchema(F.recipient),
  body: textSchema(F.body),
  attachments: textSchema(F.attachments),
  copyTo: textSchema(F.copyTo),
  rows: z.array(LetterRowChoiceSchema).min(1).max(2000),
});
export type LetterFields = z.infer<typeof LetterFieldsSchema>;

/** One row of the attachment table, every cell as printed. */
export const AttachmentRowSchema = z.object({
  applicationNumber: z.string(),
  markText: z.string(),
  niceClass: z.string(),
  applicant: z.string(),
  publication: z.string(),
  deadline: z.string(),
  protectedMark: z.string(),
  category: z.string(),
  registrationNumber: z.string(),
  imitation: z.string(),
  request: z.string(),
  grounds: z.string(),
  /** for a filing found by its image: its image and the mark's, printed in the 申请商标 and 被仿冒商标 cells */
  figures: FigurePairSchema.optional(),
});
export type AttachmentRow = z.infer<typeof AttachmentRowSchema>;

/** The filled letter, ready for a renderer: every string is final text. */
export const LetterDocumentSchema = z.object({
  kind: LetterKindSchema,
  issuingBody: z.string(),
  documentNumber: z.string(),
  title: z.string(),
  recipient: z.string(),
  paragraphs: z.array(z.string()),
  attachments: z.array(z.string()),
  signature: z.string(),
  /** 成文日期 in Arabic numerals: 2026年11月29日 */
  dateText: z.string(),
  /** 附注 line, with its parentheses, or '' */
  note: z.string(),
  copyTo: z.string(),
  printingBody: z.string(),
  printedOn: z.string(),
  table: z.object({ caption: z.string(), rows: z.array(AttachmentRowSchema) }),
});
export type LetterDocument = z.infer<typeof LetterDocumentSchema>;

/**
 * Column headers of the attachment table, in the order of AttachmentRow, with their share of the width. A `whole`
 * column never breaks a line of its cells (numbers, dates, categories: one line per imitated mark).
 */
/** The printed text cells of a row (the figures are drawn in two of them). */
export type AttachmentTextKey = Exclude<keyof AttachmentRow, 'figures'>;

export const ATTACHMENT_COLUMNS: readonly { key: AttachmentTextKey; header: string; width: number; whole?: boolean }[] = [
  { key: 'applicationNumber', header: '申请号', width: 10, whole: true },
  { key: 'markText', header: '申请商标', width: 8 },
  { key: 'niceClass', header: '类别', width: 4, whole: true },
  { key: 'applicant', header: '申请人', width: 12 },
  { key: 'publication', header: '初审公告期号及日期', width: 10 },
  { key: 'deadline', header: '异议截止日', width: 8, whole: true },
  { key: 'protectedMark', header: '被仿冒商标', width: 8 },
  { key: 'category', header: '保护类别', width: 6, whole: true },
  { key: 'registrationNumber', header: '注册号', width: 8, whole: true },
  { key: 'imitation', header: '仿冒方式', width: 9 },
  { key: 'request', header: '请求事项', width: 7 },
  { key: 'grounds', header: '法律依据', width: 13 },
];
