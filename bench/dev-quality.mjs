// Quality on the labelled development set (../shared/bench/dev): the screen CLI's hits scored by score.mjs; and on
// the real cases of ../shared/bench/real-dev, the part the model was fitted on and the part kept apart.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { needShared, root, runNode, sharedBench } from './common.mjs';

export const devQuality = {
  name: 'dev-quality',
  async run() {
    if (!needShared('dev-quality')) return;
    const dev = path.join(sharedBench, 'dev');
    const work = mkdtempSync(path.join(tmpdir(), 'markguard-bench-dev-'));
    for (const kind of ['filings', 'listings']) {
      const out = path.join(work, `${kind}.jsonl`);
      const screen = await runNode([path.join(root, 'out/screen.cjs'), '--registry', path.join(dev, 'registry.csv'),
        `--${kind}`, path.join(dev, `${kind}.csv`), '--out', out, '--quiet']);
      if (screen.status !== 0) throw new Error(`screen ${kind} failed: ${screen.stderr.trim()}`);
      const scored = await runNode([path.join(sharedBench, 'score.mjs'), path.join(dev, `${kind}.labels.csv`), out]);
      console.log(`-- ${kind}: node ../shared/bench/score.mjs ../shared/bench/dev/${kind}.labels.csv HITS.jsonl`);
      console.log(scored.stdout.trimEnd());
    }
    // real cases: the part the model was fitted on and the part kept apart, scored the same way (in process)
    const real = await runNode([path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'bench/engine/evaluate.ts'), '--real-only']);
    if (real.status !== 0) throw new Error(`real-dev evaluation failed: ${real.stderr.trim()}`);
    console.log(real.stdout.trimEnd());
  },
};
