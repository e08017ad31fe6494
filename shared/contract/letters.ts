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

export const LetterFileSchema = z.object({ format: LetterFormatSchema, sha256: z.string(), sizeBytes: z.number().int() });

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
  'letters.preview': { input: LetterId, output: LetterDocumentSchema },
  'letters.issue': { input: LetterId, output: LetterDetailSchema },
  'letters.discard': { input: LetterId, output: z.object({ discarded: z.boolean() }) },
  'letters.supersede': { input: LetterId, output: LetterDetailSchema },
  'letters.export': {
    input: z.object({ id: Id, format: LetterFormatSchema, path: z.string().min(1) }).strict(),
    output: z.object({ path: z.string(), sha256: z.string() }),
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
