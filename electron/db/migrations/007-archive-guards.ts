// Migration 7 (issue 9, item 15): what was issued cannot be changed by any statement. The freeze of migration 4
// let an issued letter's kind, year, sequence and dates change in the UPDATE that marks it superseded; the
// letter's filings, its archived files' record, the number sequences and the audit log were not protected at all.
export default {
  version: 7,
  name: 'archive-guards',
  sql: /* sql */ `
    DROP TRIGGER letters_frozen;
    -- An issued letter changes once: to superseded, naming its successor; every other column stays.
    CREATE TRIGGER letters_frozen BEFORE UPDATE ON letters
    WHEN OLD.status <> 'draft' AND NOT (
      OLD.status = 'issued' AND NEW.status = 'superseded' AND OLD.superseded_by IS NULL
      AND NEW.id IS OLD.id AND NEW.kind IS OLD.kind AND NEW.year IS OLD.year AND NEW.sequence IS OLD.sequence
      AND NEW.document_number IS OLD.document_number AND NEW.title IS OLD.title AND NEW.recipient IS OLD.recipient
      AND NEW.fields_json IS OLD.fields_json AND NEW.document_json IS OLD.document_json
      AND NEW.created_at IS OLD.created_at AND NEW.created_by IS OLD.created_by AND NEW.updated_at IS OLD.updated_at
      AND NEW.issued_on IS OLD.issued_on AND NEW.issued_at IS OLD.issued_at AND NEW.issued_by IS OLD.issued_by
      AND NEW.supersedes IS OLD.supersedes
    )
    BEGIN
      SELECT RAISE(ABORT, 'issued letter is frozen');
    END;

    -- The filings of an issued letter: only the link to a hit may go (its batch removed; the application number
    -- and mark stay and keep the archive readable).
    CREATE TRIGGER letter_hits_frozen BEFORE UPDATE ON letter_hits
    WHEN (SELECT status FROM letters WHERE id = OLD.letter_id) <> 'draft' AND NOT (
      NEW.hit_id IS NULL AND NEW.id IS OLD.id AND NEW.letter_id IS OLD.letter_id
      AND NEW.application_number IS OLD.application_number AND NEW.mark_id IS OLD.mark_id AND NEW.position IS OLD.position
    )
    BEGIN
      SELECT RAISE(ABORT, 'filings of an issued letter are frozen');
    END;
    CREATE TRIGGER letter_hits_kept BEFORE DELETE ON letter_hits
    WHEN (SELECT status FROM letters WHERE id = OLD.letter_id) <> 'draft'
    BEGIN
      SELECT RAISE(ABORT, 'filings of an issued letter are kept');
    END;
    CREATE TRIGGER letter_hits_added BEFORE INSERT ON letter_hits
    WHEN (SELECT status FROM letters WHERE id = NEW.letter_id) <> 'draft'
    BEGIN
      SELECT RAISE(ABORT, 'filings of an issued letter are frozen');
    END;

    -- An archived file's record stays with its letter, format and place, and is never removed. Only a file missing
    -- from the archive, rendered again from the frozen document (DOCX and PDF carry their render time), records its
    -- new hash — and the app writes that to the audit log.
    CREATE TRIGGER letter_files_frozen BEFORE UPDATE ON letter_files
    WHEN NOT (NEW.letter_id IS OLD.letter_id AND NEW.format IS OLD.format AND NEW.path IS OLD.path)
    BEGIN
      SELECT RAISE(ABORT, 'archived file record is frozen');
    END;
    CREATE TRIGGER letter_files_kept BEFORE DELETE ON letter_files
    BEGIN
      SELECT RAISE(ABORT, 'archived file record is kept');
    END;

    -- A number once taken is never given again: a year's sequence only rises and is never removed.
    CREATE TRIGGER letter_sequences_rise BEFORE UPDATE ON letter_sequences
    WHEN NEW.last_number < OLD.last_number OR NEW.year IS NOT OLD.year
    BEGIN
      SELECT RAISE(ABORT, 'letter numbers only rise');
    END;
    CREATE TRIGGER letter_sequences_kept BEFORE DELETE ON letter_sequences
    BEGIN
      SELECT RAISE(ABORT, 'letter numbers are kept');
    END;

    -- The audit log is appended to, never changed.
    CREATE TRIGGER audit_log_frozen BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit log is append-only');
    END;
    CREATE TRIGGER audit_log_kept BEFORE DELETE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit log is append-only');
    END;
  `,
};
