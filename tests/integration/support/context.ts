// A real SQLite file in a fresh temporary folder, built by the real migrations (no mocks of the database).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppConfig, type AppContext } from '../../../electron/context';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
export const SHARED_BENCH = path.resolve(REPO_ROOT, '..', 'shared', 'bench');

export function tempDir(prefix = 'markguard-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(dataDir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  let tick = Date.parse('2026-11-29T08:00:00Z');
  return {
    dataDir,
    seedsDir: SEEDS_DIR,
    actor: '测试员',
    transport: 'web',
    version: '0.0.0-test',
    // A clock that moves one second per reading keeps audit order and backup names deterministic.
    now: () => new Date((tick += 1000)),
    ...overrides,
  };
}

export function openTestContext(overrides: Partial<AppConfig> = {}): AppContext & { cleanup(): void } {
  const folder = tempDir();
  const ctx = createAppContext(testConfig(folder.dir, overrides));
  return Object.assign(ctx, {
    cleanup() {
      ctx.close();
      folder.remove();
    },
  });
}
