// Channels of the screening workflow (issue 4): batch import, screening jobs, the review queue, deadlines,
// applicant and agency profiles, the dashboard, listings complaints and the quick check.
import { z } from 'zod';
import { ALIGNED_RELATIONS, CategorySchema, HIT_REASONS } from '../domain';
import { RowProblemSchema } from './registry';
import { FileTokenSchema, savedOrCancelled } from './files';

export const BatchKindSchema = z.enum(['filing', 'listing']);
export type BatchKind = z.infer<typeof BatchKindSchema>;
const HitReasonSchema = z.enum(HIT_REASONS);
const Id = z.number().int().positive();

export const ColumnFieldSchema = z.object({ key: z.string(), header: z.string(), required: z.boolean() });

export const BatchFilePreviewSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number(),
  headers: z.array(z.string()),
  fields: z.array(ColumnFieldSchema),
  /** field key → column index in `headers`, -1 when not mapped */
  mapping: z.record(z.string(), z.number().int()),
  /** true when the mapping came from a mapping remembered for these headers */
  remembered: z.boolean(),
  /** headers of required fields that are not mapped yet */
  missingRequired: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  /** the other kind when the headers are that kind's (a listings file chosen as a gazette, or the reverse) */
  likelyKind: BatchKindSchema.nullable(),
});
export type BatchFilePreview = z.infer<typeof BatchFilePreviewSchema>;

export const BatchStatusSchema = z.enum(['importing', 'imported', 'screening', 'screened', 'failed', 'cancelled']);
export type BatchStatus = z.infer<typeof BatchStatusSchema>;

export const BatchSummarySchema = z.object({
  id: Id,
  kind: BatchKindSchema,
  fileName: z.string(),
  filePath: z.string(),
  status: BatchStatusSchema,
  totalRows: z.number().int(),
  newRows: z.number().int(),
  duplicateRows: z.number().int(),
  badRows: z.number().int(),
  /** images of the batch that could not be stored (missing, unreadable, naming no row); their rows are imported */
  imageProblems: z.number().int(),
  hitCount: z.number().int(),
  message: z.string(),
  startedAt: z.string(),
  importedAt: z.string().nullable(),
  screenedAt: z.string().nullable(),
  /** true when an import or screening job for this batch is running now */
  running: z.boolean(),
  /** true when the registry changed after this batch was last screened: its hits may be out of date */
  stale: z.boolean(),
  /** the gazette issues (期号) of the filings this batch brought, in order; empty for listings */
  gazetteIssues: z.array(z.string()),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

export const JobProgressSchema = z.object({
  batchId: Id,
  phase: z.enum(['importing', 'screening', 'removing', 'done', 'failed', 'cancelled']),
  /** 0..1 of the current phase */
  fraction: z.number(),
  /** rows done in the current phase: read while importing, screened while screening */
  rows: z.number().int(),
  /** rows the current phase will do: the file's estimated rows while importing (-1 unknown), the rows to screen */
  total: z.number().int(),
  /** rows the import read from the file (every row: new, duplicate and bad) */
  readRows: z.number().int(),
  rowsPerSecond: z.number(),
  newRows: z.number().int(),
  duplicateRows: z.number().int(),
  badRows: z.number().int(),
  hitCount: z.number().int(),
  message: z.string(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const DeadlineFilterSchema = z.enum(['any', 'overdue', 'within14', 'within30', 'open']);
export const DecisionSchema = z.enum(['undecided', 'confirmed', 'dismissed']);

/** What confirming means, by source: a filing is a suspected bad-faith filing, a listing a counterfeit. */
export const CONFIRM_LABELS: Record<z.infer<typeof BatchKindSchema>, string> = {
  filing: '确认（疑似恶意抢注）',
  listing: '确认（仿冒/侵权）',
};
export type Decision = z.infer<typeof DecisionSchema>;
export const DismissReasonSchema = z.enum(['不近似', '权利人自有', '其他']);

export const HitQuerySchema = z
  .object({
    source: BatchKindSchema,
    category: CategorySchema.optional(),
    markId: z.string().optional(),
    minScore: z.number().min(0).max(1).optional(),
    reason: HitReasonSchema.optional(),
    niceClass: z.number().int().min(1).max(45).optional(),
    applicant: z.string().optional(),
    agency: z.string().optional(),
    gazetteIssue: z.string().optional(),
    platform: z.string().optional(),
    batchId: Id.optional(),
    deadline: DeadlineFilterSchema.optional(),
    decision: DecisionSchema.optional(),
    /** free text over the screened text, application number, applicant and shop */
    text: z.string().max(200).optional(),
    sortBy: z.enum(['score', 'deadline', 'publishedOn', 'applicant', 'mark', 'niceClass', 'foundAt']).default('score'),
    sortDir: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type HitQuery = z.input<typeof HitQuerySchema>;

export const FilingSchema = z.object({
  id: Id,
  applicationNumber: z.string(),
  markText: z.string(),
  niceClass: z.number().int(),
  goods: z.array(z.string()),
  applicant: z.string(),
  applicantAddress: z.string(),
  agency: z.string(),
  filedOn: z.string(),
  gazetteIssue: z.string(),
  publishedOn: z.string(),
  oppositionDeadline: z.string(),
  /** days from today to the opposition deadline; negative when overdue; null without a publication date */
  daysLeft: z.number().int().nullable(),
});
export type StoredFiling = z.infer<typeof FilingSchema>;

export const ListingSchema = z.object({
  id: Id,
  listingId: z.string(),
  platform: z.string(),
  shop: z.string(),
  title: z.string(),
  url: z.string(),
  price: z.string(),
  sellerLocation: z.string(),
});
export type StoredListing = z.infer<typeof ListingSchema>;

export const AlignedPairSchema = z.object({
  textIndex: z.number().int(),
  markIndex: z.number().int(),
  relation: z.enum(ALIGNED_RELATIONS),
  textStart: z.number().int().optional(),
  textEnd: z.number().int().optional(),
  markStart: z.number().int().optional(),
  markEnd: z.number().int().optional(),
});

export const HitRowSchema = z.object({
  hitId: Id,
  source: BatchKindSchema,
  score: z.number(),
  reasons: z.array(HitReasonSchema),
  decision: DecisionSchema,
  dismissReason: z.string(),
  decisionNote: z.string(),
  markKey: z.number().int().nullable(),
  markId: z.string(),
  markName: z.string(),
  markCategory: CategorySchema,
  matchedText: z.string(),
  matchedMark: z.string(),
  foundAt: z.string(),
  /** how many times the hit's decision has changed: a decision names the version it was made on (hits.decide) */
  version: z.number().int(),
  filing: FilingSchema.nullable(),
  listing: ListingSchema.nullable(),
  /**
   * In the review queue (hits.query), where a filing or listing is one row: every mark it hits, best first, this
   * row's own hit among them. A decision on the row applies to all of them (hits.decide). Absent elsewhere.
   */
  marksHit: z
    .array(
      z.object({
        hitId: Id,
        markId: z.string(),
        markName: z.string(),
        markCategory: CategorySchema,
        score: z.number(),
        decision: DecisionSchema,
        version: z.number().int(),
      }),
    )
    .optional(),
});
export type HitRow = z.infer<typeof HitRowSchema>;

export const HitDetailSchema = HitRowSchema.extend({
  alignment: z.array(AlignedPairSchema),
  /** the protected mark as it is now (null if it was deleted since) */
  mark: z
    .object({
      id: z.string(),
      name: z.string(),
      category: CategorySchema,
      classes: z.array(z.number().int()),
      registrationNumber: z.string(),
      holder: z.string(),
      aliases: z.array(z.string()),
      region: z.string(),
    })
    .nullable(),
  otherHitsOfFiling: z.number().int(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type HitDetail = z.infer<typeof HitDetailSchema>;

export const HitFacetsSchema = z.object({
  marks: z.array(z.object({ markId: z.string(), markName: z.string(), count: z.number().int() })),
  gazetteIssues: z.array(z.string()),
  platforms: z.array(z.string()),
  classes: z.array(z.number().int()),
  counts: z.object({ undecided: z.number().int(), confirmed: z.number().int(), dismissed: z.number().int() }),
  /** undecided hits that can still be opposed and those whose opposition period is over (shared/deadlines.ts) */
  undecidedByDeadline: z.object({ actionable: z.number().int(), overdue: z.number().int() }),
});

export const ProfileKindSchema = z.enum(['applicant', 'agency']);
export const BadFaithFlagSchema = z.enum(['many-owners', 'public-resources', 'bulk-filing', 'repeat-owner', 'many-classes']);
export type BadFaithFlag = z.infer<typeof BadFaithFlagSchema>;

export const ProfileRowSchema = z.object({
  kind: ProfileKindSchema,
  name: z.string(),
  filings: z.number().int(),
  classes: z.number().int(),
  hits: z.number().int(),
  distinctMarksHit: z.number().int(),
  distinctOwnersHit: z.number().int(),
  publicResourceHits: z.number().int(),
  firstDate: z.string(),
  lastDate: z.string(),
  flags: z.array(BadFaithFlagSchema),
});
export type ProfileRow = z.infer<typeof ProfileRowSchema>;

export const DashboardSchema = z.object({
  totals: z.object({
    filings: z.number().int(),
    listings: z.number().int(),
    hits: z.number().int(),
    undecided: z.number().int(),
    confirmed: z.number().int(),
    dismissed: z.number().int(),
    overdue: z.number().int(),
    dueWithin14: z.number().int(),
  }),
  hitsByCategory: z.array(z.object({ category: CategorySchema, hits: z.number().int(), confirmed: z.number().int() })),
  hitsPerWeek: z.array(z.object({ week: z.string(), hits: z.number().int(), confirmed: z.number().int() })),
  topApplicants: z.array(ProfileRowSchema),
  topAgencies: z.array(ProfileRowSchema),
  /** open hits whose opposition deadline is today or within 14 days, nearest first (never overdue ones) */
  dueSoon: z.array(HitRowSchema),
  /** the report period and what was done in it */
  period: z.object({
    from: z.string(),
    to: z.string(),
    hitsFound: z.number().int(),
    confirmed: z.number().int(),
    dismissed: z.number().int(),
    lettersIssued: z.number().int(),
  }),
  /** the date each hit is counted at in hitsPerWeek */
  weekBasis: z.enum(['published', 'found']),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const QuickCheckHitSchema = z.object({
  markId: z.string(),
  markName: z.string(),
  markCategory: CategorySchema,
  matchedMark: z.string(),
  score: z.number(),
  reasons: z.array(HitReasonSchema),
  alignment: z.array(AlignedPairSchema),
});

const SeenVersion = z.object({ hitId: Id, version: z.number().int().min(0) }).strict();
const DecisionInput = {
  decision: DecisionSchema,
  dismissReason: DismissReasonSchema.optional(),
  note: z.string().max(2000).optional(),
};
/** undoToken: pass to hits.undo to put the decided hits back as they were (only the latest decision can be undone) */
/** versions: every hit the decision wrote (the given ones and the other hits of their filings), with its new version */
const DecisionOutput = z.object({ updated: z.number().int(), undoToken: z.number().int().nullable(), versions: z.array(SeenVersion) });
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-06-01');
const BatchId = z.object({ batchId: Id }).strict();

export const screeningContract = {
  /** Reads the headers of a table chosen with `files.open` (purpose 'table') or dropped on the window. */
  'batches.previewFile': {
    input: z.object({ fileToken: FileTokenSchema, kind: BatchKindSchema }).strict(),
    output: BatchFilePreviewSchema,
  },
  'batches.startImport': {
    input: z
      .object({
        fileToken: FileTokenSchema,
        kind: BatchKindSchema,
        mapping: z.record(z.string(), z.number().int()),
        /** a ZIP (files.open purpose 'images') or a folder ('imageFolder') of images named by 申请号 / 编号 */
        imagesToken: FileTokenSchema.optional(),
      })
      .strict(),
    output: z.object({ batchId: Id }),
  },
  'batches.resume': { input: BatchId, output: z.object({ batchId: Id }) },
  'batches.progress': { input: BatchId, output: JobProgressSchema },
  'batches.cancel': { input: BatchId, output: z.object({ cancelled: z.boolean() }) },
  'batches.list': { input: z.object({}).strict(), output: z.array(BatchSummarySchema) },
  'batches.problems': {
    input: z.object({ batchId: Id, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    output: z.object({ total: z.number().int(), problems: z.array(RowProblemSchema) }),
  },
  'batches.remove': { input: BatchId, output: z.object({ removed: z.boolean() }) },
  'batches.rescreen': {
    input: z.object({ batchId: Id.optional() }).strict(),
    output: z.object({ batchIds: z.array(Id) }),
  },

  'hits.query': { input: HitQuerySchema, output: z.object({ total: z.number().int(), rows: z.array(HitRowSchema) }) },
  'hits.get': { input: z.object({ hitId: Id }).strict(), output: HitDetailSchema },
  'hits.facets': { input: z.object({ source: BatchKindSchema }).strict(), output: HitFacetsSchema },
  /**
   * `seen`: the versions of the hits as the clerk saw them (the row and every mark it lists). When another clerk has
   * decided any of them since, nothing is written and the answer is a conflict naming the current decision.
   */
  'hits.decide': {
    input: z.object({ hitIds: z.array(Id).min(1).max(100_000), seen: z.array(SeenVersion).max(100_000).optional(), ...DecisionInput }).strict(),
    output: DecisionOutput,
  },
  /** the same decision for every hit matching a filter (all of them, not only the rows loaded in the table) */
  'hits.decideMatching': {
    input: z.object({ query: HitQuerySchema, ...DecisionInput }).strict(),
    output: DecisionOutput,
  },
  'hits.undo': {
    input: z.object({ undoToken: z.number().int() }).strict(),
    output: z.object({ restored: z.number().int(), versions: z.array(SeenVersion) }),
  },
  /** Asks where to save (main's dialog) and writes every hit the query matches, in its order. */
  'hits.export': {
    input: z.object({ query: HitQuerySchema }).strict(),
    output: savedOrCancelled({ rows: z.number().int() }),
  },

  'deadlines.upcoming': {
    input: z.object({ withinDays: z.number().int().min(0).max(366) }).strict(),
    output: z.array(HitRowSchema),
  },

  'profiles.list': {
    input: z
      .object({
        kind: ProfileKindSchema,
        onlyWithHits: z.boolean().default(true),
        search: z.string().max(100).optional(),
        sortBy: z.enum(['hits', 'filings', 'distinctMarksHit', 'classes', 'lastDate', 'name']).default('hits'),
        sortDir: z.enum(['asc', 'desc']).default('desc'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(ProfileRowSchema) }),
  },
  'profiles.get': {
    input: z.object({ kind: ProfileKindSchema, name: z.string() }).strict(),
    output: ProfileRowSchema.extend({ hitRows: z.array(HitRowSchema) }),
  },

  'dashboard.summary': {
    input: z
      .object({
        /** the report period, both days included; this month when absent */
        period: z.object({ from: IsoDay, to: IsoDay }).strict().optional(),
        weekBasis: z.enum(['published', 'found']).default('published'),
      })
      .strict(),
    output: DashboardSchema,
  },
  'dashboard.export': { input: z.object({}).strict(), output: savedOrCancelled({}) },

  /** Asks where to save; a name ending in .csv gets CSV, any other an XLSX workbook. */
  'listings.complaintExport': {
    input: z.object({ platform: z.string().min(1) }).strict(),
    output: savedOrCancelled({ rows: z.number().int() }),
  },

  'quickCheck': {
    input: z.object({ text: z.string().max(200), niceClass: z.number().int().min(1).max(45).optional() }).strict(),
    output: z.array(QuickCheckHitSchema),
  },
} as const;
