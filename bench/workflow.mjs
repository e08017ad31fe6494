// Screening workflow (issue 4): import of 1,000,000 filings into SQLite (target ≤ 20 s) and filter + sort over
// 100,000 stored hits (target ≤ 100 ms), each against a baseline measured in the same process.
import path from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { existsSync, mkdirSync } from 'node:fs';
import { needShared, root, runNode, sharedBench } from './common.mjs';

const FILINGS = Number(process.env.MARKGUARD_BENCH_FILINGS ?? 1_000_000);
const MARKS = Number(process.env.MARKGUARD_BENCH_MARKS ?? 10_000);

export const workflow = {
  name: 'workflow',
  async run() {
    if (!needShared('workflow')) return;
    const dir = path.join(tmpdir(), 'markguard-bench', `scale-${MARKS}x${FILINGS}`);
    if (!existsSync(path.join(dir, 'filings.csv'))) {
      mkdirSync(dir, { recursive: true });
      const gen = await runNode([path.join(sharedBench, 'gen-scale.mjs'), dir, String(MARKS), String(FILINGS)]);
      if (gen.status !== 0) throw new Error(`gen-scale failed: ${gen.stderr}`);
    }
    const load = loadavg();
    const r = await runNode([path.join(root, 'out', 'bench-workflow.cjs'), path.join(dir, 'filings.csv'), path.join(dir, 'workflow')]);
    if (r.status !== 0) throw new Error(r.stderr.trim().split('\n').slice(-3).join(' '));
    console.log(`machine load before the run: ${load.map((l) => l.toFixed(1)).join(' ')} (2 cores; wall times above 2 are inflated)`);
    for (const line of r.stdout.trim().split('\n')) {
      const m = JSON.parse(line);
      if (m.kind === 'import') {
        console.log(`import ${m.totalRows} filings into SQLite: ${m.seconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU ` +
          `(target ≤ 20 s), ${Math.round(m.totalRows / m.seconds)} rows/s; floor (read + split the same file): ` +
          `${m.floorSeconds.toFixed(1)} s wall, ${m.floorCpuSeconds.toFixed(1)} s CPU; ratio ${(m.cpuSeconds / m.floorCpuSeconds).toFixed(1)}× ` +
          `the floor in CPU time; new ${m.newRows}, bad ${m.badRows}`);
      } else {
        console.log(`query over ${m.hits} hits — ${m.label}: ${m.medianMs.toFixed(1)} ms wall, ${m.medianCpuMs.toFixed(1)} ms CPU, median of 7 (target ≤ 100 ms), ` +
          `${m.total} matching; baseline count(*) ${m.baselineMs.toFixed(1)} ms`);
      }
    }
  },
};
