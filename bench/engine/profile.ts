// Ad-hoc profile: screen the first N filings of the scale set in one thread (node --cpu-prof via tsx).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { buildRegistryIndex, screenFiling } from '../../shared/engine';
import type { Filing, ProtectedMark } from '../../shared/domain';
const dir = '/tmp/markguard-bench/scale-10000x1000000';
const n = Number(process.argv[2] ?? 100000);
const head = (f: string, bytes: number) => { const b = Buffer.alloc(bytes); const fd = openSync(`${dir}/${f}`, 'r'); const got = readSync(fd, b, 0, bytes, 0); closeSync(fd); return b.subarray(0, got).toString('utf8').split('\n').slice(0, -1).join('\n'); };
const rows = (f: string): string[][] => (f === 'registry.csv' ? readFileSync(`${dir}/${f}`, 'utf8') : head(f, n * 160)).split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
const marks: ProtectedMark[] = rows('registry.csv').slice(0, Number(process.argv[3] ?? 1e9)).map((r) => ({ id: r[0]!, name: r[1]!, category: r[2]! as ProtectedMark['category'], classes: r[3]! ? r[3]!.split(';').map(Number) : [], registrationNumber: r[4]!, holder: r[5]!, aliases: [], region: '', recognizedOn: r[8]!, notes: '' }));
let t = performance.now();
const index = buildRegistryIndex(marks);
console.log('build', (performance.now() - t).toFixed(0), 'ms');
const filings = rows('filings.csv').slice(0, n).map((r) => ({ id: r[0]!, applicationNumber: r[0]!, markText: r[1]!, niceClass: Number(r[2]!), goods: [r[3]!], applicant: r[4]!, applicantAddress: r[5]!, agent: '', filedOn: r[7]!, gazetteIssue: r[8]!, gazetteDate: r[9]! }) as unknown as Filing);
const session = new Session();
const profile = process.argv.includes('--prof');
if (profile) { session.connect(); session.post('Profiler.enable'); session.post('Profiler.start'); }
t = performance.now();
let hits = 0;
for (const f of filings) hits += screenFiling(index, f).length;
const ms = performance.now() - t;
if (profile) session.post('Profiler.stop', (_e, r) => writeFileSync('/tmp/screen.cpuprofile', JSON.stringify(r.profile)));
console.log(`${filings.length} filings: ${ms.toFixed(0)} ms, ${(1000 * ms / n).toFixed(1)} µs/filing, ${hits} hits`);
