// Migration 3: imported batches of filings and listings, their rows, and the hits screening found in them,
// with the reviewer's decisions. An application number or listing id is stored once, whichever batch brought it,
// so re-importing a gazette issue adds nothing twice.
export default {
  version: 3,
  name: 'screening',
  sql: /* sql */ `
    CREATE TABLE batches (
      id             INTEGER PRIMARY KEY,
      kind           TEXT NOT NULL CHECK (kind IN ('filing', 'listing')),
      file_name      TEXT NOT NULL,
      file_path      TEXT NOT NULL,
      file_size      INTEGER NOT NULL,
      column_map     TEXT NOT NULL DEFAULT '{}',
      status         TEXT NOT NULL
                     CHECK (status IN ('importing', 'imported', 'screening', 'screened', 'failed', 'cancelled')),
      total_rows     INTEGER NOT NULL DEFAULT 0,
      new_rows       INTEGER NOT NULL DEFAULT 0,
      duplicate_rows INTEGER NOT NULL DEFAULT 0,
      bad_rows       INTEGER NOT NULL DEFAULT 0,
      hit_count      INTEGER NOT NULL DEFAULT 0,
      message        TEXT NOT NULL DEFAULT '',
      started_at     TEXT NOT NULL,
      imported_at    TEXT,
      screened_at    TEXT
    );

    CREATE TABLE batch_problems (
      batch_id   INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
      row_number INTEGER NOT NULL,
      reason     TEXT NOT NULL
    );
    CREATE INDEX batch_problems_batch ON batch_problems (batch_id, row_number);

    CREATE TABLE filings (
      id                  INTEGER PRIMARY KEY,
      application_number  TEXT NOT NULL UNIQUE,
      batch_id            INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
      mark_text           TEXT NOT NULL,
      nice_class          INTEGER NOT NULL,
      goods               TEXT NOT NULL DEFAULT '',
      applicant           TEXT NOT NULL DEFAULT '',
      applicant_address   TEXT NOT NULL DEFAULT '',
      agency              TEXT NOT NULL DEFAULT '',
      filed_on            TEXT NOT NULL DEFAULT '',
      gazette_issue       TEXT NOT NULL DEFAULT '',
      published_on        TEXT NOT NULL DEFAULT '',
      opposition_deadline TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX filings_batch ON filings (batch_id);
    CREATE INDEX filings_applicant ON filings (applicant);
    CREATE INDEX filings_agency ON filings (agency);

    CREATE TABLE listings (
      id              INTEGER PRIMARY KEY,
      listing_id      TEXT NOT NULL UNIQUE,
      batch_id        INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
      platform        TEXT NOT NULL DEFAULT '',
      shop            TEXT NOT NULL DEFAULT '',
      title           TEXT NOT NULL,
      url             TEXT NOT NULL DEFAULT '',
      price           TEXT NOT NULL DEFAULT '',
      seller_location TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX listings_batch ON listings (batch_id);

    -- The protected mark is kept by key and, in case it is later deleted or renamed, by a snapshot of its
    -- 编号, name and category as they were when the hit was found.
    CREATE TABLE hits (
      id              INTEGER PRIMARY KEY,
      source          TEXT NOT NULL CHECK (source IN ('filing', 'listing')),
      filing_id       INTEGER REFERENCES filings (id) ON DELETE CASCADE,
      listing_id      INTEGER REFERENCES listings (id) ON DELETE CASCADE,
      mark_key        INTEGER REFERENCES protected_marks (key) ON DELETE SET NULL,
      mark_id         TEXT NOT NULL,
      mark_name       TEXT NOT NULL,
      mark_category   TEXT NOT NULL,
      matched_text    TEXT NOT NULL,
      matched_mark    TEXT NOT NULL,
      score           REAL NOT NULL,
      reasons         TEXT NOT NULL,
      alignment       TEXT NOT NULL DEFAULT '[]',
      -- Copied from the filing or listing (which never change once stored) so that the review queue filters and
      -- sorts on this table alone, with its own indexes: joins are made only for the page of rows shown.
      batch_id        INTEGER,
      nice_class      INTEGER NOT NULL DEFAULT 0,
      applicant       TEXT NOT NULL DEFAULT '',
      agency          TEXT NOT NULL DEFAULT '',
      gazette_issue   TEXT NOT NULL DEFAULT '',
      published_on    TEXT NOT NULL DEFAULT '',
      deadline        TEXT NOT NULL DEFAULT '',
      platform        TEXT NOT NULL DEFAULT '',
      search_text     TEXT NOT NULL DEFAULT '',
      rank            INTEGER NOT NULL DEFAULT 1,
      found_at        TEXT NOT NULL,
      decision        TEXT NOT NULL DEFAULT 'undecided' CHECK (decision IN ('undecided', 'confirmed', 'dismissed')),
      dismiss_reason  TEXT NOT NULL DEFAULT '' CHECK (dismiss_reason IN ('', '不近似', '权利人自有', '其他')),
      decision_note   TEXT NOT NULL DEFAULT '',
      decided_at      TEXT,
      decided_by      TEXT,
      CHECK ((source = 'filing') = (filing_id IS NOT NULL)),
      CHECK ((source = 'listing') = (listing_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX hits_filing_mark ON hits (filing_id, mark_id) WHERE filing_id IS NOT NULL;
    CREATE UNIQUE INDEX hits_listing_mark ON hits (listing_id, mark_id) WHERE listing_id IS NOT NULL;
    -- The review queue opens on (source, decision) sorted by score: this index answers it in order, and its count.
    CREATE INDEX hits_queue ON hits (source, decision, score DESC);
    CREATE INDEX hits_source_score ON hits (source, score DESC);
    CREATE INDEX hits_mark ON hits (mark_id);
    CREATE INDEX hits_category ON hits (mark_category);
    CREATE INDEX hits_mark_name ON hits (source, mark_name);
    CREATE INDEX hits_deadline ON hits (source, deadline);
    CREATE INDEX hits_applicant ON hits (source, applicant);
    CREATE INDEX hits_agency ON hits (source, agency);
    CREATE INDEX hits_batch ON hits (batch_id);
    CREATE INDEX hits_search ON hits (source, search_text);
  `,
};
