import path from 'node:path';
import { buildRegistryIndex } from '../../shared/engine';
import { filingCandidates, listingCandidates } from '../../shared/engine/screen';
import { FITTED } from '../../shared/engine/decide';
import { HAN_FEATURES, LATIN_FEATURES } from '../../shared/engine/features';
import { loadSet, type LabelledSet } from './labelled';
const open = { ...FITTED, threshold: { filing: 0, listing: 0 } };
const dirs = process.argv.slice(2);
const sets: LabelledSet[] = dirs.map((d) => d === 'dev' || d === 'real-dev' ? loadSet(d) : loadSet(path.basename(d), path.resolve(d)));
for (const set of sets) {
  const index = buildRegistryIndex(set.marks);
  const rows = [...set.filings.map((f) => ({ f: f.row, l: undefined, label: f.label })), ...set.listings.map((l) => ({ f: undefined, l: l.row, label: l.label }))];
  for (const r of rows) {
    const { candidates } = r.f ? filingCandidates(index, r.f, open) : listingCandidates(index, r.l!, open);
    for (const c of candidates) {
      const names = c.family === 'latin' ? LATIN_FEATURES : HAN_FEATURES;
      const x = Object.fromEntries([...c.x].map((v, i) => [names[i], v] as const).filter(([, v]) => v !== 0));
      const mark = index.marks[c.markIndex]!;
      console.log(JSON.stringify({ set: set.name, id: r.label.id, kind: r.label.kind, expect: r.label.markId, mark: mark.id, cat: mark.category, name: mark.name, form: c.form.text, text: r.f ? r.f.markText : r.l!.title, cls: r.f?.niceClass, p: +c.probability.toFixed(3), family: c.family, x }));
    }
  }
}
