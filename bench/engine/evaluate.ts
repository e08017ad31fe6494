// Engine quality on the labelled sets, in process: dev, real-dev (fit part and holdout part apart).
//   npx tsx bench/engine/evaluate.ts [--misses] [--real-only]
// Hits are scored by ../shared/bench/score.mjs, the same scorer the closing notes quote.
import { buildRegistryIndex, screenFiling, screenListing } from '../../shared/engine';
import type { Hit } from '../../shared/domain';
import { loadSet, partOf, type Label, type LabelledSet } from './labelled';
import { scoreReport } from './score-hits';

const showMisses = process.argv.includes('--misses');

function score(name: string, rows: { label: Label; hits: Hit[] }[]): void {
  const out = scoreReport(name, rows);
  const lines = out.trimEnd().split('\n');
  console.log(`\n-- ${name} (${rows.length} rows)`);
  console.log((showMisses ? lines : lines.filter((l) => !l.startsWith('missed:'))).join('\n'));
  if (showMisses) {
    for (const r of rows) {
      if (!r.label.markId && r.hits.length) console.log(`  false flag ${r.label.kind} ${r.label.id}: ${r.hits.map((h) => `${h.text}→${h.markText}(${h.markId}) ${h.score} [${h.reasons.join(',')}]`).join('; ')}`);
    }
  }
}

function run(set: LabelledSet, split: boolean): void {
  const index = buildRegistryIndex(set.marks);
  const filings = set.filings.map(({ row, label }) => ({ label, hits: screenFiling(index, row) }));
  const listings = set.listings.map(({ row, label }) => ({ label, hits: screenListing(index, row) }));
  if (!split) {
    score(`${set.name} filings`, filings);
    score(`${set.name} listings`, listings);
    return;
  }
  for (const part of ['fit', 'holdout'] as const) {
    score(`${set.name} filings ${part}`, filings.filter((r) => partOf(r.label) === part));
    score(`${set.name} listings ${part}`, listings.filter((r) => partOf(r.label) === part));
  }
}

if (!process.argv.includes('--real-only')) run(loadSet('dev'), false);
run(loadSet('real-dev'), true);
run(loadSet('real-dev'), false);
