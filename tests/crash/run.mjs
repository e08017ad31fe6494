#!/usr/bin/env node
// The crash harness (issue 9), run on demand: `npm run crash [-- --runs N --ops import,backup --rows N --no-full-disk]`.
// For each long operation — import, screening, letter issue, backup, restore — it builds a data folder, times a
// clean run, then N times: copies the folder, starts a child process doing the operation, kills it with SIGKILL
// at a random moment, starts again (recovery runs as at every start), checks the database and the archive
// (integrity_check, foreign keys, no batch shown complete with missing rows, every recorded letter file present
// and unchanged, no archived file without its letter, no number above its sequence), finishes the operation and
// compares the final state with the clean run's. Then a full-disk run for import, backup and restore on a small
// tmpfs (root only; otherwise a full disk is injected where the backup writes). Prints counts; exits 1 on any loss.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    ops: { type: 'string', default: 'import,screening,letter,backup,restore' },
    rows: { type: 'string', default: '20000' },
    'no-full-disk': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const OPS = values.ops.split(',').map((s) => s.trim()).filter(Boolean);
const CHILD = path.join(root, 'out', 'crash-child.cjs');
/** Fault points (electron/faults.ts) where some runs are killed, per operation. */
const KILL_POINTS = {
  backup: ['backup:write', 'backup:before-rename'],
  restore: ['restore:between-renames', 'restore:after-reopen', 'backup:before-rename'],
};

async function bundle() {
  const main = spawnSync(process.execPath, [path.join(root, 'build', 'bundle-main.mjs'), '--quiet'], { stdio: 'inherit' });
  if (main.status !== 0) throw new Error('bundle-main failed');
  await build({
    entryPoints: [path.join(root, 'tests', 'crash', 'child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'sharp'],
    logLevel: 'warning',
  });
}

/**
 * Runs the child; with `kill`, kills it with SIGKILL `kill.afterMs` after the operation began (the child prints
 * BEGIN), or after the process started when `kill.inStartUp`. Resolves with its output and how it ended; `ms` is
 * the operation's own duration (from BEGIN).
 */
function child(mode, op, runDir, shared, kill) {
  return new Promise((resolve) => {
    let began = Date.now();
    const env = { ...process.env, CRASH_ROWS: values.rows, ...(kill?.at ? { MARKGUARD_FAULTS: `${kill.at}=kill` } : {}) };
    const proc = spawn(process.execPath, [CHILD, mode, op, runDir, shared], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    let killed = false;
    let timer = null;
    const arm = () => {
      timer = setTimeout(() => {
        killed = true;
        proc.kill('SIGKILL');
      }, kill.afterMs);
    };
    if (kill?.inStartUp) arm();
    proc.stdout.on('data', (d) => {
      out += d;
      if (timer === null && out.includes('BEGIN\n')) {
        began = Date.now();
        if (kill && !kill.at) arm();
      }
    });
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const started = began;
      const line = out.trim().split('\n').pop() ?? '';
      let json;
      try {
        json = JSON.parse(line);
      } catch {
        json = null;
      }
      resolve({ code, signal, killed: signal === 'SIGKILL' && (killed || Boolean(kill?.at)), json, err, ms: Date.now() - started });
    });
  });
}

const comparable = (state) => state && JSON.stringify({ ...state, notices: undefined, problems: undefined });

function judge(op, recovered, clean) {
  const losses = [];
  if (!recovered.json) return [`recovery start failed: ${recovered.err.trim().split('\n').slice(-3).join(' | ')}`];
  if (recovered.json.error) return [`recovery start failed: ${recovered.json.error}`];
  const { recovered: after, finishError, final } = recovered.json;
  for (const p of after.problems) losses.push(`after restart: ${p}`);
  if (op === 'restore' && after.marks !== clean.marks) losses.push(`after restart: ${after.marks} marks, neither before nor after the restore`);
  if (finishError) losses.push(`finishing failed: ${finishError}`);
  for (const p of final.problems) losses.push(`after finishing: ${p}`);
  if (comparable(final) !== comparable(clean)) losses.push(`final state differs from a clean run: ${comparable(final)} vs ${comparable(clean)}`);
  return losses;
}

function report(title, stats) {
  const clean = stats.cleanMs === undefined ? '' : `  (clean run ${stats.cleanMs} ms)`;
  const named = stats.named ? ` (${stats.named} at named points)` : '';
  const line = `${title.padEnd(22)} runs ${String(stats.runs).padStart(4)}  killed ${String(stats.killed).padStart(4)}${named}  finished before the kill ${String(stats.early).padStart(3)}  loss ${stats.losses.length}${clean}`;
  console.log(line);
  for (const loss of stats.losses.slice(0, 5)) console.log(`    ${loss}`);
  return line;
}

async function crashRuns(work, shared, op) {
  const template = path.join(work, `template-${op}`);
  const setup = await child('setup', op, template, shared);
  if (setup.code !== 0) throw new Error(`setup of ${op} failed: ${setup.json?.error ?? setup.err}`);
  const cleanDir = path.join(work, `clean-${op}`);
  cpSync(template, cleanDir, { recursive: true });
  const clean = await child('run', op, cleanDir, shared);
  if (clean.code !== 0 || !clean.json?.final) throw new Error(`clean run of ${op} failed: ${clean.json?.error ?? clean.err}`);
  if (clean.json.final.problems.length > 0) throw new Error(`clean run of ${op} has problems: ${clean.json.final.problems.join('; ')}`);
  const stats = { runs: 0, killed: 0, early: 0, named: 0, losses: [], cleanMs: clean.ms };
  for (let i = 0; i < RUNS; i += 1) {
    const runDir = path.join(work, `run-${op}-${i}`);
    cpSync(template, runDir, { recursive: true });
    // One run in five dies at a named point of the code (between a restore's renames, say: a window a random
    // moment almost never hits), one in ten while starting (recovery, the start-up backup, migrations), the rest
    // at a random moment of the operation.
    const points = KILL_POINTS[op] ?? [];
    const named = i % 5 === 4 && points.length > 0 ? points[Math.floor(i / 5) % points.length] : undefined;
    const inStartUp = !named && i % 10 === 9;
    const at = named ? 0 : Math.round(Math.random() * (inStartUp ? 3000 : clean.ms * 1.1));
    const run = await child('run', op, runDir, shared, named ? { at: named } : { afterMs: at, inStartUp });
    if (named) stats.named += 1;
    stats.runs += 1;
    if (run.killed) stats.killed += 1;
    else if (run.code === 0) stats.early += 1;
    else stats.losses.push(`run ${i}: the operation failed on its own: ${run.json?.error ?? run.err.slice(-300)}`);
    const recovered = await child('recover', op, runDir, shared);
    const when = named ? `killed at ${named}` : `killed ${at} ms into ${inStartUp ? 'the start' : 'the operation'}`;
    for (const loss of judge(op, recovered, clean.json.final)) stats.losses.push(`run ${i} (${when}): ${loss}`);
    if (!values.keep) rmSync(runDir, { recursive: true, force: true });
  }
  return { stats, template, clean };
}

function folderBytes(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

function tryMount(folder, bytes) {
  mkdirSync(folder, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', folder], { encoding: 'utf8' });
  return mounted.status === 0;
}

/** The disk fills up mid-operation: a tmpfs just larger than the data, the rest taken by a filler file. */
async function fullDiskRuns(work, shared, op, template, clean) {
  const stats = { runs: 0, killed: 0, early: 0, losses: [], failedCleanly: 0, how: '' };
  const size = folderBytes(template);
  const runs = Math.max(3, Math.round(RUNS / 10));
  for (let i = 0; i < runs; i += 1) {
    const disk = path.join(work, `disk-${op}-${i}`);
    const mounted = tryMount(disk, size * 3 + (8 << 20));
    stats.how = mounted ? 'tmpfs filled to a few bytes' : 'no tmpfs (not root): ENOSPC injected where backups write';
    const runDir = path.join(disk, 'run');
    cpSync(template, runDir, { recursive: true });
    const filler = path.join(disk, 'filler');
    const env = { ...process.env };
    if (mounted) {
      // leave between 0 and (the data's size) bytes free: the operation runs out somewhere along its way
      const free = Math.round((i / Math.max(1, runs - 1)) * size * 0.9) + 4096;
      const stat = spawnSync('df', ['-B1', '--output=avail', disk], { encoding: 'utf8' });
      const avail = Number(stat.stdout.trim().split('\n').pop());
      writeFileSync(filler, Buffer.alloc(Math.max(0, avail - free)));
    } else {
      process.env.MARKGUARD_FAULTS = 'backup:write=enospc';
    }
    const run = await child('run', op, runDir, shared);
    if (!mounted) process.env.MARKGUARD_FAULTS = env.MARKGUARD_FAULTS ?? '';
    stats.runs += 1;
    if (run.code === 0) stats.early += 1;
    else if (run.json?.error !== undefined) stats.failedCleanly += 1;
    else stats.losses.push(`run ${i}: ended without a message (${run.signal ?? run.code}): ${run.err.slice(-300)}`);
    rmSync(filler, { force: true });
    const recovered = await child('recover', op, runDir, shared);
    for (const loss of judge(op, recovered, clean.json.final)) stats.losses.push(`run ${i}: ${loss}`);
    if (mounted) spawnSync('umount', [disk]);
    if (!values.keep) rmSync(disk, { recursive: true, force: true });
  }
  return { stats };
}

async function main() {
  await bundle();
  const work = mkdtempSync(path.join(os.tmpdir(), 'markguard-crash-'));
  const shared = path.join(work, 'shared');
  mkdirSync(shared, { recursive: true });
  console.log(`crash harness: ${RUNS} kills per operation, ${values.rows} filing rows, work folder ${work}`);
  const lines = [];
  let losses = 0;
  const prepared = {};
  for (const op of OPS) {
    const { stats, template, clean } = await crashRuns(work, shared, op);
    prepared[op] = { template, clean };
    lines.push(report(`kill -9 ${op}`, stats));
    losses += stats.losses.length;
  }
  if (!values['no-full-disk']) {
    for (const op of ['import', 'backup', 'restore']) {
      if (!prepared[op]) continue;
      const { stats } = await fullDiskRuns(work, shared, op, prepared[op].template, prepared[op].clean);
      const line = `${`full disk ${op}`.padEnd(22)} runs ${String(stats.runs).padStart(4)}  completed ${stats.early}  failed with a message ${stats.failedCleanly}  loss ${stats.losses.length}  (${stats.how})`;
      console.log(line);
      for (const loss of stats.losses.slice(0, 5)) console.log(`    ${loss}`);
      lines.push(line);
      losses += stats.losses.length;
    }
  }
  console.log(`\ntotal loss: ${losses}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(losses === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
