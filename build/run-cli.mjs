#!/usr/bin/env node
// Runs a bundled command-line entry (out/<name>.cjs), bundling first only when a source is newer than the bundle, so
// that `npm run screen` answers in a second rather than rebuilding every time.
//   node build/run-cli.mjs screen --registry … --filings … --out …
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const bundle = path.join(root, 'out', `${name}.cjs`);

/** The newest modification time under the folders the main-process bundles are built from. */
function newestSource() {
  let newest = statSync(path.join(root, 'package-lock.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['shared', 'electron']) walk(path.join(root, dir));
  newest = Math.max(newest, statSync(path.join(root, 'build', 'bundle-main.mjs')).mtimeMs);
  return newest;
}

if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource()) {
  const built = spawnSync(process.execPath, [path.join(root, 'build', 'bundle-main.mjs'), '--quiet'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 2);
}
const run = spawnSync(process.execPath, [bundle, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 2);
