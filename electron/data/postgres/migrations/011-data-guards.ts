// The triggers of SQLite migration 7 (archive-guards) on PostgreSQL, part of PostgreSQL migration 011: what was
// issued cannot be changed by any statement. Each SQLite trigger `BEFORE … WHEN cond BEGIN RAISE(ABORT, msg) END`
// becomes a trigger of the same name, table and event with the same WHEN, running `markguard_refuse(msg)`, so the
// message a statement fails with is the same on both. SQLite's `a IS b` is `a IS NOT DISTINCT FROM b` here.
// A trigger's WHEN may not hold a subquery on PostgreSQL: the letter's status is read by `letter_status_of`, which
// keeps the search_path it was created with, so it finds this schema's letters whatever path a session has.
// PostgreSQL alone has TRUNCATE, which fires no row trigger (and `TRUNCATE protected_marks CASCADE` would empty
// letter_hits through hits): it is refused outright on the five guarded tables.
// Released with 011: never edit it; a later change of a guard is a later migration.

export const GUARD_FUNCTIONS: readonly string[] = [
  /* sql */ `CREATE FUNCTION markguard_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
  END
  $$`,
  `CREATE FUNCTION letter_status_of(letter integer) RETURNS text LANGUAGE sql SET search_path FROM CURRENT AS $$
    SELECT status FROM letters WHERE id = letter
  $$`,
];

const same = (columns: string[]) => columns.map((c) => `NEW.${c} IS NOT DISTINCT FROM OLD.${c}`).join(' AND ');

export const GUARD_TRIGGERS: readonly string[] = [
  // An issued letter changes once: to superseded, naming its successor; every other column stays.
  /* sql */ `CREATE TRIGGER letters_frozen BEFORE UPDATE ON letters FOR EACH ROW
  WHEN (OLD.status <> 'draft' AND NOT (
    OLD.status = 'issued' AND NEW.status = 'superseded' AND OLD.superseded_by IS NULL
    AND ${same(['id', 'kind', 'year', 'sequence', 'document_number', 'title', 'recipient', 'fields_json', 'document_json'])}
    AND ${same(['created_at', 'created_by', 'updated_at', 'issued_on', 'issued_at', 'issued_by', 'supersedes'])}
  ))
  EXECUTE FUNCTION markguard_refuse('issued letter is frozen')`,
  `CREATE TRIGGER letters_kept BEFORE DELETE ON letters FOR EACH ROW
  WHEN (OLD.status <> 'draft')
  EXECUTE FUNCTION markguard_refuse('issued letter is kept')`,

  // The filings of an issued letter: only the link to a hit may go (its batch removed; the application number and
  // mark stay and keep the archive readable).
  `CREATE TRIGGER letter_hits_frozen BEFORE UPDATE ON letter_hits FOR EACH ROW
  WHEN (letter_status_of(OLD.letter_id) <> 'draft' AND NOT (
    NEW.hit_id IS NULL AND ${same(['id', 'letter_id', 'application_number', 'mark_id', 'position'])}
  ))
  EXECUTE FUNCTION markguard_refuse('filings of an issued letter are frozen')`,
  `CREATE TRIGGER letter_hits_kept BEFORE DELETE ON letter_hits FOR EACH ROW
  WHEN (letter_status_of(OLD.letter_id) <> 'draft')
  EXECUTE FUNCTION markguard_refuse('filings of an issued letter are kept')`,
  `CREATE TRIGGER letter_hits_added BEFORE INSERT ON letter_hits FOR EACH ROW
  WHEN (letter_status_of(NEW.letter_id) <> 'draft')
  EXECUTE FUNCTION markguard_refuse('filings of an issued letter are frozen')`,

  // An archived file's record stays with its letter, format and place, and is never removed; a file rendered again
  // from the frozen document records its new hash.
  `CREATE TRIGGER letter_files_frozen BEFORE UPDATE ON letter_files FOR EACH ROW
  WHEN (NOT (${same(['letter_id', 'format', 'path'])}))
  EXECUTE FUNCTION markguard_refuse('archived file record is frozen')`,
  `CREATE TRIGGER letter_files_kept BEFORE DELETE ON letter_files FOR EACH ROW
  EXECUTE FUNCTION markguard_refuse('archived file record is kept')`,

  // A number once taken is never given again: a year's sequence only rises and is never removed.
  `CREATE TRIGGER letter_sequences_rise BEFORE UPDATE ON letter_sequences FOR EACH ROW
  WHEN (NEW.last_number < OLD.last_number OR NEW.year IS DISTINCT FROM OLD.year)
  EXECUTE FUNCTION markguard_refuse('letter numbers only rise')`,
  `CREATE TRIGGER letter_sequences_kept BEFORE DELETE ON letter_sequences FOR EACH ROW
  EXECUTE FUNCTION markguard_refuse('letter numbers are kept')`,

  // The audit log is appended to, never changed.
  `CREATE TRIGGER audit_log_frozen BEFORE UPDATE ON audit_log FOR EACH ROW
  EXECUTE FUNCTION markguard_refuse('audit log is append-only')`,
  `CREATE TRIGGER audit_log_kept BEFORE DELETE ON audit_log FOR EACH ROW
  EXECUTE FUNCTION markguard_refuse('audit log is append-only')`,

  ...(
    [
      ['letters', 'issued letter is kept'],
      ['letter_hits', 'filings of an issued letter are kept'],
      ['letter_files', 'archived file record is kept'],
      ['letter_sequences', 'letter numbers are kept'],
      ['audit_log', 'audit log is append-only'],
    ] as const
  ).map(
    ([table, message]) => `CREATE TRIGGER ${table}_not_truncated BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT
  EXECUTE FUNCTION markguard_refuse('${message}')`,
  ),
];
