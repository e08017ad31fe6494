// Helpers shared by the benchmark modules.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared/bench: read at run time, never copied into the project. */
export const sharedBench = path.resolve(root, '../shared/bench');

/** Prints why a benchmark cannot run and returns false when ../shared/bench is absent. */
export function needShared(name) {
  if (existsSync(path.join(sharedBench, 'score.mjs'))) return true;
  console.log(`${name}: skipped — ${sharedBench} not found (the labelled sets and generators live there)`);
  return false;
}

/** Runs `node args…`; resolves with {status, stdout, stderr, seconds}. */
export function runNode(args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  });
}
