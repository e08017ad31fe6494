// Migration 1: the registry of protected marks and the audit log of every change to it.
export default {
  version: 1,
  name: 'registry',
  sql: /* sql */ `
    CREATE TABLE protected_marks (
      key                 INTEGER PRIMARY KEY,
      mark_id             TEXT NOT NULL UNIQUE,
      name                TEXT NOT NULL,
      category            TEXT NOT NULL
                          CHECK (category IN ('驰名商标','地理标志','省著名商标','老字号','涉外商标','公共资源')),
      classes             TEXT NOT NULL DEFAULT '',
      registration_number TEXT NOT NULL DEFAULT '',
      holder              TEXT NOT NULL DEFAULT '',
      aliases             TEXT NOT NULL DEFAULT '[]',
      region              TEXT NOT NULL DEFAULT '',
      recognized_on       TEXT NOT NULL DEFAULT '',
      notes               TEXT NOT NULL DEFAULT '',
      created_at          TEXT NOT NULL,
      updated_at          TEXT NOT NULL
    );
    CREATE INDEX protected_marks_category ON protected_marks (category);

    CREATE TABLE audit_log (
      id          INTEGER PRIMARY KEY,
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL,
      action      TEXT NOT NULL,
      entity      TEXT NOT NULL,
      entity_key  TEXT NOT NULL,
      before_json TEXT,
      after_json  TEXT,
      note        TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_key);
  `,
};
