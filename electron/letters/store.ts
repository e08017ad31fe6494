// SQL for letters, their hits and files, the per-year sequences and the letters' audit entries (migration 4).
import type { LetterRef, LetterSummary } from '../../shared/contract/letters';
import { LetterFieldsSchema, type LetterDocument, type LetterFields, type LetterHitFacts, type LetterKind, type LetterStatus } from '../../shared/letters/model';
import type { Db } from '../db/open';

export const LETTER_ENTITY = 'letter';

export interface LetterRow {
  id: number;
  kind: LetterKind;
  status: LetterStatus;
  year: number | null;
  sequence: number | null;
  document_number: string | null;
  title: string;
  recipient: string;
  fields_json: string;
  document_json: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  issued_on: string | null;
  issued_at: string | null;
  issued_by: string | null;
  supersedes: number | null;
  superseded_by: number | null;
}

export interface StoredFile {
  format: 'docx' | 'pdf';
  path: string;
  sha256: string;
  size_bytes: number;
  /** the PDF's body font as told to the clerk (migration 5); '' for DOCX */
  font: string;
}

/** Parsed through the schema, so a draft saved before a field existed reads with that field's default. */
export const fieldsOf = (row: LetterRow): LetterFields => LetterFieldsSchema.parse(JSON.parse(row.fields_json));
/** What an issued letter froze: the filled document and the facts of its filings at that moment. */
export interface IssuedRecord {
  document: LetterDocument;
  facts: LetterHitFacts[];
}
export const issuedRecordOf = (row: LetterRow): IssuedRecord | null =>
  row.document_json ? (JSON.parse(row.document_json) as IssuedRecord) : null;

export function createLetterStore(db: Db) {
  const get = db.prepare<[number], LetterRow>('SELECT * FROM letters WHERE id = ?');
  const hitsOf = db.prepare<[number], { hit_id: number | null; application_number: string; mark_id: string }>(
    'SELECT hit_id, application_number, mark_id FROM letter_hits WHERE letter_id = ? ORDER BY position',
  );
  const filesOf = db.prepare<[number], StoredFile>('SELECT * FROM letter_files WHERE letter_id = ? ORDER BY format');
  const refsOfHit = db.prepare<[number], LetterRef & { hitId: number }>(
    `SELECT lh.hit_id AS hitId, l.id AS id, l.kind AS kind, l.status AS status, l.document_number AS documentNumber
     FROM letter_hits lh JOIN letters l ON l.id = lh.letter_id WHERE lh.hit_id = ? ORDER BY l.id`,
  );
  const takeNumber = db.prepare<[number], { last_number: number }>(
    `INSERT INTO letter_sequences (year, last_number) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
  );
  const audit = db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json, note)
     VALUES (?, ?, ?, '${LETTER_ENTITY}', ?, ?, ?, ?)`,
  );

  const ref = (id: number | null): LetterRef | null => {
    const row = id === null ? undefined : get.get(id);
    return row ? { id: row.id, kind: row.kind, status: row.status, documentNumber: row.document_number } : null;
  };

  return {
    get: (id: number): LetterRow | undefined => get.get(id),
    list(status?: LetterStatus): LetterRow[] {
      const sql = 'SELECT * FROM letters';
      const order = ' ORDER BY COALESCE(issued_at, created_at) DESC, id DESC';
      return status
        ? db.prepare<[string], LetterRow>(`${sql} WHERE status = ?${order}`).all(status)
        : db.prepare<[], LetterRow>(`${sql}${order}`).all();
    },
    insertDraft(kind: LetterKind, fields: LetterFields, at: string, actor: string, supersedes: number | null): number {
      const result = db
        .prepare(
          `INSERT INTO letters (kind, fields_json, created_at, created_by, updated_at, supersedes)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(kind, JSON.stringify(fields), at, actor, at, supersedes);
      return Number(result.lastInsertRowid);
    },
    setHits(letterId: number, hits: readonly { hitId: number; applicationNumber: string; markId: string }[]): void {
      db.prepare('DELETE FROM letter_hits WHERE letter_id = ?').run(letterId);
      const insert = db.prepare(
        'INSERT INTO letter_hits (letter_id, hit_id, application_number, mark_id, position) VALUES (?, ?, ?, ?, ?)',
      );
      hits.forEach((hit, position) => insert.run(letterId, hit.hitId, hit.applicationNumber, hit.markId, position));
    },
    updateDraft(id: number, fields: LetterFields, at: string): void {
      db.prepare(`UPDATE letters SET fields_json = ?, updated_at = ? WHERE id = ? AND status = 'draft'`).run(
        JSON.stringify(fields),
        at,
        id,
      );
    },
    deleteDraft: (id: number): boolean => db.prepare(`DELETE FROM letters WHERE id = ? AND status = 'draft'`).run(id).changes > 0,
    /** Takes the year's next number; call inside the issuing transaction so a rollback gives it back unused. */
    nextSequence: (year: number): number => takeNumber.get(year)?.last_number ?? 1,
    markIssued(id: number, issue: { year: number; sequence: number; number: string; record: IssuedRecord; on: string; at: string; by: string }): void {
      const { document } = issue.record;
      db.prepare(
        `UPDATE letters SET status = 'issued', year = ?, sequence = ?, document_number = ?, title = ?, recipient = ?,
           document_json = ?, issued_on = ?, issued_at = ?, issued_by = ?, updated_at = ?
         WHERE id = ? AND status = 'draft'`,
      ).run(issue.year, issue.sequence, issue.number, document.title, document.recipient,
        JSON.stringify(issue.record), issue.on, issue.at, issue.by, issue.at, id);
    },
    markSuperseded(id: number, by: number): void {
      db.prepare(`UPDATE letters SET status = 'superseded', superseded_by = ? WHERE id = ? AND status = 'issued'`).run(by, id);
    },
    hits: (id: number) => hitsOf.all(id),
    files: (id: number): StoredFile[] => filesOf.all(id),
    saveFile(id: number, file: StoredFile, at: string): void {
      db.prepare(
        `INSERT INTO letter_files (letter_id, format, path, sha256, size_bytes, created_at, font) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (letter_id, format) DO UPDATE SET path = excluded.path, sha256 = excluded.sha256,
           size_bytes = excluded.size_bytes, created_at = excluded.created_at, font = excluded.font`,
      ).run(id, file.format, file.path, file.sha256, file.size_bytes, at, file.font);
    },
    refsOfHit: (hitId: number): LetterRef[] => refsOfHit.all(hitId).map(({ hitId: _hit, ...letter }) => letter),
    ref,
    audit(entry: { at: string; actor: string; action: string; key: number; before: unknown; after: unknown; note: string }): void {
      const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
      audit.run(entry.at, entry.actor, entry.action, String(entry.key), json(entry.before), json(entry.after), entry.note);
    },
    summary(row: LetterRow): LetterSummary {
      const hits = hitsOf.all(row.id);
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        documentNumber: row.document_number,
        title: row.title || fieldsOf(row).title,
        recipient: row.recipient || fieldsOf(row).recipient,
        hitCount: hits.length,
        applicationNumbers: hits.map((h) => h.application_number),
        createdAt: row.created_at,
        createdBy: row.created_by,
        issuedOn: row.issued_on,
        issuedBy: row.issued_by,
        supersedes: ref(row.supersedes),
        supersededBy: ref(row.superseded_by),
        files: filesOf.all(row.id).map((f) => ({ format: f.format, sha256: f.sha256, sizeBytes: f.size_bytes, font: f.font })),
      };
    },
  };
}

export type LetterStore = ReturnType<typeof createLetterStore>;
