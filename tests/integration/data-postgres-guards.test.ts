// The archive guards of SQLite migration 7 on PostgreSQL (the refusals archive-guards.test.ts checks through the
// app, here as plain statements, run on both databases): an issued letter changes only to superseded, and its
// filings, its archived files' records, the number sequences and the audit log refuse every change but the few the
// app makes. A draft stays free. And the CHECKs of both refuse the same rows.
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrateDataStore } from '../../electron/data/postgres/migrate';
import { dataQueriesOn } from '../../electron/data/queries';
import type { DataSchema } from '../../electron/data/schema';
import { openDatabase } from '../../electron/db/open';
import type { StoreKind } from '../../electron/store/store';
import { tempDir } from './support/context';
import { openedOnce } from './support/once';
import { openFreshStore } from './support/stores';

/** The data's tables on a fresh SQLite file (its numbered migrations) or a fresh PostgreSQL schema (its twins). */
async function openData(kind: StoreKind): Promise<{ db: Kysely<DataSchema>; close(): Promise<void> }> {
  if (kind === 'sqlite') {
    const folder = tempDir('markguard-guards-');
    const file = openDatabase(path.join(folder.dir, 'markguard.sqlite'));
    return { db: dataQueriesOn(file), close: () => Promise.resolve(file.close()).then(() => folder.remove()) };
  }
  const test = await openFreshStore('postgres');
  await migrateDataStore(test.store);
  // the store is typed for the accounts' tables; the same connections hold the data's
  return { db: test.store.db as unknown as Kysely<DataSchema>, close: () => test.drop() };
}

let db: Kysely<DataSchema>;
/** Runs one statement; resolves to the rows it changed. */
const run = async (statement: string): Promise<number> => Number((await sql.raw(statement).execute(db)).numAffectedRows ?? 0);

let seeded = 0;
/** A batch with two filings and their hits, and a draft letter citing the first with a PDF on record. */
async function seedDraft(): Promise<{ letter: number; hits: number[]; batch: number; year: number }> {
  seeded += 1;
  const at = '2026-12-01T08:00:00.000Z';
  const batch = await db.insertInto('batches').values({ kind: 'filing', file_name: 'a.csv', file_path: '/a.csv', file_size: 1, status: 'screened', started_at: at })
    .returning('id').executeTakeFirstOrThrow();
  const hits: number[] = [];
  for (const n of [1, 2]) {
    const filing = await db.insertInto('filings').values({ application_number: `7100${seeded}${n}`, batch_id: batch.id, mark_text: '青海湖', nice_class: 30 })
      .returning('id').executeTakeFirstOrThrow();
    const hit = await db.insertInto('hits')
      .values({ source: 'filing', filing_id: filing.id, mark_id: 'P-1', mark_name: '青海湖', mark_category: '公共资源', matched_text: '青海湖', matched_mark: '青海湖', score: 0.9, reasons: '[]', batch_id: batch.id, found_at: at })
      .returning('id').executeTakeFirstOrThrow();
    hits.push(hit.id);
  }
  const letter = await db.insertInto('letters').values({ kind: 'referral', fields_json: '{}', created_at: at, created_by: '张', updated_at: at })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('letter_hits').values({ letter_id: letter.id, hit_id: hits[0] ?? 0, application_number: `7100${seeded}1`, mark_id: 'P-1', position: 1 }).execute();
  await db.insertInto('letter_files').values({ letter_id: letter.id, format: 'pdf', path: `letters/${seeded}.pdf`, sha256: 'a'.repeat(64), size_bytes: 9, created_at: at }).execute();
  return { letter: letter.id, hits, batch: batch.id, year: 2000 + seeded };
}

/** Issues a draft as the app does: its number taken from the year's sequence, its document frozen. */
async function issue(letter: number, year: number): Promise<void> {
  await db.insertInto('letter_sequences').values({ year, last_number: 1 })
    .onConflict((conflict) => conflict.column('year').doUpdateSet({ last_number: sql`letter_sequences.last_number + 1` })).execute();
  await run(`UPDATE letters SET status = 'issued', year = ${year}, sequence = (SELECT last_number FROM letter_sequences WHERE year = ${year}),
    document_number = '青市监商函〔${year}〕' || ${letter} || '号', document_json = '{}', issued_on = '2026-12-01', issued_at = 'x', issued_by = '李'
    WHERE id = ${letter}`);
  await db.insertInto('audit_log').values({ at: 'x', actor: '李', action: 'issue', entity: 'letter', entity_key: String(letter) }).execute();
}

// The same statements on both databases: PostgreSQL's guards are checked against SQLite's, not against a reading of them.
describe.each(['sqlite', 'postgres'] as const)('the archive guards on %s', (kind) => {
  const data = openedOnce(() => openData(kind), (opened) => opened.close());
  beforeEach(() => {
    db = data().db;
  });

  it('refuses an UPDATE that supersedes a letter and changes its kind, year, sequence or issue date with it', async () => {
    const first = await seedDraft();
    const second = await seedDraft();
    await issue(first.letter, first.year);
    await issue(second.letter, second.year);
    const supersede = (extra: string) => run(`UPDATE letters SET status = 'superseded', superseded_by = ${second.letter}${extra} WHERE id = ${first.letter}`);
    await expect(supersede(", kind = 'holder-notice'")).rejects.toThrow(/issued letter is frozen/);
    await expect(supersede(', year = 2025')).rejects.toThrow(/frozen/);
    await expect(supersede(', sequence = 99')).rejects.toThrow(/frozen/);
    await expect(supersede(", issued_on = '2020-01-01'")).rejects.toThrow(/frozen/);
    await expect(supersede(", issued_by = '别人'")).rejects.toThrow(/frozen/);
    await expect(supersede(", title = '改'")).rejects.toThrow(/frozen/);
    expect(await supersede('')).toBe(1);
    // superseded once, then nothing more
    await expect(run(`UPDATE letters SET superseded_by = ${first.letter} WHERE id = ${first.letter}`)).rejects.toThrow(/frozen/);
    await expect(run(`DELETE FROM letters WHERE id = ${second.letter}`)).rejects.toThrow(/issued letter is kept/);
    expect(await db.selectFrom('letters').select(['status', 'kind', 'superseded_by']).where('id', '=', first.letter).executeTakeFirst())
      .toEqual({ status: 'superseded', kind: 'referral', superseded_by: second.letter });
  });

  it('protects the filings and file records of an issued letter, the number sequences and the audit log', async () => {
    const { letter, year } = await seedDraft();
    await issue(letter, year);
    await expect(run(`UPDATE letter_hits SET application_number = '1' WHERE letter_id = ${letter}`)).rejects.toThrow(/filings of an issued letter are frozen/);
    await expect(run(`DELETE FROM letter_hits WHERE letter_id = ${letter}`)).rejects.toThrow(/filings of an issued letter are kept/);
    await expect(run(`INSERT INTO letter_hits (letter_id, hit_id, application_number, mark_id, position) VALUES (${letter}, NULL, '2', 'x', 9)`))
      .rejects.toThrow(/filings of an issued letter are frozen/);
    await expect(run(`UPDATE letter_files SET path = 'elsewhere.pdf' WHERE letter_id = ${letter}`)).rejects.toThrow(/archived file record is frozen/);
    await expect(run(`DELETE FROM letter_files WHERE letter_id = ${letter}`)).rejects.toThrow(/archived file record is kept/);
    await expect(run('UPDATE letter_sequences SET last_number = 0')).rejects.toThrow(/letter numbers only rise/);
    await expect(run(`UPDATE letter_sequences SET year = 1999 WHERE year = ${year}`)).rejects.toThrow(/only rise/);
    await expect(run('DELETE FROM letter_sequences')).rejects.toThrow(/letter numbers are kept/);
    await expect(run("UPDATE audit_log SET note = '改'")).rejects.toThrow(/audit log is append-only/);
    await expect(run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    // what the app does: a file missing from the archive rendered again records its new hash; a batch removed
    // later only unlinks its hit; the next number rises
    expect(await run(`UPDATE letter_files SET sha256 = '${'b'.repeat(64)}', size_bytes = 10 WHERE letter_id = ${letter}`)).toBe(1);
    expect(await run(`UPDATE letter_hits SET hit_id = NULL WHERE letter_id = ${letter}`)).toBe(1);
    expect(await run(`UPDATE letter_sequences SET last_number = last_number + 1 WHERE year = ${year}`)).toBe(1);
  });

  it('keeps an issued letter\'s filings readable when their batch is removed', async () => {
    const { letter, year, batch, hits } = await seedDraft();
    await issue(letter, year);
    expect(await run(`DELETE FROM batches WHERE id = ${batch}`)).toBe(1);
    expect(await db.selectFrom('hits').select('id').where('id', 'in', hits).execute()).toEqual([]);
    expect(await db.selectFrom('letter_hits').select(['hit_id', 'application_number']).where('letter_id', '=', letter).execute())
      .toEqual([{ hit_id: null, application_number: `7100${seeded}1` }]);
  });

  it('leaves a draft free: its text, its filings, and the draft itself may change or go', async () => {
    const { letter, hits } = await seedDraft();
    expect(await run(`UPDATE letters SET title = '改', recipient = '某局' WHERE id = ${letter}`)).toBe(1);
    expect(await run(`INSERT INTO letter_hits (letter_id, hit_id, application_number, mark_id, position) VALUES (${letter}, ${hits[1]}, '2', 'P-1', 2)`)).toBe(1);
    expect(await run(`UPDATE letter_hits SET position = 5 WHERE letter_id = ${letter}`)).toBe(2);
    expect(await run(`DELETE FROM letter_hits WHERE letter_id = ${letter} AND position = 5 AND hit_id = ${hits[1]}`)).toBe(1);
    // its file record stays, as on SQLite: a draft with an archived file is not deleted either
    await expect(run(`DELETE FROM letters WHERE id = ${letter}`)).rejects.toThrow(/archived file record is kept/);
    const bare = await db.insertInto('letters').values({ kind: 'holder-notice', fields_json: '{}', created_at: 'x', created_by: '张', updated_at: 'x' })
      .returning('id').executeTakeFirstOrThrow();
    await run(`INSERT INTO letter_hits (letter_id, hit_id, application_number, mark_id, position) VALUES (${bare.id}, ${hits[1]}, '2', 'P-1', 1)`);
    expect(await run(`DELETE FROM letters WHERE id = ${bare.id}`)).toBe(1);
    expect(await db.selectFrom('letter_hits').select('id').where('letter_id', '=', bare.id).execute()).toEqual([]);
  });


  it('refuses the same rows by their CHECKs', async () => {
    const { letter, hits } = await seedDraft();
    const refused = [
      "INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES ('C-1', '某', '普通商标', 'x', 'x')",
      "INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES ('table', 'a', 'a', 1, 'imported', 'x')",
      "INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES ('filing', 'a', 'a', 1, 'done', 'x')",
      "INSERT INTO hits (source, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons, found_at) VALUES ('filing', 'm', 'm', 'c', 't', 't', 1, '[]', 'x')",
      "INSERT INTO hits (source, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons, found_at) VALUES ('web', 'm', 'm', 'c', 't', 't', 1, '[]', 'x')",
      `UPDATE hits SET decision = 'maybe' WHERE id = ${hits[0]}`,
      `UPDATE hits SET dismiss_reason = '别的' WHERE id = ${hits[0]}`,
      `UPDATE hits SET listing_id = filing_id WHERE id = ${hits[0]}`,
      "INSERT INTO letters (kind, fields_json, created_at, created_by, updated_at) VALUES ('memo', '{}', 'x', 'x', 'x')",
      "INSERT INTO letters (kind, status, fields_json, created_at, created_by, updated_at) VALUES ('referral', 'issued', '{}', 'x', 'x', 'x')",
      `UPDATE letters SET document_json = '{}' WHERE id = ${letter}`,
      "INSERT INTO letter_sequences (year, last_number) VALUES (1990, -1)",
      `INSERT INTO letter_files (letter_id, format, path, sha256, size_bytes, created_at) VALUES (${letter}, 'odt', 'p', 's', 1, 'x')`,
      "INSERT INTO images (sha256, format, size_bytes, width, height, phash, dhash, thumb, created_at) VALUES ('abc', 'png', 1, 1, 1, '0000000000000000', '0000000000000000', 'x', 'x')",
    ];
    for (const statement of refused) await expect(run(statement), statement).rejects.toThrow(/check constraint/i);
  });
});

describe('the archive guards on PostgreSQL alone', () => {
  const data = openedOnce(() => openData('postgres'), (opened) => opened.close());
  beforeEach(() => {
    db = data().db;
  });

  it('refuse TRUNCATE, which fires no row trigger, on every guarded table', async () => {
    const { letter, year } = await seedDraft();
    await issue(letter, year);
    for (const table of ['letters', 'letter_hits', 'letter_files', 'letter_sequences', 'audit_log']) {
      await expect(run(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/kept|append-only/);
    }
    await expect(run('TRUNCATE batches CASCADE')).rejects.toThrow(/kept|append-only/);
    expect(await db.selectFrom('letter_hits').select('letter_id').where('letter_id', '=', letter).execute()).toHaveLength(1);
  });
});
