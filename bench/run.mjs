#!/usr/bin/env node
// Benchmarks, run by `npm run bench` after bundling (out/*.cjs). A simple list of benchmark modules: each exports
// `name` and `run()`, prints its figures and returns nothing. Figures are printed, not asserted.
// `npm run bench -- --only logos` runs only the named benchmarks (logos is the long one: it draws its images once);
// `npm run bench -- server-load --seconds=10` gives that benchmark an option.
import { screenScale } from './screen-scale.mjs';
import { devQuality } from './dev-quality.mjs';
import { workflow } from './workflow.mjs';
import { xlsxImport } from './xlsx-import.mjs';
import { logos } from './logos.mjs';
import { serverLoad } from './server-load.mjs';

const BENCHMARKS = [devQuality, screenScale, workflow, xlsxImport, logos, serverLoad];

// names may follow --only (npm run bench -- --only logos) or stand alone (npm run bench -- logos)
// options of one benchmark (--seconds=10) are read by that benchmark
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
for (const bench of BENCHMARKS) {
  if (only.length && !only.includes(bench.name)) continue;
  console.log(`\n=== ${bench.name} ===`);
  const started = Date.now();
  try {
    await bench.run();
  } catch (error) {
    console.log(`${bench.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  console.log(`(${bench.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
