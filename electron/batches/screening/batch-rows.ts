// Turning the rows of a filing or listing table into engine input, and engine output into hits. Shared by the
// in-process path and the worker threads so both give exactly the same result.
import type { Filing, Hit, Listing } from '../../../shared/domain';
import { screenFiling, screenListing, type RegistryIndex } from '../../../shared/engine';
import { FILING_HEADERS, parseFilingRow, type FilingColumn } from '../../../shared/formats/filings';
import { mapHeaders } from '../../../shared/formats/headers';
import { LISTING_HEADERS, parseListingRow, type ListingColumn } from '../../../shared/formats/listings';

export type BatchKind = 'filings' | 'listings';

export type BatchColumns = Record<FilingColumn, number> | Record<ListingColumn, number>;

export function mapBatchHeaders(kind: BatchKind, headers: string[]): { ok: true; columns: BatchColumns } | { ok: false; error: string } {
  return kind === 'filings' ? mapHeaders(headers, FILING_HEADERS) : mapHeaders(headers, LISTING_HEADERS);
}

export interface ScreenedRow {
  rowNumber: number;
  hits: Hit[];
  /** set when the row could not be read; the row is then not screened */
  problem?: string;
  /** the problem is only a missing 商标名称: a device mark whose image, if screened, makes it a row (the CLI's case) */
  unnamed?: true;
}

export function screenRow(
  index: RegistryIndex, kind: BatchKind, columns: BatchColumns, rowNumber: number, cells: string[], readProblem?: string,
): ScreenedRow {
  if (readProblem !== undefined) return { rowNumber, hits: [], problem: readProblem };
  try {
    if (kind === 'filings') {
      const parsed = parseFilingRow(cells, columns as Record<FilingColumn, number>);
      if (!parsed.ok) return { rowNumber, hits: [], problem: parsed.reason, ...(parsed.unnamed ? { unnamed: true as const } : {}) };
      return { rowNumber, hits: screenFiling(index, parsed.value as Filing) };
    }
    const parsed = parseListingRow(cells, columns as Record<ListingColumn, number>);
    if (!parsed.ok) return { rowNumber, hits: [], problem: parsed.reason };
    return { rowNumber, hits: screenListing(index, parsed.value as Listing) };
  } catch (error) {
    // an engine fault on one row must not lose the batch; the row is reported like a bad row
    return { rowNumber, hits: [], problem: `筛查出错：${error instanceof Error ? error.message : String(error)}` };
  }
}

/** One JSON line per hit, as in docs/formats.md (the alignment stays in the app, not in the file). */
export function hitLine(hit: Hit): string {
  return JSON.stringify({
    source: hit.source, id: hit.id, markId: hit.markId, score: hit.score, reasons: hit.reasons, text: hit.text, markText: hit.markText,
  }) + '\n';
}
