// The crash harness's child process (bundled by tests/crash/run.mjs to out/crash-child.cjs, so that imports and
// screening use the app's real worker threads). Modes:
//   setup   <op> <runDir> <shared>  build the data folder an operation starts from
//   run     <op> <runDir> <shared>  start as the app does, do the operation to its end (the parent kills it)
//   recover <op> <runDir> <shared>  start (recovery runs), print the state, finish the operation, print it again
// Every mode prints one JSON line on stdout.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import type { AppConfig, AppContext } from '../../electron/context';
import { createBatchesRepository } from '../../electron/batches/repository';
import { createLettersHandlers } from '../../electron/letters/handlers';
import { createFileGrants } from '../../electron/files/grants';
import { sha256 } from '../../electron/letters/files';
import { createBackupService } from '../../electron/backup/service';
import { createRegistryService } from '../../electron/registry/service';
import { createReviewService } from '../../electron/review/service';
import { startServices } from '../../electron/startup';
import { FILING_HEADER, filingLine } from '../integration/support/batches';
import { sampleMark } from '../integration/support/marks';
import { finishOperation, type OperationName } from './operations';
import { marksRepository } from '../../electron/registry/marks';

const dataDirOf = (runDir: string) => path.join(runDir, 'data');
const backupFileOf = (runDir: string) => path.join(runDir, 'files', 'backup.sqlite');

function config(runDir: string): AppConfig {
  return {
    dataDir: dataDirOf(runDir),
    seedsDir: path.join(process.cwd(), 'seeds'),
    actor: '崩溃测试',
    transport: 'web',
    version: 'crash',
    workerDir: __dirname,
    // one day for every run, so that letter numbers and years compare between runs
    now: () => new Date(Date.parse('2026-11-29T02:00:00Z') + (Date.now() % 86_400_000) / 100),
  };
}

/** Filings whose marks imitate the sample registry's (hits), among plain ones. */
export function writeFilingsFile(file: string, marks: readonly string[], rows: number): void {
  const lines = Array.from({ length: rows }, (_, i) =>
    filingLine(String(50_000_000 + i), i % 50 === 0 ? `${marks[i % marks.length]}王` : `普通商标${i}`, { publishedOn: '2026-11-20' }),
  );
  writeFileSync(file, [FILING_HEADER, ...lines].join('\r\n'));
}

/** What the harness compares: counts and statuses, never times or hashes that differ between clean runs. */
async function state(ctx: AppContext, runDir: string) {
  const db = ctx.db;
  const integrity = db.pragma('integrity_check', { simple: true });
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  const batches = (await createBatchesRepository(ctx.data).list()).map((b) => {
    const rows = (db.prepare('SELECT count(*) AS n FROM filings WHERE batch_id = ?').get(b.id) as { n: number }).n;
    const hits = (db.prepare('SELECT count(*) AS n FROM hits WHERE batch_id = ?').get(b.id) as { n: number }).n;
    return { status: b.status, totalRows: b.totalRows, newRows: b.newRows, rows, hits, hitCount: b.hitCount };
  });
  const letters = db
    .prepare('SELECT id, status, document_number AS number FROM letters ORDER BY id')
    .all() as { id: number; status: string; number: string | null }[];
  const files = db.prepare('SELECT letter_id AS id, format, path, sha256 FROM letter_files ORDER BY letter_id, format').all() as {
    id: number;
    format: string;
    path: string;
    sha256: string;
  }[];
  const problems: string[] = [];
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${foreignKeys.length} rows`);
  for (const b of batches) {
    if ((b.status === 'imported' || b.status === 'screened') && b.rows !== b.newRows) problems.push(`batch shown ${b.status} with ${b.rows} of ${b.newRows} rows`);
    if (b.status === 'screened' && b.hits !== b.hitCount) problems.push(`batch shown screened with ${b.hits} of ${b.hitCount} hits`);
  }
  for (const f of files) {
    const absolute = path.join(ctx.config.dataDir, f.path);
    if (!existsSync(absolute)) problems.push(`letter ${f.id} ${f.format} recorded but missing`);
    else if (sha256(readFileSync(absolute)) !== f.sha256) problems.push(`letter ${f.id} ${f.format} differs from its record`);
  }
  const numbers = new Set(letters.map((l) => l.number).filter((n): n is string => n !== null));
  const archive = path.join(ctx.config.dataDir, 'letters', '2026');
  const archived = existsSync(archive) ? readdirSync(archive).filter((n) => !n.endsWith('.part')) : [];
  for (const name of archived) if (!numbers.has(name.replace(/\.(docx|pdf)$/, ''))) problems.push(`archived ${name} without its letter`);
  const sequence = (db.prepare('SELECT max(last_number) AS n FROM letter_sequences').get() as { n: number | null }).n ?? 0;
  if (letters.some((l) => l.number !== null && Number(/〕(\d+)号/.exec(l.number)?.[1]) > sequence)) problems.push('a letter number above its sequence');
  const backup = backupFileOf(runDir);
  let backupCounts: unknown = null;
  if (existsSync(backup)) {
    try {
      const copy = new Database(backup, { readonly: true });
      backupCounts = { integrity: copy.pragma('integrity_check', { simple: true }), marks: (copy.prepare('SELECT count(*) AS n FROM protected_marks').get() as { n: number }).n };
      copy.close();
    } catch (error) {
      problems.push(`backup file unreadable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    marks: await marksRepository(ctx.data).count(),
    batches,
    letters: letters.map((l) => ({ status: l.status, number: l.number, files: files.filter((f) => f.id === l.id).map((f) => f.format) })),
    archived: archived.sort(),
    backup: backupCounts,
    notices: ctx.notices,
    problems,
  };
}

async function setup(op: OperationName, runDir: string, shared: string): Promise<void> {
  mkdirSync(path.dirname(backupFileOf(runDir)), { recursive: true });
  const services = await startServices(config(runDir), createQueuedDialogs());
  const ctx = services.ctx;
  try {
    const csv = path.join(shared, 'filings.csv');
    if (!existsSync(csv)) writeFilingsFile(csv, (await marksRepository(ctx.data).list()).slice(0, 40).map((m) => m.name), Number(process.env.CRASH_ROWS ?? 20_000));
    if (op === 'restore') {
      // a mark the sample does not have: a database seeded afresh (the bug of item 5) shows by lacking it
      await createRegistryService(ctx).create(sampleMark({ id: 'CRASH-1', name: '崩溃测试标' }));
      await createBackupService(ctx).create(backupFileOf(runDir));
    }
    if (op === 'import') return;
    await finishOperation(ctx, 'import', csv);
    if (op === 'letter') {
      const hit = ctx.db.prepare("SELECT id FROM hits WHERE source = 'filing' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
      if (!hit) throw new Error('no hit to write a letter for');
      await createReviewService(ctx).decide([hit.id], 'confirmed');
      await createLettersHandlers(ctx, { dialogs: createQueuedDialogs(), files: createFileGrants() })['letters.draftFromHits']({ hitIds: [hit.id], kind: 'referral' });
    }
  } finally {
    services.close();
  }
}

function argument(op: OperationName, runDir: string, shared: string): string {
  if (op === 'import') return path.join(shared, 'filings.csv');
  return backupFileOf(runDir);
}

async function main(): Promise<void> {
  const [mode, op, runDir, shared] = process.argv.slice(2) as [string, OperationName, string, string];
  if (mode === 'setup') {
    await setup(op, runDir, shared);
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
    return;
  }
  const services = await startServices(config(runDir), createQueuedDialogs());
  try {
    if (mode === 'run') {
      process.stdout.write('BEGIN\n'); // the parent's kill clock starts here: the start-up is not the operation
      await finishOperation(services.ctx, op, argument(op, runDir, shared));
      process.stdout.write(`${JSON.stringify({ final: await state(services.ctx, runDir) })}\n`);
      return;
    }
    const recovered = await state(services.ctx, runDir);
    let finishError: string | null = null;
    try {
      await finishOperation(services.ctx, op, argument(op, runDir, shared));
    } catch (error) {
      finishError = error instanceof Error ? error.message : String(error);
    }
    process.stdout.write(`${JSON.stringify({ recovered, finishError, final: await state(services.ctx, runDir) })}\n`);
  } finally {
    services.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
    process.exit(1);
  },
);
