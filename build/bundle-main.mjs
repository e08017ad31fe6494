// Bundles the main-process side (Electron main, preload, command line, workers, web bridge, server) with esbuild.
// The renderer is built by Vite (renderer/vite.config.ts). Native modules and electron stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

/** entry (relative to the root) → output file name in out/ */
const ENTRIES = {
  'electron/main.ts': 'main.cjs',
  'electron/preload.ts': 'preload.cjs',
  'electron/web.ts': 'web.cjs',
  'electron/server/main.ts': 'server.cjs',
  'electron/cli/screen.ts': 'screen.cjs',
  'electron/workers/screening-worker.ts': 'screening-worker.cjs',
  'electron/workers/batch-import-worker.ts': 'batch-import-worker.cjs',
  'electron/workers/image-screen-worker.ts': 'image-screen-worker.cjs',
  'electron/workers/image-features-worker.ts': 'image-features-worker.cjs',
  'electron/workers/letter-render-worker.ts': 'letter-render-worker.cjs',
  'bench/drivers/workflow.ts': 'bench-workflow.cjs',
  'bench/drivers/xlsx-import.ts': 'bench-xlsx.cjs',
  'bench/drivers/server-load.ts': 'bench-server-load.cjs',
  'electron/cli/read-floor.ts': 'read-floor.cjs',
  'bench/logos/quality.ts': 'bench-logos-quality.cjs',
  'bench/logos/scale.ts': 'bench-logos-scale.cjs',
  'bench/logos/hash-worker.ts': 'bench-logos-worker.cjs',
  'bench/logos/symmetric.ts': 'bench-logos-symmetric.cjs',
  'bench/logos/wrappers.ts': 'bench-logos-wrappers.cjs',
  'bench/logos/import-pool.ts': 'bench-logos-import.cjs',
  'bench/logos/registry-load.ts': 'bench-logos-registry-load.cjs',
  'bench/logos/explain.ts': 'bench-logos-explain.cjs',
};

const started = Date.now();
await Promise.all(
  Object.entries(ENTRIES).map(([entry, outName]) =>
    build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, 'out', outName),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      // pg-native: pg's optional native binding, never installed (pg's pure-JS client is used)
      external: ['electron', 'better-sqlite3', 'sharp', 'pg-native'],
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);
if (!quiet) console.error(`bundle-main: ${Object.keys(ENTRIES).length} entries in ${Date.now() - started} ms`);
