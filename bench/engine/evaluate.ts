// Engine quality on the labelled sets, in process: dev, real-dev (fit part and holdout part apart).
//   npx tsx bench/engine/evaluate.ts [--misses] [--real-only]
// Any folder laid out as real-dev is (a battery written for a session, kept outside the repo):
//   npx tsx bench/engine/evaluate.ts --set DIR [--misses] [--row ID]
// --row prints that filing's or listing's candidates and their features, the threshold set to 0.
// Hits are scored by ../shared/bench/score.mjs, the same scorer the closing notes quote.
import path from 'node:path';
import { buildRegistryIndex, screenFiling, screenListing } from '../../shared/engine';
import { filingCandidates, listingCandidates } from '../../shared/engine/screen';
import { FITTED } from '../../shared/engine/decide';
import { HAN_FEATURES, LATIN_FEATURES } from '../../shared/engine/features';
import type { Hit } from '../../shared/domain';
import { loadSet, partOf, type Label, type LabelledSet } from './labelled';
import { scoreReport } from './score-hits';

const showMisses = process.argv.includes('--misses');
const argAfter = (flag: string): string | undefined => { const i = process.argv.indexOf(flag); return i < 0 ? undefined : process.argv[i + 1]; };

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

function explainRow(set: LabelledSet, id: string): void {
  const index = buildRegistryIndex(set.marks);
  const open = { ...FITTED, threshold: { filing: 0, listing: 0 } };
  const filing = set.filings.find((f) => f.row.applicationNumber === id);
  const listing = set.listings.find((l) => l.row.id === id);
  if (!filing && !listing) throw new Error(`${id}: no such filing or listing in ${set.name}`);
  const label = (filing ?? listing)!.label;
  console.log(`${id} expects ${label.markId || '(nothing)'} ${label.kind}`);
  const { candidates } = filing ? filingCandidates(index, filing.row, open) : listingCandidates(index, listing!.row, open);
  for (const c of candidates) {
    const names = c.family === 'latin' ? LATIN_FEATURES : HAN_FEATURES;
    const features = Object.fromEntries([...c.x].map((v, i) => [names[i], v] as const).filter(([, v]) => v !== 0));
    const mark = index.marks[c.markIndex]!;
    console.log(mark.id, mark.name, c.form.text ?? '', c.probability.toFixed(3), JSON.stringify(features));
  }
}

const setDir = argAfter('--set');
if (setDir) {
  const set = loadSet(path.basename(path.resolve(setDir)), path.resolve(setDir));
  const row = argAfter('--row');
  if (row) explainRow(set, row);
  else run(set, false);
} else {
  if (!process.argv.includes('--real-only')) run(loadSet('dev'), false);
  run(loadSet('real-dev'), true);
  run(loadSet('real-dev'), false);
}
