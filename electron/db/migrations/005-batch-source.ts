// Migration 5: what a batch's source file was when its import began (modification time and SHA-256 beside the
// size migration 3 kept), so that a file that changes during the import, or before an interrupted import is
// resumed, is noticed instead of mixing two versions of a gazette in one batch (issue 9, item 12).
export default {
  version: 5,
  name: 'batch-source',
  sql: /* sql */ `
    ALTER TABLE batches ADD COLUMN file_mtime_ms REAL;
    ALTER TABLE batches ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT '';
  `,
};
