// The letters' repository: letters, their hits and files, the per-year sequences and the letters' audit entries
// (migration 4), through the query builder on whatever executor the caller holds (the data or a transaction).
import type { Selectable } from 'kysely';
import type { LetterRef, LetterSummary } from '../../shared/contract/letters';
import { LetterFieldsSchema, type LetterDocument, type LetterFields, type LetterHitFacts, type LetterKind, type LetterStatus } from '../../shared/letters/model';
import type { DataExecutor } from '../data/queries';
import type { LettersTable } from '../data/schema';

export const LETTER_ENTITY = 'letter';
/** ids per IN list: far below SQLite's and PostgreSQL's limits on bound parameters */
const CHUNK = 1000;

export type LetterRow = Selectable<LettersTable>;

export interface StoredFile {
  format: 'docx' | 'pdf';
  path: string;
  sha256: string;
  size_bytes: number;
  /** the PDF's body font as told to the clerk (migration 5); '' for DOCX */
  font: string;
}

export interface LetterHitLink {
  hit_id: number | null;
  application_number: string;
  mark_id: string;
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

export interface IssueMark {
  year: number;
  sequence: number;
  number: string;
  record: IssuedRecord;
  on: string;
  at: string;
  by: string;
}

export function createLetterStore(db: DataExecutor) {
  const get = (id: number): Promise<LetterRow | undefined> => db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
  const hits = (id: number): Promise<LetterHitLink[]> =>
    db.selectFrom('letter_hits').select(['hit_id', 'application_number', 'mark_id']).where('letter_id', '=', id).orderBy('position').execute();
  const files = (id: number): Promise<StoredFile[]> =>
    db.selectFrom('letter_files').select(['format', 'path', 'sha256', 'size_bytes', 'font']).where('letter_id', '=', id).orderBy('format').execute();
  /** The letters naming each hit, oldest first; one query for all of them. */
  const refsOfHits = async (hitIds: readonly number[]): Promise<Map<number, LetterRef[]>> => {
    const refs = new Map<number, LetterRef[]>();
    const unique = [...new Set(hitIds)];
    for (let start = 0; start < unique.length; start += CHUNK) {
      const rows = await db
        .selectFrom('letter_hits as lh')
        .innerJoin('letters as l', 'l.id', 'lh.letter_id')
        .select(['lh.hit_id as hitId', 'l.id as id', 'l.kind as kind', 'l.status as status', 'l.document_number as documentNumber'])
        .where('lh.hit_id', 'in', unique.slice(start, start + CHUNK))
        .orderBy('l.id')
        .execute();
      for (const { hitId, ...letter } of rows) if (hitId !== null) refs.set(hitId, [...(refs.get(hitId) ?? []), letter]);
    }
    return refs;
  };
  const ref = async (id: number | null): Promise<LetterRef | null> => {
    const row = id === null ? undefined : await get(id);
    return row ? { id: row.id, kind: row.kind, status: row.status, documentNumber: row.document_number } : null;
  };

  return {
    get,
    hits,
    files,
    ref,
    list(status?: LetterStatus): Promise<LetterRow[]> {
      let query = db.selectFrom('letters').selectAll();
      if (status) query = query.where('status', '=', status);
      return query.orderBy((eb) => eb.fn.coalesce('issued_at', 'created_at'), 'desc').orderBy('id', 'desc').execute();
    },
    async insertDraft(kind: LetterKind, fields: LetterFields, at: string, actor: string, supersedes: number | null): Promise<number> {
      const row = await db
        .insertInto('letters')
        .values({ kind, fields_json: JSON.stringify(fields), created_at: at, created_by: actor, updated_at: at, supersedes })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async setHits(letterId: number, links: readonly { hitId: number; applicationNumber: string; markId: string }[]): Promise<void> {
      await db.deleteFrom('letter_hits').where('letter_id', '=', letterId).execute();
      if (links.length === 0) return;
      const values = links.map((hit, position) => ({ letter_id: letterId, hit_id: hit.hitId, application_number: hit.applicationNumber, mark_id: hit.markId, position }));
      await db.insertInto('letter_hits').values(values).execute();
    },
    async updateDraft(id: number, fields: LetterFields, at: string): Promise<void> {
      await db.updateTable('letters').set({ fields_json: JSON.stringify(fields), updated_at: at }).where('id', '=', id).where('status', '=', 'draft').execute();
    },
    async deleteDraft(id: number): Promise<boolean> {
      const deleted = await db.deleteFrom('letters').where('id', '=', id).where('status', '=', 'draft').returning('id').execute();
      return deleted.length > 0;
    },
    /**
     * Takes the year's next number in one statement: the row is locked (PostgreSQL) or the file is (SQLite) until
     * the caller's transaction ends, so concurrent issues queue here, and a rollback gives the number back unused.
     */
    async nextSequence(year: number): Promise<number> {
      const row = await db
        .insertInto('letter_sequences')
        .values({ year, last_number: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_number: eb('letter_sequences.last_number', '+', 1) })))
        .returning('last_number')
        .executeTakeFirstOrThrow();
      return row.last_number;
    },
    /** Freezes a draft as issued; false when it is no longer a draft (another request issued it first). */
    async markIssued(id: number, issue: IssueMark): Promise<boolean> {
      const { document } = issue.record;
      const updated = await db
        .updateTable('letters')
        .set({
          status: 'issued',
          year: issue.year,
          sequence: issue.sequence,
          document_number: issue.number,
          title: document.title,
          recipient: document.recipient,
          document_json: JSON.stringify(issue.record),
          issued_on: issue.on,
          issued_at: issue.at,
          issued_by: issue.by,
          updated_at: issue.at,
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .returning('id')
        .execute();
      return updated.length > 0;
    },
    /** false when the letter is no longer issued (superseded by another correction meanwhile). */
    async markSuperseded(id: number, by: number): Promise<boolean> {
      const updated = await db
        .updateTable('letters')
        .set({ status: 'superseded', superseded_by: by })
        .where('id', '=', id)
        .where('status', '=', 'issued')
        .returning('id')
        .execute();
      return updated.length > 0;
    },
    async saveFile(id: number, file: StoredFile, at: string): Promise<void> {
      await db
        .insertInto('letter_files')
        .values({ letter_id: id, format: file.format, path: file.path, sha256: file.sha256, size_bytes: file.size_bytes, created_at: at, font: file.font })
        .onConflict((oc) =>
          oc.columns(['letter_id', 'format']).doUpdateSet((eb) => ({
            path: eb.ref('excluded.path'),
            sha256: eb.ref('excluded.sha256'),
            size_bytes: eb.ref('excluded.size_bytes'),
            created_at: eb.ref('excluded.created_at'),
            font: eb.ref('excluded.font'),
          })),
        )
        .execute();
    },
    async refsOfHit(hitId: number): Promise<LetterRef[]> {
      return (await refsOfHits([hitId])).get(hitId) ?? [];
    },
    refsOfHits,
    async audit(entry: { at: string; actor: string; action: string; key: number; before: unknown; after: unknown; note: string }): Promise<void> {
      const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
      await db
        .insertInto('audit_log')
        .values({ at: entry.at, actor: entry.actor, action: entry.action, entity: LETTER_ENTITY, entity_key: String(entry.key), before_json: json(entry.before), after_json: json(entry.after), note: entry.note })
        .execute();
    },
    /** The summaries of many letters in a few queries (the archive lists every letter). */
    async summaries(rows: readonly LetterRow[]): Promise<LetterSummary[]> {
      const links = new Map<number, LetterHitLink[]>();
      const stored = new Map<number, StoredFile[]>();
      const ids = rows.map((row) => row.id);
      for (let start = 0; start < ids.length; start += CHUNK) {
        const chunk = ids.slice(start, start + CHUNK);
        const hitRows = await db
          .selectFrom('letter_hits')
          .select(['letter_id', 'hit_id', 'application_number', 'mark_id'])
          .where('letter_id', 'in', chunk)
          .orderBy('letter_id')
          .orderBy('position')
          .execute();
        for (const { letter_id, ...link } of hitRows) links.set(letter_id, [...(links.get(letter_id) ?? []), link]);
        const fileRows = await db
          .selectFrom('letter_files')
          .select(['letter_id', 'format', 'path', 'sha256', 'size_bytes', 'font'])
          .where('letter_id', 'in', chunk)
          .orderBy('letter_id')
          .orderBy('format')
          .execute();
        for (const { letter_id, ...file } of fileRows) stored.set(letter_id, [...(stored.get(letter_id) ?? []), file]);
      }
      const listed = new Map(rows.map((row): [number, LetterRef] => [row.id, { id: row.id, kind: row.kind, status: row.status, documentNumber: row.document_number }]));
      const refOf = async (id: number | null) => (id === null ? null : (listed.get(id) ?? (await ref(id))));
      const summaries: LetterSummary[] = [];
      for (const row of rows) {
        const hitsOf = links.get(row.id) ?? [];
        summaries.push({
          id: row.id,
          kind: row.kind,
          status: row.status,
          documentNumber: row.document_number,
          title: row.title || fieldsOf(row).title,
          recipient: row.recipient || fieldsOf(row).recipient,
          hitCount: hitsOf.length,
          applicationNumbers: hitsOf.map((h) => h.application_number),
          createdAt: row.created_at,
          createdBy: row.created_by,
          issuedOn: row.issued_on,
          issuedBy: row.issued_by,
          supersedes: await refOf(row.supersedes),
          supersededBy: await refOf(row.superseded_by),
          files: (stored.get(row.id) ?? []).map((f) => ({ format: f.format, sha256: f.sha256, sizeBytes: f.size_bytes, font: f.font })),
        });
      }
      return summaries;
    },
  };
}

export type LetterStore = ReturnType<typeof createLetterStore>;
