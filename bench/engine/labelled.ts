// The labelled sets of ../shared/bench, loaded for the engine's quality runs and its model fit: registry, rows and
// labels, with real-dev split by a fixed hash into the part the model is fitted on and the part kept apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Filing, Listing, ProtectedMark } from '../../shared/domain';
import { mapHeaders } from '../../shared/formats/headers';
import { FILING_HEADERS, parseFilingRow } from '../../shared/formats/filings';
import { LISTING_HEADERS, parseListingRow } from '../../shared/formats/listings';
import { parseRegistryRow, REGISTRY_HEADERS } from '../../shared/formats/registry';

export const SHARED_BENCH = path.resolve(__dirname, '../../../shared/bench');

export interface Label {
  id: string;
  /** the expected mark's 编号; '' when the row must not be flagged */
  markId: string;
  kind: string;
}

export interface LabelledSet {
  name: string;
  marks: ProtectedMark[];
  filings: { row: Filing; label: Label }[];
  listings: { row: Listing; label: Label }[];
}

/** RFC 4180 CSV (the labelled sets are well-formed UTF-8). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f !== ''));
}

function table<T>(file: string, headers: Parameters<typeof mapHeaders>[1], parse: (cells: string[], cols: never) => { ok: true; value: T } | { ok: false; reason: string }): T[] {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const mapping = mapHeaders(head ?? [], headers);
  if (!mapping.ok) throw new Error(`${file}: ${mapping.error}`);
  return rows.map((cells, i) => {
    const r = parse(cells, mapping.columns as never);
    if (!r.ok) throw new Error(`${file} row ${i + 2}: ${r.reason}`);
    return r.value;
  });
}

function labels(file: string): Map<string, Label> {
  const [, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return new Map(rows.map(([id = '', markId = '', kind = '']) => [id, { id, markId, kind }]));
}

/** A set of ../shared/bench by name, or any folder laid out the same way. */
export function loadSet(name: string, dir = path.join(SHARED_BENCH, name)): LabelledSet {
  const marks = table(path.join(dir, 'registry.csv'), REGISTRY_HEADERS, parseRegistryRow as never) as ProtectedMark[];
  const filingLabels = labels(path.join(dir, 'filings.labels.csv'));
  const listingLabels = labels(path.join(dir, 'listings.labels.csv'));
  const filings = (table(path.join(dir, 'filings.csv'), FILING_HEADERS, parseFilingRow as never) as Filing[])
    .map((row) => ({ row, label: filingLabels.get(row.applicationNumber)! }));
  const listings = (table(path.join(dir, 'listings.csv'), LISTING_HEADERS, parseListingRow as never) as Listing[])
    .map((row) => ({ row, label: listingLabels.get(row.id)! }));
  return { name, marks, filings, listings };
}

/** FNV-1a, for a split that never changes with the order of the rows. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

/**
 * real-dev is split by protected mark (a row without one by its own id), so that no mark's cases are on both sides:
 * 'fit' is what the model may learn from, 'holdout' what it is checked on.
 */
export function partOf(label: Label): 'fit' | 'holdout' {
  return hash(label.markId || label.id) % 2 === 0 ? 'fit' : 'holdout';
}
