// Placeholder for migration 10, which the lead adds on main (a version column on hits). It exists on this branch
// only so that migration 11 applies in order; at the merge the lead's 010 replaces this file.
export default {
  version: 10,
  name: 'lead-placeholder',
  sql: /* sql */ `SELECT 1;`,
};
