// Migration 10 (issue 11): a version on every hit. Two clerks may have the same filing open; a decision names the
// versions it was made on, and one made on a version that has changed since is refused as a conflict instead of
// silently overwriting the other clerk's decision. Every decision and undo adds one.
export default {
  version: 10,
  name: 'hit-versions',
  sql: /* sql */ `
    ALTER TABLE hits ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  `,
};
