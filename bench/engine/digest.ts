// Digest of every hit (markId, score, reasons, alignment) on the dev sets and the first scale filings: an engine
// change meant only for speed must leave it unchanged. `npx tsx bench/engine/digest.ts [scaleFilings] [out.json]`.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { buildRegistryIndex, screenFiling, screenListing } from '../../shared/engine';
import type { Filing, Hit, ProtectedMark } from '../../shared/domain';
import { loadSet } from './labelled';

const scaleCount = Number(process.argv[2] ?? 5000);
const out = process.argv[3];
const lines: string[] = [];
const record = (id: string, hits: Hit[]) =>
  lines.push(JSON.stringify([id, hits.map((h) => [h.markId, h.score, h.reasons, h.text, h.markText, h.alignment])]));

for (const name of ['dev', 'real-dev'] as const) {
  const set = loadSet(name);
  const index = buildRegistryIndex(set.marks);
  for (const { row } of set.filings) record(`${name}:f:${row.applicationNumber}`, screenFiling(index, row));
  for (const { row } of set.listings) record(`${name}:l:${row.id}`, screenListing(index, row));
}

const dir = '/tmp/markguard-bench/scale-10000x1000000';
if (scaleCount > 0 && existsSync(dir)) {
  const head = (f: string, bytes: number) => { const b = Buffer.alloc(bytes); const fd = openSync(`${dir}/${f}`, 'r'); const got = readSync(fd, b, 0, bytes, 0); closeSync(fd); return b.subarray(0, got).toString('utf8').split('\n').slice(0, -1).join('\n'); };
  const rows = (text: string): string[][] => text.split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
  const marks: ProtectedMark[] = rows(readFileSync(`${dir}/registry.csv`, 'utf8')).map((r) => ({ id: r[0]!, name: r[1]!, category: r[2]! as ProtectedMark['category'], classes: r[3]! ? r[3]!.split(';').map(Number) : [], registrationNumber: r[4]!, holder: r[5]!, aliases: [], region: '', recognizedOn: r[8]!, notes: '' }));
  const index = buildRegistryIndex(marks);
  for (const r of rows(head('filings.csv', scaleCount * 160)).slice(0, scaleCount)) {
    const f = { id: r[0]!, applicationNumber: r[0]!, markText: r[1]!, niceClass: Number(r[2]!), goods: [r[3]!], applicant: r[4]!, applicantAddress: r[5]!, agent: '', filedOn: r[7]!, gazetteIssue: r[8]!, gazetteDate: r[9]! } as unknown as Filing;
    record(`scale:${f.applicationNumber}`, screenFiling(index, f));
  }
}
const text = lines.join('\n');
if (out) writeFileSync(out, text);
console.log(`${lines.length} rows, ${lines.filter((l) => !l.endsWith(',[]]')).length} with hits, digest ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
