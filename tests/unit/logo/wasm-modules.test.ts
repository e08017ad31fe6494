// The WebAssembly modules committed beside the code that calls them are what their AssemblyScript sources in
// assembly/ compile to: a kernel changed without running build/gen-wasm.mjs, or a module edited by hand, fails here.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

describe('the committed WebAssembly modules', () => {
  it('are compiled from their AssemblyScript sources as committed (node build/gen-wasm.mjs --check)', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'build/gen-wasm.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
