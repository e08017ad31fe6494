import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase, schemaVersionOf } from '../../electron/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import letterFileFonts from '../../electron/db/migrations/006-letter-file-fonts';
import { tempDir } from './support/context';

const folders: { remove(): void }[] = [];
function dbPath(): string {
  const folder = tempDir();
  folders.push(folder);
  return path.join(folder.dir, 'test.sqlite');
}
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('migration 1 creates the registry and the audit log, and enforces the six categories', () => {
    const db = new Database(dbPath());
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersionOf(db)).toBe(1);
    expect(tables(db)).toEqual(['audit_log', 'protected_marks']);
    const insert = db.prepare(
      "INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES (?, '青海湖', ?, 'x', 'x')",
    );
    insert.run('A', '公共资源');
    expect(() => insert.run('B', '普通商标')).toThrow(/CHECK/);
    expect(() => insert.run('A', '公共资源')).toThrow(/UNIQUE/);
    db.close();
  });

  it('migration 2 adds settings to a version-1 database and keeps its data', () => {
    const file = dbPath();
    const v1 = new Database(file);
    applyMigrations(v1, MIGRATIONS.slice(0, 1));
    v1.prepare(
      "INSERT INTO protected_marks (mark_id, name, category, created_at, updated_at) VALUES ('A', '塔尔寺', '公共资源', 'x', 'x')",
    ).run();
    v1.close();
    const db = new Database(file);
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    expect(schemaVersionOf(db)).toBe(2);
    expect(tables(db)).toContain('settings');
    expect(db.prepare('SELECT name FROM protected_marks').get()).toEqual({ name: '塔尔寺' });
    db.close();
  });

  it('migration 3 adds batches, filings, listings and hits; a filing is stored once and its hits go with it', () => {
    const db = openDatabase(dbPath());
    expect(schemaVersionOf(db)).toBeGreaterThanOrEqual(3);
    expect(tables(db)).toEqual(expect.arrayContaining(['batches', 'batch_problems', 'filings', 'listings', 'hits']));
    db.prepare(
      "INSERT INTO batches (kind, file_name, file_path, file_size, status, started_at) VALUES ('filing', 'a.csv', '/a.csv', 1, 'imported', 'x')",
    ).run();
    const insertFiling = db.prepare(
      "INSERT INTO filings (application_number, batch_id, mark_text, nice_class) VALUES (?, 1, '青海湖', 33)",
    );
    insertFiling.run('70000001');
    expect(() => insertFiling.run('70000001')).toThrow(/UNIQUE/);
    const insertHit = db.prepare(
      `INSERT INTO hits (source, filing_id, listing_id, mark_id, mark_name, mark_category, matched_text, matched_mark, score, reasons, found_at)
       VALUES (?, ?, ?, 'G1', '青海湖', '公共资源', '青海湖', '青海湖', 1, '["identical"]', 'x')`,
    );
    insertHit.run('filing', 1, null);
    expect(() => insertHit.run('filing', null, null)).toThrow(/CHECK/);
    expect(() => insertHit.run('filing', 1, null)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE hits SET decision = 'maybe'").run()).toThrow(/CHECK/);
    db.prepare('DELETE FROM batches').run();
    expect(db.prepare('SELECT count(*) AS n FROM hits').get()).toEqual({ n: 0 });
    db.close();
  });

  it('migration 4 adds letters: per-year sequences, numbers never shared, issued letters frozen and kept', () => {
    const db = openDatabase(dbPath());
    expect(schemaVersionOf(db)).toBeGreaterThanOrEqual(4);
    expect(tables(db)).toEqual(expect.arrayContaining(['letter_sequences', 'letters', 'letter_hits', 'letter_files']));
    const draft = db.prepare(
      "INSERT INTO letters (kind, fields_json, created_at, created_by, updated_at) VALUES ('referral', '{}', 'x', 'x', 'x')",
    );
    const first = Number(draft.run().lastInsertRowid);
    const second = Number(draft.run().lastInsertRowid);
    const issue = db.prepare(
      "UPDATE letters SET status = 'issued', year = 2026, sequence = ?, document_number = ?, document_json = '{}' WHERE id = ?",
    );
    issue.run(1, '青市监商函〔2026〕1号', first);
    expect(() => issue.run(1, '青市监商函〔2026〕1号', second)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE letters SET title = 'changed' WHERE id = ?").run(first)).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM letters WHERE id = ?').run(first)).toThrow(/kept/);
    expect(() => db.prepare("UPDATE letters SET status = 'superseded' WHERE id = ?").run(first)).toThrow(/CHECK/);
    issue.run(2, '青市监商函〔2026〕2号', second);
    db.prepare("UPDATE letters SET status = 'superseded', superseded_by = ? WHERE id = ?").run(second, first);
    expect(() => db.prepare("UPDATE letters SET status = 'issued', superseded_by = NULL WHERE id = ?").run(first)).toThrow(/frozen/);
    expect(() => db.prepare("INSERT INTO letters (kind, fields_json, created_at, created_by, updated_at) VALUES ('memo', '{}', 'x', 'x', 'x')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('the letter-file-fonts migration adds the PDF font to the archived files of an existing database, keeping them', () => {
    const at = MIGRATIONS.findIndex((m) => m.name === letterFileFonts.name);
    expect(at).toBeGreaterThan(0);
    const file = dbPath();
    const before = new Database(file);
    applyMigrations(before, MIGRATIONS.slice(0, at));
    before.prepare("INSERT INTO letters (kind, fields_json, created_at, created_by, updated_at) VALUES ('referral', '{}', 'x', 'x', 'x')").run();
    before.prepare("INSERT INTO letter_files (letter_id, format, path, sha256, size_bytes, created_at) VALUES (1, 'pdf', 'a.pdf', 'h', 1, 'x')").run();
    before.close();
    const db = new Database(file);
    applyMigrations(db, MIGRATIONS.slice(0, at + 1));
    expect(db.prepare('SELECT path, font FROM letter_files').all()).toEqual([{ path: 'a.pdf', font: '' }]);
    db.close();
  });

  it('opens in WAL mode with foreign keys on', () => {
    const db = openDatabase(dbPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = dbPath();
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    expect(() => openDatabase(file)).toThrow(/更新版本.*拒绝打开/);
    const check = new Database(file);
    expect(schemaVersionOf(check)).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(tables(check)).toEqual([]);
    check.close();
  });

  it('rolls back a failing migration as a whole', () => {
    const file = dbPath();
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE t (x); SELECT * FROM nowhere;' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/nowhere/);
    const db = new Database(file);
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('t');
    db.close();
  });
});
