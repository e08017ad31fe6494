// Channels of the referral letters (issue 5): settings and templates, drafting from confirmed hits, preview,
// issue with a number from the per-year sequence, export of the archived files, the archive, supersession.
import { z } from 'zod';
import {
  LetterDocumentSchema,
  LetterFieldsSchema,
  LetterHitFactsSchema,
  LetterKindSchema,
  LetterSettingsSchema,
  LetterStatusSchema,
  LetterTemplateSchema,
  LetterTemplatesSchema,
} from '../letters/model';
import { LetterLayoutSchema } from '../letters/layout-model';
import { savedOrCancelled } from './files';

const Id = z.number().int().positive();
const LetterId = z.object({ id: Id }).strict();
export const LetterFormatSchema = z.enum(['docx', 'pdf']);
export type LetterFormat = z.infer<typeof LetterFormatSchema>;

/** How a hit shows the letters that cover it. */
export const LetterRefSchema = z.object({
  id: Id,
  kind: LetterKindSchema,
  status: LetterStatusSchema,
  documentNumber: z.string().nullable(),
});
export type LetterRef = z.infer<typeof LetterRefSchema>;

/** The font a PDF embeds for its body: the system's 仿宋 or the shipped serif, and why the latter. */
export const PdfFontInfoSchema = z.object({
  source: z.enum(['system', 'shipped']),
  name: z.string(),
  file: z.string(),
  /** why the system's 仿宋 was not used; '' when it was */
  note: z.string(),
});
export type PdfFontInfo = z.infer<typeof PdfFontInfoSchema>;

export const LetterFileSchema = z.object({
  format: LetterFormatSchema,
  sha256: z.string(),
  sizeBytes: z.number().int(),
  /** for a PDF, the body font it embeds, as told to the clerk; '' for DOCX and for files from before it was kept */
  font: z.string(),
});

export const LetterSummarySchema = z.object({
  id: Id,
  kind: LetterKindSchema,
  status: LetterStatusSchema,
  documentNumber: z.string().nullable(),
  title: z.string(),
  recipient: z.string(),
  hitCount: z.number().int(),
  applicationNumbers: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
  /** YYYY-MM-DD */
  issuedOn: z.string().nullable(),
  issuedBy: z.string().nullable(),
  supersedes: LetterRefSchema.nullable(),
  supersededBy: LetterRefSchema.nullable(),
  files: z.array(LetterFileSchema),
});
export type LetterSummary = z.infer<typeof LetterSummarySchema>;

export const LetterDetailSchema = LetterSummarySchema.extend({
  fields: LetterFieldsSchema,
  /** the filings as they are now (draft) or were at issue (issued) */
  facts: z.array(LetterHitFactsSchema),
  /** the frozen document of an issued letter; null for a draft (use letters.preview) */
  document: LetterDocumentSchema.nullable(),
  /** today by the app's clock (YYYY-MM-DD): the date a draft's stages are decided on */
  today: z.string(),
});
export type LetterDetail = z.infer<typeof LetterDetailSchema>;

/** A confirmed hit on a filing, with the letters of any kind that already cover it. */
export const LetterCandidateSchema = z.object({ facts: LetterHitFactsSchema, letters: z.array(LetterRefSchema) });
export type LetterCandidate = z.infer<typeof LetterCandidateSchema>;

export const TemplatesStateSchema = z.object({
  templates: LetterTemplatesSchema,
  defaults: LetterTemplatesSchema,
  customised: z.object({ referral: z.boolean(), 'holder-notice': z.boolean() }),
  placeholders: z.array(z.string()),
});
export type TemplatesState = z.infer<typeof TemplatesStateSchema>;

export const LetterPreviewSchema = z.object({
  document: LetterDocumentSchema,
  layout: LetterLayoutSchema,
  pdfFont: PdfFontInfoSchema,
  /** the attachment's figures (image hits) as PNG data: URLs by sha256, for the layout's image items */
  figures: z.record(z.string(), z.string()),
});
export type LetterPreview = z.infer<typeof LetterPreviewSchema>;

const NoInput = z.object({}).strict();

export const lettersContract = {
  'letters.settings.get': { input: NoInput, output: LetterSettingsSchema },
  'letters.settings.set': { input: z.object({ settings: LetterSettingsSchema }).strict(), output: LetterSettingsSchema },
  'letters.templates.get': { input: NoInput, output: TemplatesStateSchema },
  'letters.templates.set': {
    input: z.object({ kind: LetterKindSchema, template: LetterTemplateSchema }).strict(),
    output: TemplatesStateSchema,
  },
  'letters.templates.reset': { input: z.object({ kind: LetterKindSchema }).strict(), output: TemplatesStateSchema },

  /** Confirmed filing hits not yet in a draft or issued letter of this kind. */
  'letters.candidates': { input: z.object({ kind: LetterKindSchema }).strict(), output: z.array(LetterCandidateSchema) },
  'letters.draftFromHits': {
    input: z.object({ hitIds: z.array(Id).min(1).max(2000), kind: LetterKindSchema }).strict(),
    output: LetterDetailSchema,
  },
  'letters.update': { input: z.object({ id: Id, fields: LetterFieldsSchema }).strict(), output: LetterDetailSchema },
  /** The filled letter, laid out as its PDF will be, with the PDF's body font. */
  'letters.preview': { input: LetterId, output: LetterPreviewSchema },
  'letters.issue': { input: LetterId, output: LetterDetailSchema },
  'letters.discard': { input: LetterId, output: z.object({ discarded: z.boolean() }) },
  'letters.supersede': { input: LetterId, output: LetterDetailSchema },
  'letters.export': {
    input: z.object({ id: Id, format: LetterFormatSchema }).strict(),
    output: savedOrCancelled({ sha256: z.string() }),
  },
  'letters.list': {
    input: z.object({ status: LetterStatusSchema.optional() }).strict(),
    output: z.array(LetterSummarySchema),
  },
  'letters.get': { input: LetterId, output: LetterDetailSchema },
  /** For the review queue: the letters (drafts, issued, superseded) covering each hit. */
  'letters.forHits': {
    input: z.object({ hitIds: z.array(Id).max(5000) }).strict(),
    output: z.array(z.object({ hitId: Id, letters: z.array(LetterRefSchema) })),
  },
} as const;
