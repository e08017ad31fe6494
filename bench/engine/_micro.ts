import { readFileSync } from 'node:fs';
import { buildRegistryIndex } from '../../shared/engine/registry-index';
import { screenFiling } from '../../shared/engine/screen';
import { parseCsv } from './labelled';
import { parseRegistryRow, REGISTRY_HEADERS } from '../../shared/formats/registry';
import { FILING_HEADERS, parseFilingRow } from '../../shared/formats/filings';
import { mapHeaders } from '../../shared/formats/headers';
const [head, ...rows] = parseCsv(readFileSync('/tmp/scale/registry.csv', 'utf8'));
const m = mapHeaders(head!, REGISTRY_HEADERS) as any;
const marks = rows.map((r) => (parseRegistryRow(r, m.columns) as any).value);
let t = Date.now();
const index = buildRegistryIndex(marks);
console.log('index', Date.now() - t, 'ms');
const [fh, ...fr] = parseCsv(readFileSync('/tmp/scale/f20k.csv', 'utf8'));
const fm = mapHeaders(fh!, FILING_HEADERS) as any;
const filings = fr.map((r) => (parseFilingRow(r, fm.columns) as any).value);
for (let round = 0; round < 3; round++) {
  t = performance.now();
  let hits = 0;
  for (const f of filings) hits += screenFiling(index, f).length;
  console.log('round', round, ((performance.now() - t) * 1000 / filings.length).toFixed(1), 'µs/filing', hits);
}
