// Figurative marks (issue 12): quality on the generated logo set (per-kind recall on the holdout half, negatives
// flagged, scored by ../shared/bench/score.mjs; again with every image in grey), symmetric emblems and wrapped copies
// (a rule or a ring round the copy, a tinted page, a tilt, a stretch, a name beside, a label on a product in a
// photo, the logo redrawn as line art, with a drop shadow or with fading fills: bench/logos/wrappers.ts)
// apart, and throughput — 100,000 filing images against 10,000 logos, decoding and hashing included, beside a scan
// of every logo in the same run. Both sets are drawn once (seeded)
// and cached under the OS temp folder. Targets: ≥ 0.95 per kind, ≤ 0.01 negatives; ≤ 60 s and ≤ 1.5 GB.
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { needShared, root, runNode, sharedBench } from './common.mjs';

const LOGOS = Number(process.env.MARKGUARD_BENCH_LOGOS ?? 10_000);
const FILINGS = Number(process.env.MARKGUARD_BENCH_LOGO_FILINGS ?? 100_000);

const lastLines = (text, n = 3) => text.trim().split('\n').slice(-n).join(' ');

export const logos = {
  name: 'logos',
  async run() {
    if (!needShared('logos')) return;
    const setDir = path.join(tmpdir(), 'markguard-bench', 'logoset');
    mkdirSync(setDir, { recursive: true });
    const q = await runNode([path.join(root, 'out/bench-logos-quality.cjs'), setDir, path.join(sharedBench, 'score.mjs')]);
    if (q.status !== 0) throw new Error(`logo quality failed: ${lastLines(q.stderr)}`);
    process.stdout.write(q.stdout);
    // the same set with the filings printed in black and white, then with every image so (the rule is chosen on colour)
    for (const [flag, label] of [['--grey-filings', 'filings in grey'], ['--grey', 'all in grey']]) {
      const g = await runNode([path.join(root, 'out/bench-logos-quality.cjs'), setDir, path.join(sharedBench, 'score.mjs'), flag]);
      if (g.status !== 0) throw new Error(`logo quality (${label}) failed: ${lastLines(g.stderr)}`);
      process.stdout.write(g.stdout.split('\n').filter((l) => /^(fit|holdout)/.test(l)).map((l) => `${label}, ${l}\n`).join(''));
    }
    const s = await runNode([path.join(root, 'out/bench-logos-symmetric.cjs'), setDir]);
    if (s.status !== 0) throw new Error(`symmetric emblems failed: ${lastLines(s.stderr)}`);
    process.stdout.write(s.stdout);
    const w = await runNode([path.join(root, 'out/bench-logos-wrappers.cjs'), setDir]);
    if (w.status !== 0) throw new Error(`wrapped copies failed: ${lastLines(w.stderr)}`);
    process.stdout.write(w.stdout);
    // what a screening and a 以图查询 pay to read the registry's stored logos (the set's 1,000)
    const l = await runNode([path.join(root, 'out/bench-logos-registry-load.cjs'), path.join(setDir, 'registry'), '1000']);
    if (l.status !== 0) throw new Error(`registry load failed: ${lastLines(l.stderr)}`);
    const rl = JSON.parse(l.stdout.trim().split('\n').at(-1));
    console.log(`reading ${rl.logos} stored registry logos (${rl.kbPerLogo.toFixed(1)} KB each) into the index: ${rl.readMs.toFixed(3)} ms a logo, ` +
      `against ${rl.hashingMs.toFixed(3)} ms hashing them again as features version 21 did (${rl.ratio.toFixed(1)}×); the same hashes: ${rl.identical}`);

    const dir = path.join(tmpdir(), 'markguard-bench', `logos-${LOGOS}x${FILINGS}`);
    if (!existsSync(path.join(dir, 'done'))) {
      console.log(`drawing ${LOGOS} logos and ${FILINGS} filing images in ${dir} (once) …`);
      const g = await runNode([path.join(root, 'out/bench-logos-scale.cjs'), 'generate', dir]);
      if (g.status !== 0) throw new Error(`logo set failed: ${lastLines(g.stderr)}`);
    }
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    const r = await runNode([path.join(root, 'out/bench-logos-scale.cjs'), 'run', dir]);
    if (r.status !== 0) throw new Error(`logo throughput failed: ${lastLines(r.stderr)}`);
    const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
    console.log(`${m.filings} filing images against ${m.registry} logos, read + decode + hash + search: ${m.totalSeconds.toFixed(1)} s ` +
      `(target ≤ 60 s; registry ${m.registrySeconds.toFixed(1)} s of it; CPU ${m.cpuSeconds.toFixed(1)} s over all threads; ` +
      `load average before ${load}), peak RSS ${m.peakMb} MB (target ≤ 1536 MB); unreadable ${m.registryFailed} + ${m.filingsFailed}`);
    console.log(`search alone: multi-index ${m.searchSeconds.toFixed(2)} s for all filings over ${m.registryEntries} registry entries ` +
      `(logos and their crops; and the parts' index); on ${m.sampled} of the filings multi-index ${m.indexSampleSeconds.toFixed(2)} s against ` +
      `${m.scanSeconds.toFixed(2)} s scanning every entry (${(m.scanSeconds / m.indexSampleSeconds).toFixed(1)}×), ` +
      `filings where the two differ: ${m.differ}; ${m.hits} hits on ${m.filingsWithHits} filings`);
    console.log(`one thread, on the same ${m.sampled} filings after the run: reading and decoding ${m.decodeMs.toFixed(2)} ms an image, ` +
      `reading with all of a filing's features ${m.featuresMs.toFixed(2)} ms; decoding alone of ${m.filings} filings on two cores is ` +
      `${((m.decodeMs * m.filings) / 2000).toFixed(1)} s, all features ${((m.featuresMs * m.filings) / 2000).toFixed(1)} s, before any search`);
    // the app's import of a batch's images: the same features in one thread and on the pool's threads
    const p = await runNode([path.join(root, 'out/bench-logos-import.cjs'), dir, '2000']);
    if (p.status !== 0) throw new Error(`image import pool failed: ${lastLines(p.stderr)}`);
    const ip = JSON.parse(p.stdout.trim().split('\n').at(-1));
    console.log(`a batch's images as the app imports them (electron/logos/features-pool.ts), ${ip.images} of these filings: ` +
      `${ip.inThreadMs.toFixed(2)} ms an image in one thread, ${ip.poolMs.toFixed(2)} ms on ${ip.threads} threads (${ip.ratio.toFixed(2)}×; ` +
      `CPU over all threads ${ip.inThreadCpuMs.toFixed(2)} / ${ip.poolCpuMs.toFixed(2)} ms an image), the same features: ${ip.identical}`);
    const forms = Object.entries(m.copiesFound).map(([form, share]) => `${form} ${share.toFixed(3)}`).join(', ');
    console.log(`at this registry size: of the ${m.copies} filings copying a registry logo (drawn at 240 px against the ` +
      `registry's 200) the logo found per form: ${forms}; of the ${m.others} other filings ${m.othersFlagged} flagged ` +
      `(${(m.othersFlagged / m.others).toFixed(4)}: false flags grow with the registry; compare the quality set above, 1,000 logos); ` +
      `their hits by kind of pair: ${Object.entries(m.othersByVia).map(([via, n]) => `${via} ${n}`).join(', ')}; ${m.registryParts} parts in the registry`);
  },
};
