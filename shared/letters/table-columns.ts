// Widths of the attachment table's columns: each column gets its share of the width by weight, but never less
// than its longest unbreakable piece, or for a `whole` column its longest line (an application or registration
// number, a date, a category), so that a number never breaks across lines. Used by the layout (PDF, preview) with the real font and by the DOCX with an estimate.
import { breakUnits, type Measure } from './line-break';
import { ATTACHMENT_COLUMNS, type AttachmentRow } from './model';

/** The widest piece of `text` that cannot be broken, in points. */
export function widestUnit(text: string, measure: Measure): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    for (const unit of breakUnits(line)) if (!/^\s+$/.test(unit)) widest = Math.max(widest, measure(unit));
  }
  return widest;
}

/**
 * Column widths summing to `total`: weights from ATTACHMENT_COLUMNS, each at least its widest cell piece plus
 * `padding` on either side. When even the minimums do not fit, they are scaled down together.
 */
export function attachmentColumnWidths(rows: readonly AttachmentRow[], total: number, measure: Measure, padding: number): number[] {
  const minimum = ATTACHMENT_COLUMNS.map((column) => {
    const widest = column.whole
      ? Math.max(...rows.flatMap((row) => row[column.key].split('\n').map(measure)), widestUnit(column.header, measure))
      : Math.max(...[column.header, ...rows.map((row) => row[column.key])].map((text) => widestUnit(text, measure)));
    return widest + 2 * padding;
  });
  const minimumSum = minimum.reduce((a, b) => a + b, 0);
  if (minimumSum >= total) return minimum.map((w) => (w * total) / minimumSum);
  const fixed = new Map<number, number>();
  for (;;) {
    const free = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const open = ATTACHMENT_COLUMNS.map((c, i) => ({ weight: c.width, i })).filter(({ i }) => !fixed.has(i));
    const weights = open.reduce((sum, c) => sum + c.weight, 0);
    const short = open.filter(({ weight, i }) => (free * weight) / weights < (minimum[i] ?? 0));
    if (short.length === 0) return ATTACHMENT_COLUMNS.map((c, i) => fixed.get(i) ?? (free * c.width) / weights);
    for (const { i } of short) fixed.set(i, minimum[i] ?? 0);
  }
}

/** An estimate for the DOCX, whose font Word chooses: half an em for Latin letters and digits, an em otherwise. */
export const estimateMeasure = (size: number): Measure => (text) =>
  [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? 0.55 : 1) * size, 0);
