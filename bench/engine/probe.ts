// Ad-hoc: print one filing's candidates and their feature vectors (not part of the suite).
import { buildRegistryIndex } from '../../shared/engine';
import { filingCandidates } from '../../shared/engine/screen';
import { FITTED } from '../../shared/engine/decide';
import { HAN_FEATURES, LATIN_FEATURES } from '../../shared/engine/features';
import type { ProtectedMark } from '../../shared/domain';
const [name = '', cat = '', cls = '', text = '', fcls = ''] = process.argv.slice(2);
const m: ProtectedMark = { id: 'X', name, category: cat as ProtectedMark['category'], classes: cls ? cls.split(',').map(Number) : [], registrationNumber: '1', holder: `${name}有限公司`, aliases: [], region: '', recognizedOn: '', notes: '' };
const index = buildRegistryIndex([m]);
const r = filingCandidates(index, { id: 'f', markText: text, niceClass: Number(fcls), applicant: '某某贸易有限公司', applicationNumber: '1', filedOn: '2026-01-01', gazetteIssue: '', gazetteDate: '', goods: [] } as never, { ...FITTED, threshold: { filing: 0, listing: 0 } });
for (const c of r.candidates) {
  const names = c.family === "latin" ? LATIN_FEATURES : HAN_FEATURES;
  console.log(c.form.text ?? "", c.probability, Object.fromEntries([...c.x].map((v, i) => [names[i], v]).filter(([, v]) => v !== 0)));
}
