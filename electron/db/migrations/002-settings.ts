// Migration 2: key/value settings (issuing body for letters, remembered column mappings, ...), kept in the
// database so that a backup carries them with the registry.
export default {
  version: 2,
  name: 'settings',
  sql: /* sql */ `
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
