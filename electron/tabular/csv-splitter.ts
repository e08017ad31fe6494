// A streaming CSV splitter that reads what Excel and WPS write (RFC 4180) and reads damaged files the way a careful
// clerk would want: nothing swallowed, every doubtful record reported at its line (issue 9, items 9 and 12).
// - A quote opens a quoted field only at the start of a field; elsewhere (a 14" screen) it is a literal, as Excel
//   reads it.
// - A record is broken, and reported at its first line, when its quote runs to the end of the file, when a quoted
//   field grows past what a spreadsheet cell can hold (32,767 characters, 253 line breaks), when a closing quote
//   is followed by other text ("正品"茶叶: Excel would drop the quotes and may have joined fields that a stray
//   quote opened — ambiguous, so reported rather than guessed), when a record with quotes has another number of
//   fields than the header, when a record has non-empty fields beyond the header's, or when the last record ends
//   without a newline and with too few fields (a file cut off). Reading then goes on from the line after the
//   broken record's first line, so one bad quote never hides the records after it.
// Lines without quotes take a fast path (indexOf + split): the screen's speed floor is reading and splitting.

export interface SplitRecord {
  /** 1-based physical line on which the record starts (header = 1 in a normal file). */
  line: number;
  /** the fields; empty when the record is broken */
  cells: string[];
  /** set when the record is broken: why, in Chinese; the record is then not read */
  problem?: string;
}

export interface SplitterOptions {
  /** fields in the header; absent → the first record's count (the header is the first record) */
  fieldCount?: number;
  /** first lines of records already found broken by the chunk reader (csv-chunks.ts), with the reason */
  broken?: ReadonlyMap<number, string>;
  /**
   * Find record boundaries and broken records only (the chunk reader): lines without quotes after the header are
   * skipped unsplit, since they are one record each whatever their fields; the worker that splits the chunk
   * judges their fields with the same rules.
   */
  scanOnly?: boolean;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;
/** Excel's limits for one cell: characters and line feeds. A quoted field beyond them is a runaway quote. */
export const MAX_CELL_CHARS = 32_767;
export const MAX_CELL_LINE_BREAKS = 253;
/** Carried-over text is joined to at most this much of a new chunk at a time (see push). */
const JOIN_PIECE = 1 << 16;

type Parsed =
  | { kind: 'more' }
  | { kind: 'record'; end: number; lines: number; cells: string[] }
  | { kind: 'broken'; end: number; reason: string };

const REASONS = {
  eof: '引号没有结束（一直延续到文件末尾）：该行未导入，请检查该行的引号',
  tooLong: '引号没有结束（引号内的内容超过了一个单元格的上限）：该行未导入，请检查该行的引号',
  tooBig: `该行有一个单元格超过了电子表格单元格的上限（${MAX_CELL_CHARS} 字或 ${MAX_CELL_LINE_BREAKS} 个换行）：该行未导入`,
  malformed: '引号不成对（结束引号之后还有文字）：该行未导入，请检查该行的引号',
  count: (count: number, fieldCount: number) =>
    `引号不成对或列数不对（该行有 ${count} 列，表头有 ${fieldCount} 列）：该行未导入，请检查该行的引号和逗号`,
  extra: (count: number, fieldCount: number) =>
    `该行有 ${count} 列，多于表头的 ${fieldCount} 列（可能含有未加引号的逗号）：该行未导入`,
  cut: (count: number, fieldCount: number) =>
    `最后一行不完整（只有 ${count} 列，表头有 ${fieldCount} 列，且没有换行结尾），文件可能被截断：该行未导入`,
};

function countLineFeeds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Why a record's field count makes it doubtful, or null. `quoted`: the record has a quoted field. */
function countProblem(cells: readonly string[], fieldCount: number | undefined, quoted: boolean, terminated: boolean): string | null {
  if (fieldCount === undefined || isBlank(cells)) return null;
  const count = cells.length;
  const extra = count > fieldCount && cells.slice(fieldCount).some((c) => c.trim() !== '');
  if (quoted && (count < fieldCount || extra)) return REASONS.count(count, fieldCount);
  if (extra) return REASONS.extra(count, fieldCount);
  if (!terminated && count < fieldCount) return REASONS.cut(count, fieldCount);
  return null;
}

export class CsvSplitter {
  private line: number;
  private pending = '';
  private fieldCount: number | undefined;
  private readonly delimiter: string;
  private readonly delim: number;
  private readonly known: ReadonlyMap<number, string>;
  private readonly scanOnly: boolean;

  /** `firstLine`: the file line on which the text starts (for a chunk cut out of a larger file) */
  constructor(delimiter = ',', firstLine = 1, options: SplitterOptions = {}) {
    this.delimiter = delimiter;
    this.delim = delimiter.charCodeAt(0);
    this.line = firstLine;
    this.fieldCount = options.fieldCount;
    this.known = options.broken ?? new Map();
    this.scanOnly = options.scanOnly ?? false;
  }

  /** Characters pushed but not yet read: the start of a record that is not complete yet. */
  get pendingLength(): number {
    return this.pending.length;
  }

  /** The line on which the next record starts. */
  get nextLine(): number {
    return this.line;
  }

  /** The header's field count once known. */
  get fields(): number | undefined {
    return this.fieldCount;
  }

  /** Feeds decoded text; calls `emit` for each complete record. Blank lines are skipped (but counted). */
  push(text: string, emit: (record: SplitRecord) => void): void {
    let from = 0;
    // Prepending carried-over text to a whole chunk makes a cons string that V8 may flatten again on every
    // indexOf (seen: a 20 MB file exhausting a 4 GB heap). So carried-over text is joined to a small piece of the
    // chunk at a time until its record is complete, and the rest is scanned as the flat string the decoder gave.
    while (this.pending !== '' && from < text.length) {
      const newline = text.indexOf('\n', Math.min(text.length, from + JOIN_PIECE));
      const cut = newline === -1 ? text.length : newline + 1;
      const data = this.pending + text.slice(from, cut);
      from = cut;
      this.pending = data.slice(this.process(data, false, emit));
    }
    if (from >= text.length) return;
    const data = from === 0 ? text : text.slice(from);
    this.pending = data.slice(this.process(data, false, emit));
  }

  /** Reads what is left at the end of the text or file: the last record may have no final newline. */
  end(emit: (record: SplitRecord) => void): void {
    const data = this.pending;
    this.pending = '';
    this.process(data, true, emit);
  }

  /** Parses the records of `data` from its start; returns where the first incomplete record begins. */
  private process(data: string, atEnd: boolean, emit: (record: SplitRecord) => void): number {
    let pos = 0;
    while (pos < data.length) {
      const newline = data.indexOf('\n', pos);
      if (newline === -1 && !atEnd) return pos;
      const lineEnd = newline === -1 ? data.length : newline;
      const knownReason = this.known.size === 0 ? undefined : this.known.get(this.line);
      if (knownReason !== undefined) {
        emit({ line: this.line++, cells: [], problem: knownReason });
        pos = lineEnd + 1;
        continue;
      }
      const end = lineEnd > pos && data.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
      const lineText = data.slice(pos, end);
      if (lineText.indexOf('"') === -1) {
        // fast path: a line without quotes is one record
        if (end > pos && (!this.scanOnly || this.fieldCount === undefined)) {
          this.emitRecord(lineText.split(this.delimiter), false, newline !== -1, emit);
        }
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const parsed = this.parseQuoted(data, pos, atEnd);
      if (parsed.kind === 'more') return pos;
      if (parsed.kind === 'broken') {
        emit({ line: this.line++, cells: [], problem: parsed.reason });
        pos = parsed.end;
        continue;
      }
      const problem = countProblem(parsed.cells, this.fieldCount, true, data.charCodeAt(parsed.end - 1) === LF);
      if (problem !== null) {
        // a record with the wrong shape may have swallowed the lines after it: report it, read on from the next line
        emit({ line: this.line++, cells: [], problem });
        pos = lineEnd + 1;
        continue;
      }
      this.emitRecord(parsed.cells, true, true, emit);
      this.line += parsed.lines;
      pos = parsed.end;
    }
    return pos;
  }

  private emitRecord(cells: string[], quoted: boolean, terminated: boolean, emit: (record: SplitRecord) => void): void {
    if (this.fieldCount === undefined) {
      if (!isBlank(cells)) this.fieldCount = cells.length;
      emit({ line: this.line, cells });
      return;
    }
    const problem = quoted ? null : countProblem(cells, this.fieldCount, false, terminated);
    emit(problem === null ? { line: this.line, cells } : { line: this.line, cells: [], problem });
  }

  /** One record that has a quote on its first line; `lines`: line feeds consumed, the final one included. */
  private parseQuoted(data: string, start: number, atEnd: boolean): Parsed {
    const firstLineEnd = (): Parsed => {
      const newline = data.indexOf('\n', start);
      if (newline === -1 && !atEnd) return { kind: 'more' };
      return { kind: 'broken', end: newline === -1 ? data.length : newline + 1, reason: '' };
    };
    const broken = (reason: string): Parsed => {
      const at = firstLineEnd();
      return at.kind === 'broken' ? { ...at, reason } : at;
    };
    const cells: string[] = [];
    let field = '';
    let fieldStart = true;
    let lines = 0;
    let i = start;
    for (;;) {
      if (i >= data.length) {
        if (!atEnd) return { kind: 'more' };
        cells.push(field);
        return { kind: 'record', end: i, lines, cells };
      }
      const c = data.charCodeAt(i);
      if (fieldStart && c === QUOTE) {
        const quoted = this.quotedField(data, i + 1, atEnd);
        if (quoted.kind === 'more') return quoted;
        if (quoted.kind === 'broken') return broken(quoted.reason);
        field = quoted.text;
        lines += quoted.lineFeeds;
        i = quoted.end;
        fieldStart = false;
        const next = i < data.length ? data.charCodeAt(i) : -1;
        if (next !== -1 && next !== this.delim && next !== CR && next !== LF) return broken(REASONS.malformed);
        continue;
      }
      fieldStart = false;
      if (c === this.delim) {
        cells.push(field);
        field = '';
        fieldStart = true;
        i++;
      } else if (c === LF) {
        cells.push(field);
        return { kind: 'record', end: i + 1, lines: lines + 1, cells };
      } else if (c === CR && i + 1 >= data.length && !atEnd) {
        return { kind: 'more' }; // a CR that may be the first half of a CRLF
      } else if (c === CR && data.charCodeAt(i + 1) === LF) {
        i++;
      } else {
        // a run of ordinary characters (a quote here is a literal)
        let j = i + 1;
        while (j < data.length) {
          const d = data.charCodeAt(j);
          if (d === this.delim || d === LF || d === CR) break;
          j++;
        }
        field += data.slice(i, j);
        i = j;
      }
    }
  }

  /** A quoted field's content from just after its opening quote. */
  private quotedField(
    data: string,
    from: number,
    atEnd: boolean,
  ): { kind: 'more' } | { kind: 'broken'; reason: string } | { kind: 'field'; text: string; end: number; lineFeeds: number } {
    let j = from;
    for (;;) {
      const q = data.indexOf('"', j);
      if (q === -1) {
        const size = data.length - from;
        if (size > MAX_CELL_CHARS || countLineFeeds(data, from, data.length) > MAX_CELL_LINE_BREAKS) {
          return { kind: 'broken', reason: REASONS.tooLong };
        }
        return atEnd ? { kind: 'broken', reason: REASONS.eof } : { kind: 'more' };
      }
      if (q + 1 >= data.length && !atEnd) return { kind: 'more' }; // "" or " cannot be told apart yet
      if (data.charCodeAt(q + 1) === QUOTE) {
        j = q + 2;
        continue;
      }
      const raw = data.slice(from, q);
      const lineFeeds = countLineFeeds(raw, 0, raw.length);
      const text = raw.indexOf('"') === -1 ? raw : raw.replace(/""/g, '"');
      if (text.length > MAX_CELL_CHARS || lineFeeds > MAX_CELL_LINE_BREAKS) return { kind: 'broken', reason: REASONS.tooBig };
      return { kind: 'field', text, end: q + 1, lineFeeds };
    }
  }
}

/** Splits a whole string (tests, small files). */
export function splitCsv(text: string, delimiter = ',', options: SplitterOptions = {}): SplitRecord[] {
  const out: SplitRecord[] = [];
  const splitter = new CsvSplitter(delimiter, 1, options);
  splitter.push(text, (r) => out.push(r));
  splitter.end((r) => out.push(r));
  return out;
}
