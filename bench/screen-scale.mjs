// Throughput: 10,000 marks × 1,000,000 filings from ../shared/bench/gen-scale.mjs (generated once, cached under the
// OS temp folder). Prints the floor (read and split the same CSV), the full screen CSV → JSON Lines (wall time and
// peak memory of the CLI child process, worker threads included), the Fuse.js route on a sample, and the per-filing
// speed ratio. Targets (issue 3, tightened by issue 8): ≤ 30 s, ≤ 1.5 GB, ratio ≥ 300×.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import Fuse from 'fuse.js';
import { needShared, root, runNode, sharedBench } from './common.mjs';

const MARKS = Number(process.env.MARKGUARD_BENCH_MARKS ?? 10_000);
const FILINGS = Number(process.env.MARKGUARD_BENCH_FILINGS ?? 1_000_000);
const FUSE_SAMPLE = 300;

async function dataset() {
  const dir = path.join(tmpdir(), 'markguard-bench', `scale-${MARKS}x${FILINGS}`);
  if (!existsSync(path.join(dir, 'filings.csv'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`generating ${MARKS} marks × ${FILINGS} filings in ${dir} (once) …`);
    const gen = await runNode([path.join(sharedBench, 'gen-scale.mjs'), dir, String(MARKS), String(FILINGS)]);
    if (gen.status !== 0) throw new Error(`gen-scale failed: ${gen.stderr}`);
  }
  return dir;
}

/** Minimal CSV for the bench's own sampling (the generator quotes nothing but plain fields). */
function readRows(file, limit) {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.slice(1, limit ? limit + 1 : undefined).filter(Boolean).map((l) => l.split(','));
}

async function floor(filings) {
  const r = await runNode([path.join(root, 'out/read-floor.cjs'), filings]);
  if (r.status !== 0) throw new Error(`floor failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function fullScreen(dir) {
  const out = path.join(dir, 'hits.jsonl');
  const r = await runNode([path.join(root, 'out/screen.cjs'), '--registry', path.join(dir, 'registry.csv'),
    '--filings', path.join(dir, 'filings.csv'), '--out', out]);
  if (r.status !== 0) throw new Error(`screen failed: ${r.stderr.trim().split('\n').at(-1)}`);
  const done = r.stderr.split('\n').find((l) => l.startsWith('完成')) ?? '';
  const peakMb = Number(/峰值内存 (\d+) MB/.exec(done)?.[1] ?? NaN);
  const cpuSeconds = Number(/CPU ([\d.]+) 秒/.exec(done)?.[1] ?? NaN);
  const hits = Number(/命中 (\d+) 条/.exec(done)?.[1] ?? NaN);
  rmSync(out, { force: true });
  return { seconds: r.seconds, cpuSeconds, peakMb, hits };
}

function fuseRoute(dir) {
  const marks = readRows(path.join(dir, 'registry.csv')).map((c) => ({ id: c[0], name: c[1], aliases: (c[6] ?? '').split(';').filter(Boolean) }));
  const sample = readRows(path.join(dir, 'filings.csv'), FUSE_SAMPLE).map((c) => c[1]);
  const started = process.hrtime.bigint();
  const fuse = new Fuse(marks, { keys: ['name', 'aliases'], threshold: 0.4, includeScore: true });
  let hits = 0;
  for (const text of sample) hits += fuse.search(text).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perFilingMs: (seconds / sample.length) * 1000, sample: sample.length, hits };
}

export const screenScale = {
  name: 'screen-scale',
  async run() {
    if (!needShared('screen-scale')) return;
    const dir = await dataset();
    const filings = path.join(dir, 'filings.csv');
    const f = await floor(filings);
    console.log(`floor (read + split ${f.rows} rows, same reader as the screen): ${f.seconds.toFixed(1)} s`);
    // the machine may be shared: the load average says how far the wall time can be trusted
    const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
    const s = await fullScreen(dir);
    console.log(`full screen CSV → JSONL, ${MARKS} marks × ${FILINGS} filings: ${s.seconds.toFixed(1)} s (target ≤ 30 s; ` +
      `CPU ${s.cpuSeconds} s over all threads; load average before ${loadBefore}), peak RSS ${s.peakMb} MB (target ≤ 1536 MB), ${s.hits} hits`);
    const fz = fuseRoute(dir);
    const engineMs = (s.seconds / FILINGS) * 1000;
    console.log(`Fuse.js (threshold 0.4 over names and aliases), ${fz.sample} filings: ${fz.perFilingMs.toFixed(2)} ms per filing`);
    console.log(`engine: ${(engineMs * 1000).toFixed(1)} µs per filing end to end; ratio engine vs Fuse: ` +
      `${Math.round(fz.perFilingMs / engineMs)}× (target ≥ 300×)`);
  },
};
