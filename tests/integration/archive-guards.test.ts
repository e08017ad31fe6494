// What was issued cannot be changed (issue 9, items 15 and 16): the freeze holds in the UPDATE that supersedes a
// letter, the letter's filings, file records, number sequences and the audit log refuse changes, a body code that
// cannot name a file is refused before a number is taken, and an unknown category stops a letter.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import guards from '../../electron/db/migrations/007-archive-guards';
import removal from '../../electron/db/migrations/008-batch-removal';
import { MIGRATIONS } from '../../electron/db/migrations';
import { applyMigrations } from '../../electron/db/open';
import { openTestContext, tempDir } from './support/context';
import { lettersApi, seedConfirmedHits, type SeededHits } from './support/letters';
import { settingsRepository } from '../../electron/data/settings';

let ctx: ReturnType<typeof openTestContext>;
let api: ReturnType<typeof lettersApi>;
let hits: SeededHits;
beforeEach(() => {
  ctx = openTestContext();
  api = lettersApi(ctx);
  hits = seedConfirmedHits(ctx);
});
afterEach(() => ctx.cleanup());

async function issued(hitIds: number[]): Promise<number> {
  const draft = await api['letters.draftFromHits']({ hitIds, kind: 'referral' });
  return (await api['letters.issue']({ id: draft.id })).id;
}

describe('the letter freeze (item 15)', () => {
  it('refuses an UPDATE that supersedes a letter and changes its kind, year, sequence or issue date with it', async () => {
    const first = await issued([hits.gi[0] ?? 0]);
    const second = await issued([hits.gi[1] ?? 0]);
    const supersede = (extra: string) =>
      ctx.db.prepare(`UPDATE letters SET status = 'superseded', superseded_by = ?${extra} WHERE id = ?`).run(second, first);
    expect(() => supersede(", kind = 'holder-notice'")).toThrow(/frozen/);
    expect(() => supersede(', year = 2025')).toThrow(/frozen/);
    expect(() => supersede(', sequence = 99')).toThrow(/frozen/);
    expect(() => supersede(", issued_on = '2020-01-01'")).toThrow(/frozen/);
    expect(() => supersede(", issued_by = '别人'")).toThrow(/frozen/);
    expect(supersede('').changes).toBe(1);
  }, 60_000);

  it('protects the filings and file records of an issued letter, the number sequences and the audit log', async () => {
    const id = await issued([hits.gi[0] ?? 0]);
    const run = (sql: string) => () => ctx.db.prepare(sql).run();
    expect(run(`UPDATE letter_hits SET application_number = '1' WHERE letter_id = ${id}`)).toThrow(/frozen/);
    expect(run(`DELETE FROM letter_hits WHERE letter_id = ${id}`)).toThrow(/kept/);
    expect(run(`INSERT INTO letter_hits (letter_id, hit_id, application_number, mark_id, position) VALUES (${id}, NULL, '2', 'x', 9)`)).toThrow(/frozen/);
    expect(run(`UPDATE letter_files SET path = 'elsewhere.pdf' WHERE letter_id = ${id}`)).toThrow(/frozen/);
    expect(run(`DELETE FROM letter_files WHERE letter_id = ${id}`)).toThrow(/kept/);
    expect(run('UPDATE letter_sequences SET last_number = 0')).toThrow(/rise/);
    expect(run('DELETE FROM letter_sequences')).toThrow(/kept/);
    expect(run("UPDATE audit_log SET note = '改'")).toThrow(/append-only/);
    expect(run('DELETE FROM audit_log')).toThrow(/append-only/);
    // A batch removed later only unlinks its hit: the application number stays with the letter.
    expect(ctx.db.prepare(`UPDATE letter_hits SET hit_id = NULL WHERE letter_id = ${id}`).run().changes).toBe(1);
    expect(ctx.db.prepare('UPDATE letter_sequences SET last_number = last_number + 1').run().changes).toBe(1);
  }, 60_000);

  it('refuses a body code with control characters before a number is taken, never with the default in its place', async () => {
    const settings = await api['letters.settings.get']({});
    await settingsRepository(ctx.data).set('letters.settings', { ...settings, bodyCode: '青市监\u0007商函' }, ctx.now());
    const draft = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    await expect(api['letters.issue']({ id: draft.id })).rejects.toThrow(/函件设置有误，未签发、未占用文号/);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM letter_sequences').get()).toEqual({ n: 0 });
    expect((await api['letters.get']({ id: draft.id })).status).toBe('draft');
  }, 60_000);
});

describe('an unknown category (item 16)', () => {
  it('stops drafting with the filing and the category named, instead of citing the articles of 省著名商标', async () => {
    // the mark was deleted since; the hit's snapshot holds a category this version does not know
    ctx.db.prepare("UPDATE hits SET mark_key = NULL, mark_category = '市著名商标' WHERE id = ?").run(hits.lake);
    await expect(api['letters.draftFromHits']({ hitIds: [hits.lake], kind: 'referral' })).rejects.toThrow(/71000004.*类别「市著名商标」无法识别/);
  });
});

describe('migrations archive-guards and batch-removal on an existing database', () => {
  it('apply over issued letters and batches, keeping them, and guard them from then on', () => {
    const folder = tempDir();
    try {
      const file = path.join(folder.dir, 'old.sqlite');
      const old = new Database(file);
      applyMigrations(old, MIGRATIONS.slice(0, MIGRATIONS.indexOf(guards)));
      old.exec(`INSERT INTO letters (kind, fields_json, created_at, created_by, updated_at) VALUES ('referral', '{}', 'x', 'x', 'x');
        UPDATE letters SET status = 'issued', year = 2026, sequence = 1, document_number = '青市监商函〔2026〕1号', document_json = '{}' WHERE id = 1;
        INSERT INTO letter_sequences (year, last_number) VALUES (2026, 1);
        INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES ('filing', 'a.csv', '/a.csv', 1, 'screened', 'x');`);
      old.close();
      const db = new Database(file);
      applyMigrations(db, MIGRATIONS.slice(0, Math.max(MIGRATIONS.indexOf(guards), MIGRATIONS.indexOf(removal)) + 1));
      expect(db.prepare('SELECT document_number, removing_at FROM letters, batches').get()).toEqual({ document_number: '青市监商函〔2026〕1号', removing_at: null });
      expect(() => db.prepare('UPDATE letter_sequences SET last_number = 0').run()).toThrow(/rise/);
      expect(() => db.prepare("UPDATE letters SET kind = 'holder-notice'").run()).toThrow(/frozen/);
      db.close();
    } finally {
      folder.remove();
    }
  });
});
