// Fits the engine's scoring model (shared/engine/model.ts) on labelled cases and reports it on the cases kept apart.
//   npx tsx bench/engine/fit.ts [--write]      (--current: report the committed model instead of refitting;
//   --family=latin|han: refit that model alone; --t=F,L: keep these thresholds)
// Fitted on: the dev set, the 'fit' half of real-dev (real cases, weighted up: they are the kind the world files),
// and the synthetic families of synth.ts (seed 1). Checked on: the 'holdout' half of real-dev and synthetic seed 2.
// Every candidate the engine produces for a labelled row is one example: 1 when its mark is the expected one.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Filing, Listing, ProtectedMark } from '../../shared/domain';
import { buildRegistryIndex, type RegistryIndex } from '../../shared/engine/registry-index';
import { filingCandidates, listingCandidates, reasonsOf, type ScoredCandidate } from '../../shared/engine/screen';
import { HAN_FEATURES, LATIN_FEATURES, named } from '../../shared/engine/features';
import { FITTED, scorerOf, type Scorer } from '../../shared/engine/decide';
import { loadSet, partOf, type Label } from './labelled';
import { fitLogistic, type Example } from './logistic';
import { HAN_MODEL, LATIN_MODEL, THRESHOLDS } from '../../shared/engine/model';
import { background, synthesise } from './synth';

interface Case {
  source: 'filing' | 'listing';
  row: Filing | Listing;
  label: Label;
  weight: number;
}

interface Corpus {
  name: string;
  index: RegistryIndex;
  marks: readonly ProtectedMark[];
  cases: Case[];
}

const REAL_WEIGHT = 4;
const FIT_ROUNDS = 3;
const L2 = 1;
/** Innocent rows screened against each registry of the fit: the coincidences of a real gazette. */
const BACKGROUND_FILINGS = 20_000;
const BACKGROUND_LISTINGS = 2_000;

function corpora(): { fit: Corpus[]; check: Corpus[] } {
  const dev = loadSet('dev');
  const real = loadSet('real-dev');
  const devIndex = buildRegistryIndex(dev.marks);
  const realIndex = buildRegistryIndex(real.marks);
  const devCases: Case[] = [
    ...dev.filings.map(({ row, label }) => ({ source: 'filing' as const, row, label, weight: 1 })),
    ...dev.listings.map(({ row, label }) => ({ source: 'listing' as const, row, label, weight: 1 })),
  ];
  const realCases = (part: 'fit' | 'holdout'): Case[] => [
    ...real.filings.filter((r) => partOf(r.label) === part).map(({ row, label }) => ({ source: 'filing' as const, row, label, weight: REAL_WEIGHT })),
    ...real.listings.filter((r) => partOf(r.label) === part).map(({ row, label }) => ({ source: 'listing' as const, row, label, weight: REAL_WEIGHT })),
  ];
  const synth = (seed: number): Corpus => {
    const s = synthesise(seed);
    return {
      name: `synthetic seed ${seed}`, index: buildRegistryIndex(s.marks), marks: s.marks,
      cases: [
        ...s.filings.map(({ row, label }) => ({ source: 'filing' as const, row, label, weight: 1 })),
        ...s.listings.map(({ row, label }) => ({ source: 'listing' as const, row, label, weight: 1 })),
      ],
    };
  };
  const innocent = (seed: number, weight: number): Case[] => {
    const b = background(seed, BACKGROUND_FILINGS, BACKGROUND_LISTINGS);
    return [
      ...b.filings.map((row) => ({ source: 'filing' as const, row, label: { id: row.applicationNumber, markId: '', kind: 'background' }, weight })),
      ...b.listings.map((row) => ({ source: 'listing' as const, row, label: { id: row.id, markId: '', kind: 'background' }, weight })),
    ];
  };
  const s1 = synth(1);
  return {
    fit: [
      { name: 'dev', index: devIndex, marks: dev.marks, cases: [...devCases, ...innocent(11, 1)] },
      { name: 'real-dev fit', index: realIndex, marks: real.marks, cases: [...realCases('fit'), ...innocent(12, 1)] },
      { ...s1, cases: [...s1.cases, ...innocent(13, 1)] },
    ],
    check: [
      { name: 'real-dev holdout', index: realIndex, marks: real.marks, cases: realCases('holdout') },
      synth(2),
    ],
  };
}

interface Scored {
  c: Case;
  candidates: ScoredCandidate[];
}

function score(corpus: Corpus, scorer: Scorer): Scored[] {
  return corpus.cases.map((c) => ({
    c,
    candidates: c.source === 'filing'
      ? filingCandidates(corpus.index, c.row as Filing, scorer).candidates
      : listingCandidates(corpus.index, c.row as Listing, scorer).candidates,
  }));
}

function examples(scored: readonly { corpus: Corpus; rows: Scored[] }[], family: 'han' | 'latin'): Example[] {
  const out: Example[] = [];
  for (const { corpus, rows } of scored) {
    for (const { c, candidates } of rows) {
      for (const s of candidates) {
        if (s.family !== family) continue;
        const y = corpus.marks[s.markIndex]!.id === c.label.markId ? 1 : 0;
        out.push({ x: s.x, y, weight: c.weight });
      }
    }
  }
  return out;
}

function main(): void {
  const { fit, check } = corpora();
  if (process.argv.includes('--current')) {
    const models: Models = { han: HAN_MODEL, latin: LATIN_MODEL };
    const scorer = scorerOf(HAN_MODEL, LATIN_MODEL, { filing: 0, listing: 0 });
    const thresholds = { ...THRESHOLDS };
    console.log(`committed model, thresholds: filing ${thresholds.filing}, listing ${thresholds.listing}`);
    for (const corpus of [...fit, ...check]) report(corpus, score(corpus, scorer), models, thresholds);
    return;
  }
  // The best form of each mark is chosen by the model itself: fit, choose again with the new model, fit again.
  // every candidate is kept while fitting (threshold 0)
  let scorer: Scorer = { ...FITTED, threshold: { filing: 0, listing: 0 } };
  let fitScored = fit.map((corpus) => ({ corpus, rows: score(corpus, scorer) }));
  // --family latin (or han) refits that model alone and keeps the committed other one
  const only = process.argv.find((a) => a.startsWith('--family='))?.slice('--family='.length);
  const families = (['han', 'latin'] as const).filter((f) => !only || f === only);
  const models: Models = { han: HAN_MODEL, latin: LATIN_MODEL };
  for (let round = 1; round <= FIT_ROUNDS; round++) {
    for (const family of families) {
      const ex = examples(fitScored, family);
      const names = family === 'han' ? HAN_FEATURES : LATIN_FEATURES;
      const fitted = fitLogistic(ex, L2);
      models[family] = { bias: fitted.bias, weights: Object.fromEntries(names.map((n, i) => [n, Math.round(fitted.weights[i]! * 1000) / 1000])) };
      if (round === FIT_ROUNDS) {
        console.log(`${family}: ${ex.length} examples (${ex.filter((e) => e.y).length} positive), ${fitted.iterations} iterations, bias ${fitted.bias.toFixed(2)}`);
        console.log('  ' + names.map((n, i) => `${n} ${fitted.weights[i]!.toFixed(2)}`).join(', '));
      }
    }
    scorer = scorerOf(models.han!, models.latin!, { filing: 0, listing: 0 });
    fitScored = fit.map((corpus) => ({ corpus, rows: score(corpus, scorer) }));
  }
  const checkScored = check.map((corpus) => ({ corpus, rows: score(corpus, scorer) }));
  const thresholds = chooseThresholds(fitScored, models);
  const forced = process.argv.find((a) => a.startsWith('--t='));
  if (forced) { const [f, l] = forced.slice(4).split(',').map(Number); thresholds.filing = f!; thresholds.listing = l!; }
  console.log(`thresholds: filing ${thresholds.filing}, listing ${thresholds.listing}`);
  for (const { corpus, rows } of [...fitScored, ...checkScored]) report(corpus, rows, models, thresholds);
  if (process.argv.includes('--write')) {
    const file = path.resolve(__dirname, '../../shared/engine/model.ts');
    writeFileSync(file, modelSource(models, thresholds));
    console.log(`wrote ${file}`);
  }
}

function modelSource(models: Record<string, { bias: number; weights: Record<string, number> }>, thresholds: Thresholds): string {
  const block = (m: { bias: number; weights: Record<string, number> }) =>
    `{\n  bias: ${m.bias.toFixed(3)},\n  weights: {\n${Object.entries(m.weights).map(([k, v]) => `    ${k}: ${v},`).join('\n')}\n  } as Record<string, number>,\n}`;
  return '// GENERATED by bench/engine/fit.ts — do not edit by hand; regenerate with `npx tsx bench/engine/fit.ts --write`.\n' +
    '// Logistic models over the features of features.ts, fitted on labelled cases (see shared/engine/README.md).\n' +
    `export const HAN_MODEL = ${block(models.han!)};\n` +
    `export const LATIN_MODEL = ${block(models.latin!)};\n` +
    '/** Probability from which a candidate is put in front of a reviewer, per context. */\n' +
    `export const THRESHOLDS = { filing: ${thresholds.filing}, listing: ${thresholds.listing} };\n`;
}

type Models = Record<string, { bias: number; weights: Record<string, number> }>;
interface Thresholds { filing: number; listing: number }

function probabilityOf(models: Models, s: ScoredCandidate): number {
  const m = models[s.family]!;
  let z = m.bias;
  for (const [name, v] of Object.entries(named(s.family, s.x))) z += (m.weights[name] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** The marks flagged for a row: above the threshold, best three. */
function flagged(models: Models, candidates: readonly ScoredCandidate[], threshold: number, marks: readonly ProtectedMark[]): string[] {
  return candidates.map((s) => ({ id: marks[s.markIndex]!.id, p: probabilityOf(models, s) }))
    .filter((x) => x.p >= threshold).sort((a, b) => b.p - a.p).slice(0, 3).map((x) => x.id);
}

interface Tally { n: number; found: number; flagged: number }

function tally(rows: readonly Scored[], corpus: Corpus, models: Models, t: Thresholds, source: 'filing' | 'listing'): Map<string, Tally> {
  const byKind = new Map<string, Tally>();
  for (const { c, candidates } of rows) {
    if (c.source !== source) continue;
    const hits = flagged(models, candidates, t[source], corpus.marks);
    const k = byKind.get(c.label.kind) ?? { n: 0, found: 0, flagged: 0 };
    k.n++;
    if (hits.length) k.flagged++;
    if (c.label.markId && hits.includes(c.label.markId)) k.found++;
    byKind.set(c.label.kind, k);
  }
  return byKind;
}

function summary(byKind: Map<string, Tally>): { recall: number; fp: Record<string, number> } {
  let pos = 0;
  let found = 0;
  const fp: Record<string, number> = {};
  for (const [kind, t] of byKind) {
    if (['negative', 'hard_negative', 'owner', 'class_negative', 'background'].includes(kind)) fp[kind] = t.flagged / t.n;
    else { pos += t.n; found += t.found; }
  }
  return { recall: pos ? found / pos : 1, fp };
}

function report(corpus: Corpus, rows: Scored[], models: Models, t: Thresholds): void {
  for (const source of ['filing', 'listing'] as const) {
    const byKind = tally(rows, corpus, models, t, source);
    if (!byKind.size) continue;
    const { recall, fp } = summary(byKind);
    const kinds = [...byKind].sort().map(([k, v]) => `${k} ${v.found || v.flagged}/${v.n}`).join(', ');
    console.log(`${corpus.name} ${source}s: recall ${recall.toFixed(3)}  ${Object.entries(fp).map(([k, v]) => `${k}_fp ${v.toFixed(3)}`).join(' ')}\n    ${kinds}`);
    if (process.argv.includes('--explain') && (process.argv.includes('--synthetic') || !corpus.name.startsWith('synthetic'))) explain(corpus, rows, models, t, source);
  }
}

function describe(corpus: Corpus, models: Models, s: ScoredCandidate): string {
  const top = Object.entries(named(s.family, s.x)).filter(([, v]) => v !== 0).map(([k, v]) => `${k}=${Math.round(v * 100) / 100}`).join(' ');
  return `${s.form.text}[${s.form.kind}](${corpus.marks[s.markIndex]!.id}) p=${probabilityOf(models, s).toFixed(3)} {${reasonsOf(corpus.index, s).join(',')}} ${top}`;
}

function explain(corpus: Corpus, rows: Scored[], models: Models, t: Thresholds, source: 'filing' | 'listing'): void {
  for (const { c, candidates } of rows) {
    if (c.source !== source || c.label.kind === 'background') continue;
    const text = c.source === 'filing' ? (c.row as Filing).markText : (c.row as Listing).title;
    const hits = flagged(models, candidates, t[source], corpus.marks);
    if (c.label.markId && !hits.includes(c.label.markId)) {
      const own = candidates.filter((s) => corpus.marks[s.markIndex]!.id === c.label.markId);
      console.log(`  MISS ${c.label.kind} ${c.label.id} ${text} → ${c.label.markId}: ${own.length ? own.map((s) => describe(corpus, models, s)).join(' ; ') : 'no candidate'}`);
    }
    if (!c.label.markId && hits.length) {
      const top = candidates.filter((s) => probabilityOf(models, s) >= t[source]);
      console.log(`  FLAG ${c.label.kind} ${c.label.id} ${text}: ${top.map((s) => describe(corpus, models, s)).join(' ; ')}`);
    }
  }
}

/** What the fitted cases allow a threshold to flag (the dev set's own limits, and a real gazette's background). */
const LIMITS: Record<'filing' | 'listing', [corpus: string, kind: string, max: number][]> = {
  filing: [['dev', 'negative', 0.002], ['dev', 'hard_negative', 0.02], ['dev', 'class_negative', 0.05], ['dev', 'owner', 0],
    ['dev', 'background', 0.0015], ['real-dev fit', 'background', 0.0015], ['synthetic seed 1', 'background', 0.0015]],
  listing: [['dev', 'negative', 0.005], ['dev', 'hard_negative', 0.1], ['dev', 'background', 0.005], ['real-dev fit', 'background', 0.005],
    ['synthetic seed 1', 'background', 0.005]],
};

/**
 * Thresholds set for recall: among the thresholds of the grid 0.05–0.95 that keep every limit, the one with the
 * highest weighted recall on the fitted cases (the higher threshold on a tie); without one, the least violation.
 */
function chooseThresholds(scored: readonly { corpus: Corpus; rows: Scored[] }[], models: Models): Thresholds {
  const out: Thresholds = { filing: 0.5, listing: 0.5 };
  for (const source of ['filing', 'listing'] as const) {
    const evaluate = (threshold: number) => {
      let pos = 0;
      let found = 0;
      let violation = 0;
      const t = { filing: threshold, listing: threshold };
      for (const { corpus, rows } of scored) {
        for (const { c, candidates } of rows) {
          if (c.source !== source || !c.label.markId) continue;
          pos += c.weight;
          if (flagged(models, candidates, threshold, corpus.marks).includes(c.label.markId)) found += c.weight;
        }
        const byKind = tally(rows, corpus, models, t, source);
        for (const [name, kind, max] of LIMITS[source]) {
          const k = byKind.get(kind);
          if (name === corpus.name && k && k.flagged / k.n > max) {
            violation += k.flagged / k.n - max;
            if (process.argv.includes('--limits')) console.log(`  ${source} ${threshold}: ${name} ${kind} ${k.flagged}/${k.n}`);
          }
        }
      }
      return { threshold, recall: found / pos, violation };
    };
    const grid = Array.from({ length: 19 }, (_, i) => Math.round((0.05 + i * 0.05) * 100) / 100).map(evaluate);
    console.log(`${source}: ` + grid.map((r) => `${r.threshold} ${r.recall.toFixed(3)}${r.violation > 0 ? `!${r.violation.toFixed(3)}` : ''}`).join(' | '));
    const ok = grid.filter((r) => r.violation === 0);
    const pick = ok.length
      ? ok.reduce((a, b) => (b.recall > a.recall + 1e-9 || (Math.abs(b.recall - a.recall) <= 1e-9 && b.threshold > a.threshold) ? b : a))
      : grid.reduce((a, b) => (b.violation < a.violation ? b : a));
    out[source] = pick.threshold;
  }
  return out;
}

if (!process.argv.includes("--feature")) main();
if (process.argv.includes('--feature')) {
  const name = process.argv[process.argv.indexOf('--feature') + 1]!;
  const { fit } = corpora();
  for (const corpus of fit) {
    for (const { c, candidates } of score(corpus, { ...FITTED, threshold: { filing: 0, listing: 0 } })) {
      for (const s of candidates) {
        const v = named(s.family, s.x)[name];
        if (v) console.log(corpus.name, c.label.kind, corpus.marks[s.markIndex]!.id === c.label.markId ? 'POS' : 'neg', c.source === 'filing' ? (c.row as Filing).markText : (c.row as Listing).title, '→', s.form.text, s.probability.toFixed(2));
      }
    }
  }
}
