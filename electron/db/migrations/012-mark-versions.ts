// Migration 12 (issue 11): a version on every protected mark. Several clerks edit one registry on the server; an
// edit or a deletion names the version the clerk saw, and one made on a record that has changed since is refused as
// a conflict (with the record as it is now) instead of silently overwriting the other clerk's edit. Every write of
// the record — an edit, a merge, an import's update — adds one.
export default {
  version: 12,
  name: 'mark-versions',
  sql: /* sql */ `
    ALTER TABLE protected_marks ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  `,
};
