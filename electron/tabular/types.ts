export interface TableRow {
  /** 1-based line (CSV) or row (XLSX) number in the user's file; the header is 1 in a normal file. */
  rowNumber: number;
  cells: string[];
  /** set when the row could not be read (a broken quote, a row cut off): why, in Chinese; `cells` is then empty */
  problem?: string;
}

export interface OpenedTable {
  headers: string[];
  /** data rows after the header; blank rows are skipped, rows that could not be read carry their problem */
  rows: AsyncIterable<TableRow>;
  /** 'csv' or 'xlsx' (and the text encoding for CSV), for messages and logs */
  format: { kind: 'csv'; encoding: string; delimiter: string } | { kind: 'xlsx' };
  close(): Promise<void>;
}
