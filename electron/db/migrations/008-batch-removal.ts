// Migration 8 (issue 9, item 13): a batch being removed. Removing a million-row batch takes seconds of deletes;
// the batch is marked at once (hidden from every list) and its rows are deleted a chunk at a time in the
// background, so the window stays responsive. A removal cut off by a kill is finished at the next start.
export default {
  version: 8,
  name: 'batch-removal',
  sql: /* sql */ `
    ALTER TABLE batches ADD COLUMN removing_at TEXT;
  `,
};
