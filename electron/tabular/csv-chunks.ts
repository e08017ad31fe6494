// Whole records of a CSV file as text, a megabyte at a time, after the header record. Worker threads split such
// chunks themselves: sending one string to a worker is a copy, sending a million arrays of cells is a million
// structured clones, and the main thread would spend a core on splitting.
// The record boundaries come from the same splitter the workers and the in-process reader use (scanning only the
// lines with quotes), and a record it finds broken travels with its chunk, so that a worker reads exactly what
// the in-process reader reads: a broken record may only be recognised by looking past the end of a chunk.
import { createReadStream } from 'node:fs';
import { CsvSplitter, type SplitRecord } from './csv-splitter';
import { createDecoder } from './encoding';
import { TableReadError } from './errors';
import { detectCsvLayout, type ReadOptions } from './index';

export interface CsvTextChunk {
  text: string;
  /** file line on which the chunk's first record starts */
  firstLine: number;
  /** fields in the header: records of the chunk are checked against it */
  fieldCount: number | undefined;
  /** records of this chunk found broken: [first line, reason] */
  broken: [number, string][];
}

export interface CsvChunks {
  delimiter: string;
  chunks: AsyncGenerator<CsvTextChunk>;
  close(): Promise<void>;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The records of one chunk, blank ones skipped (as the table reader does); broken ones carry their problem. */
export function splitCsvChunk(chunk: CsvTextChunk, delimiter: string): SplitRecord[] {
  const out: SplitRecord[] = [];
  const splitter = new CsvSplitter(delimiter, chunk.firstLine, {
    ...(chunk.fieldCount === undefined ? {} : { fieldCount: chunk.fieldCount }),
    broken: new Map(chunk.broken),
  });
  const keep = (r: SplitRecord) => {
    if (r.problem !== undefined || r.cells.some((c) => c.trim() !== '')) out.push(r);
  };
  splitter.push(chunk.text, keep);
  splitter.end(keep);
  return out;
}

/** null when the file is not a CSV (an XLSX workbook is read row by row instead). */
export async function openCsvChunks(filePath: string, options: ReadOptions = {}): Promise<CsvChunks | null> {
  const layout = await detectCsvLayout(filePath);
  if (!layout) return null;
  const stream = createReadStream(filePath, { start: layout.bomLength, highWaterMark: options.readChunkBytes ?? 1 << 20 });
  async function* chunks(): AsyncGenerator<CsvTextChunk> {
    const decoder = createDecoder(layout!.encoding);
    const scanner = new CsvSplitter(layout!.delimiter, 1, { scanOnly: true });
    let broken: [number, string][] = [];
    const collect = (r: SplitRecord) => {
      if (r.problem !== undefined) broken.push([r.line, r.problem]);
    };
    let line = 1;
    let buffer = ''; // text pushed to the scanner and not yet handed out
    let headerLeft = ''; // text before the end of the header record, fed to the scanner a line at a time
    const take = (end: number): CsvTextChunk => {
      const chunk = { text: buffer.slice(0, end), firstLine: line, fieldCount: scanner.fields, broken };
      line += countLines(chunk.text);
      buffer = buffer.slice(end);
      broken = [];
      return chunk;
    };
    // The header is fed line by line so that the text of its record is known: it is not part of any chunk.
    const feedHeader = (text: string, atEnd: boolean): void => {
      headerLeft += text;
      while (scanner.fields === undefined) {
        const newline = headerLeft.indexOf('\n');
        if (newline === -1 && !atEnd) return;
        const piece = newline === -1 ? headerLeft : headerLeft.slice(0, newline + 1);
        headerLeft = headerLeft.slice(piece.length);
        buffer += piece;
        scanner.push(piece, collect);
        if (atEnd && newline === -1) scanner.end(collect);
        if (scanner.fields !== undefined && scanner.pendingLength === 0) {
          line += countLines(buffer);
          buffer = '';
          broken = [];
        }
        if (newline === -1) break;
      }
      const rest = headerLeft;
      headerLeft = '';
      if (rest !== '') feed(rest);
    };
    const feed = (text: string): void => {
      buffer += text;
      scanner.push(text, collect);
    };
    try {
      for await (const piece of stream as AsyncIterable<Buffer>) {
        const text = decoder.write(piece);
        if (scanner.fields === undefined) feedHeader(text, false);
        else feed(text);
        const end = buffer.length - scanner.pendingLength;
        if (scanner.fields !== undefined && end > 0) yield take(end);
      }
    } catch (error) {
      throw new TableReadError(`文件无法读取：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const tail = decoder.end();
    if (scanner.fields === undefined) feedHeader(tail, true);
    else feed(tail);
    scanner.end(collect);
    if (buffer.length > 0) yield take(buffer.length);
  }
  const generator = chunks();
  return {
    delimiter: layout.delimiter,
    chunks: generator,
    close: async () => {
      stream.destroy();
      await generator.return(undefined);
    },
  };
}
