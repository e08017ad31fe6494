// Migration 4: referral letters and notices. A number is taken from a per-year sequence when a letter is issued
// and never given out again, whatever happens to the letter. An issued letter is frozen (its filled document is
// kept as JSON, its files by hash); a correction is a new letter that supersedes it.
export default {
  version: 4,
  name: 'letters',
  sql: /* sql */ `
    CREATE TABLE letter_sequences (
      year        INTEGER PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (last_number >= 0)
    );

    CREATE TABLE letters (
      id              INTEGER PRIMARY KEY,
      kind            TEXT NOT NULL CHECK (kind IN ('referral', 'holder-notice')),
      status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'superseded')),
      year            INTEGER,
      sequence        INTEGER,
      document_number TEXT UNIQUE,
      title           TEXT NOT NULL DEFAULT '',
      recipient       TEXT NOT NULL DEFAULT '',
      fields_json     TEXT NOT NULL,
      document_json   TEXT,
      created_at      TEXT NOT NULL,
      created_by      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      issued_on       TEXT,
      issued_at       TEXT,
      issued_by       TEXT,
      supersedes      INTEGER REFERENCES letters (id),
      superseded_by   INTEGER REFERENCES letters (id),
      UNIQUE (year, sequence),
      CHECK ((status = 'draft') = (document_number IS NULL)),
      CHECK ((status = 'draft') = (document_json IS NULL)),
      CHECK ((status = 'superseded') = (superseded_by IS NOT NULL))
    );
    CREATE INDEX letters_status ON letters (status, issued_at);

    -- The hit may be removed with its batch; the application number and mark keep the archive readable.
    CREATE TABLE letter_hits (
      id                 INTEGER PRIMARY KEY,
      letter_id          INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
      hit_id             INTEGER REFERENCES hits (id) ON DELETE SET NULL,
      application_number TEXT NOT NULL,
      mark_id            TEXT NOT NULL,
      position           INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX letter_hits_pair ON letter_hits (letter_id, hit_id) WHERE hit_id IS NOT NULL;
    CREATE INDEX letter_hits_hit ON letter_hits (hit_id);

    CREATE TABLE letter_files (
      letter_id  INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
      format     TEXT NOT NULL CHECK (format IN ('docx', 'pdf')),
      path       TEXT NOT NULL,
      sha256     TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (letter_id, format)
    );

    -- An issued letter cannot be changed, except to be marked superseded once; nor can it be deleted.
    CREATE TRIGGER letters_frozen BEFORE UPDATE ON letters
    WHEN OLD.status <> 'draft' AND NOT (
      OLD.status = 'issued' AND NEW.status = 'superseded' AND OLD.superseded_by IS NULL
      AND NEW.fields_json IS OLD.fields_json AND NEW.document_json IS OLD.document_json
      AND NEW.document_number IS OLD.document_number AND NEW.title IS OLD.title AND NEW.recipient IS OLD.recipient
    )
    BEGIN
      SELECT RAISE(ABORT, 'issued letter is frozen');
    END;
    CREATE TRIGGER letters_kept BEFORE DELETE ON letters WHEN OLD.status <> 'draft'
    BEGIN
      SELECT RAISE(ABORT, 'issued letter is kept');
    END;
  `,
};
