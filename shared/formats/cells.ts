// Cell-level rules shared by every table the program reads or writes.

/**
 * A parsed row or why not. `unnamed`: the only fault is a filing without 商标名称, which a device mark with an image
 * may be (the caller that knows of the row's image decides).
 */
export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string; unnamed?: true };

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/carriage return) as a formula. Exports prefix
 * such cells with an apostrophe (OWASP's advice for CSV injection); imports remove exactly that prefix again so
 * that an export re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function stripNeutralisingApostrophe(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** The trimmed cell at a column index; '' for an absent optional column (-1) or a short row. */
export function cellAt(cells: readonly string[], index: number): string {
  return index < 0 ? '' : stripNeutralisingApostrophe((cells[index] ?? '').trim());
}

/** Splits a `;`-separated list cell (full-width ；accepted), dropping empty items and duplicates. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[;；]/).map((item) => item.trim()).filter((item) => item !== ''))];
}

/** One Nice class number 1–45 (full-width digits accepted), or null. */
export function parseNiceClass(text: string): number | null {
  // 30.0: a numeric spreadsheet column written out as text
  const cleaned = text.normalize('NFKC').trim().replace(/^第\s*|\s*类$/g, '').replace(/\.0+$/, '');
  if (!/^\d{1,2}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 1 && value <= 45 ? value : null;
}
