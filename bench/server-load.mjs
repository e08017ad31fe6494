// The server under load (issue 11): 20 simulated clerks (17 科员, 3 处长) on a real HTTPS server on loopback for
// 60 s — decisions per second, latency percentiles, conflicts, letters — then the checks that no decision was lost
// or duplicated and that no letter number repeats or skips. Needs PostgreSQL on 127.0.0.1:5432 (database `test`,
// or MARKGUARD_DATABASE_URL). A shorter run: `npm run bench -- server-load --seconds=10`; `--heads=0` runs 20 科员
// and no letters; `--filings=N` changes the batch.
import path from 'node:path';
import { loadavg } from 'node:os';
import { root, runNode } from './common.mjs';

function option(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
}

const ms = (v) => `${v.toFixed(1)} ms`;

export const serverLoad = {
  name: 'server-load',
  async run() {
    const seconds = option('seconds', 60);
    const filings = option('filings', 3000);
    const heads = option('heads', 3);
    const load = loadavg();
    const r = await runNode([path.join(root, 'out', 'bench-server-load.cjs'), String(seconds), String(filings), String(heads)]);
    if (r.status !== 0) throw new Error(r.stderr.trim().split('\n').slice(-5).join(' '));
    console.log(`machine load before the run: ${load.map((l) => l.toFixed(1)).join(' ')} (2 cores; server, its screening workers and the 20 clients share them)`);
    let failed = false;
    for (const line of r.stdout.trim().split('\n')) {
      const m = JSON.parse(line);
      if (m.kind === 'setup') {
        console.log(`setup: ${m.marks} protected marks, ${m.filings} filings imported and screened → ${m.hits} hits (${m.seedSeconds.toFixed(1)} s); ${m.clerks} 科员 + ${m.heads} 处长`);
      } else if (m.kind === 'result') {
        console.log(`${m.seconds.toFixed(1)} s: ${m.decisions} decisions accepted (${m.decisionsPerSecond.toFixed(1)}/s, ${m.hitWrites} hits written), ` +
          `${m.conflicts} refused as conflicts, ${m.lettersIssued} letters issued (${m.draftsRefused} drafts refused: hits already in a letter); ` +
          `${m.requests} requests (${m.requestsPerSecond.toFixed(1)}/s)`);
      } else if (m.kind === 'latency') {
        console.log(`latency ${m.channel} (${m.count}): p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, p99 ${ms(m.p99)}`);
      } else if (m.kind === 'server') {
        console.log(`CPU during the run: server ${m.cpuSeconds.toFixed(1)} s, clients ${m.clientCpuSeconds.toFixed(1)} s; server event loop delay p99 ${ms(m.loopP99)}, max ${ms(m.loopMax)}`);
      } else if (m.kind === 'check') {
        failed ||= !m.ok;
        console.log(`${m.ok ? 'PASS' : 'FAIL'} ${m.name} — ${m.detail}`);
      }
    }
    if (failed) process.exitCode = 1;
  },
};
