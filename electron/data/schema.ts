// The application's data tables as the query builder sees them (Kysely). The SQLite file's numbered migrations
// (electron/db/migrations) and the PostgreSQL store's migrations both build exactly these columns; a test compares
// the two. Times are ISO strings (UTC), dates YYYY-MM-DD text, flags 0/1 integers, lists JSON text, on both.
import type { Generated } from 'kysely';

export interface ProtectedMarksTable {
  key: Generated<number>;
  mark_id: string;
  name: string;
  category: string;
  /** Nice classes joined with ';' ('' for all classes) */
  classes: Generated<string>;
  registration_number: Generated<string>;
  holder: Generated<string>;
  /** JSON array of strings */
  aliases: Generated<string>;
  region: Generated<string>;
  recognized_on: Generated<string>;
  notes: Generated<string>;
  created_at: string;
  updated_at: string;
  /** raised by every write of the record: an edit or deletion names the version the clerk saw (migration 12) */
  version: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before_json: string | null;
  after_json: string | null;
  note: Generated<string>;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface BatchesTable {
  id: Generated<number>;
  kind: 'filing' | 'listing';
  file_name: string;
  file_path: string;
  file_size: number;
  column_map: Generated<string>;
  status: 'importing' | 'imported' | 'screening' | 'screened' | 'failed' | 'cancelled';
  total_rows: Generated<number>;
  new_rows: Generated<number>;
  duplicate_rows: Generated<number>;
  bad_rows: Generated<number>;
  hit_count: Generated<number>;
  message: Generated<string>;
  started_at: string;
  imported_at: string | null;
  screened_at: string | null;
  file_mtime_ms: number | null;
  file_sha256: Generated<string>;
  removing_at: string | null;
  images_path: string | null;
  image_problems: Generated<number>;
}

export interface BatchProblemsTable {
  batch_id: number;
  row_number: number;
  reason: string;
}

export interface FilingsTable {
  id: Generated<number>;
  application_number: string;
  batch_id: number;
  mark_text: string;
  nice_class: number;
  goods: Generated<string>;
  applicant: Generated<string>;
  applicant_address: Generated<string>;
  agency: Generated<string>;
  filed_on: Generated<string>;
  gazette_issue: Generated<string>;
  published_on: Generated<string>;
  opposition_deadline: Generated<string>;
  vienna_codes: Generated<string>;
}

export interface ListingsTable {
  id: Generated<number>;
  listing_id: string;
  batch_id: number;
  platform: Generated<string>;
  shop: Generated<string>;
  title: string;
  url: Generated<string>;
  price: Generated<string>;
  seller_location: Generated<string>;
}

export interface HitsTable {
  id: Generated<number>;
  source: 'filing' | 'listing';
  filing_id: number | null;
  listing_id: number | null;
  mark_key: number | null;
  mark_id: string;
  mark_name: string;
  mark_category: string;
  matched_text: string;
  matched_mark: string;
  score: number;
  /** JSON array of reason codes */
  reasons: string;
  alignment: Generated<string>;
  batch_id: number | null;
  nice_class: Generated<number>;
  applicant: Generated<string>;
  agency: Generated<string>;
  gazette_issue: Generated<string>;
  published_on: Generated<string>;
  deadline: Generated<string>;
  platform: Generated<string>;
  search_text: Generated<string>;
  rank: Generated<number>;
  found_at: string;
  decision: Generated<'undecided' | 'confirmed' | 'dismissed'>;
  dismiss_reason: Generated<'' | '不近似' | '权利人自有' | '其他'>;
  decision_note: Generated<string>;
  decided_at: string | null;
  decided_by: string | null;
  version: Generated<number>;
  row_image: string | null;
  mark_image: string | null;
}

export interface LetterSequencesTable {
  year: number;
  last_number: number;
}

export interface LettersTable {
  id: Generated<number>;
  kind: 'referral' | 'holder-notice';
  status: Generated<'draft' | 'issued' | 'superseded'>;
  year: number | null;
  sequence: number | null;
  document_number: string | null;
  title: Generated<string>;
  recipient: Generated<string>;
  fields_json: string;
  document_json: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  issued_on: string | null;
  issued_at: string | null;
  issued_by: string | null;
  supersedes: number | null;
  superseded_by: number | null;
}

export interface LetterHitsTable {
  id: Generated<number>;
  letter_id: number;
  hit_id: number | null;
  application_number: string;
  mark_id: string;
  position: number;
}

export interface LetterFilesTable {
  letter_id: number;
  format: 'docx' | 'pdf';
  path: string;
  sha256: string;
  size_bytes: number;
  created_at: string;
  font: Generated<string>;
}

export interface ImagesTable {
  sha256: string;
  format: string;
  size_bytes: number;
  width: number;
  height: number;
  phash: string;
  dhash: string;
  thumb: Uint8Array;
  created_at: string;
}

export interface MarkImagesTable {
  mark_key: number;
  sha256: string;
  position: number;
  added_at: string;
}

export interface FilingImagesTable {
  filing_id: number;
  sha256: string;
}

export interface ListingImagesTable {
  listing_id: number;
  sha256: string;
}

export interface MarkViennaCodesTable {
  mark_key: number;
  code: string;
}

export interface DataSchema {
  protected_marks: ProtectedMarksTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  batches: BatchesTable;
  batch_problems: BatchProblemsTable;
  filings: FilingsTable;
  listings: ListingsTable;
  hits: HitsTable;
  letter_sequences: LetterSequencesTable;
  letters: LettersTable;
  letter_hits: LetterHitsTable;
  letter_files: LetterFilesTable;
  images: ImagesTable;
  mark_images: MarkImagesTable;
  filing_images: FilingImagesTable;
  listing_images: ListingImagesTable;
  mark_vienna_codes: MarkViennaCodesTable;
}

// Every table of DataSchema, at run time (tests compare the databases' tables with it). `satisfies` refuses a
// missing table and one DataSchema does not have, so the list cannot drift from the interface.
const TABLES_LISTED = {
  protected_marks: true,
  audit_log: true,
  settings: true,
  batches: true,
  batch_problems: true,
  filings: true,
  listings: true,
  hits: true,
  letter_sequences: true,
  letters: true,
  letter_hits: true,
  letter_files: true,
  images: true,
  mark_images: true,
  filing_images: true,
  listing_images: true,
  mark_vienna_codes: true,
} as const satisfies Record<keyof DataSchema, true>;

export const DATA_TABLES = Object.keys(TABLES_LISTED) as (keyof DataSchema)[];
