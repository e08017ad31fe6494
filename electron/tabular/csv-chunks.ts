// Whole records of a CSV file as text, a megabyte at a time, after the header record. Worker threads split such
// chunks themselves: sending one string to a worker is a copy, sending a million arrays of cells is a million
// structured clones, and the main thread would spend a core on splitting.
import { createReadStream } from 'node:fs';
import { createDecoder } from './encoding';
import { TableReadError } from './errors';
import { detectCsvLayout } from './index';

export interface CsvTextChunk {
  text: string;
  /** file line on which the chunk's first record starts */
  firstLine: number;
}

export interface CsvChunks {
  delimiter: string;
  chunks: AsyncGenerator<CsvTextChunk>;
  close(): Promise<void>;
}

/** One past the last newline that is outside quotes (0 when the text holds no complete record). */
export function lastRecordEnd(text: string): number {
  if (text.indexOf('"') === -1) return text.lastIndexOf('\n') + 1;
  let inQuotes = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes; // a doubled quote toggles twice
    else if (c === 10 && !inQuotes) last = i + 1;
  }
  return last;
}

/** One past the first newline outside quotes (the end of the header record), or -1. */
function firstRecordEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) return i + 1;
  }
  return -1;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** null when the file is not a CSV (an XLSX workbook is read row by row instead). */
export async function openCsvChunks(filePath: string): Promise<CsvChunks | null> {
  const layout = await detectCsvLayout(filePath);
  if (!layout) return null;
  const stream = createReadStream(filePath, { start: layout.bomLength, highWaterMark: 1 << 20 });
  async function* chunks(): AsyncGenerator<CsvTextChunk> {
    const decoder = createDecoder(layout!.encoding);
    let buffer = '';
    let line = 1;
    let headerSkipped = false;
    const take = (end: number): CsvTextChunk => {
      const chunk = { text: buffer.slice(0, end), firstLine: line };
      line += countLines(chunk.text);
      buffer = buffer.slice(end);
      return chunk;
    };
    const skipHeader = (atEnd: boolean): boolean => {
      const end = firstRecordEnd(buffer);
      if (end === -1 && !atEnd) return false;
      take(end === -1 ? buffer.length : end);
      headerSkipped = true;
      return true;
    };
    try {
      for await (const piece of stream as AsyncIterable<Buffer>) {
        buffer += decoder.write(piece);
        if (!headerSkipped && !skipHeader(false)) continue;
        const end = lastRecordEnd(buffer);
        if (end > 0) yield take(end);
      }
    } catch (error) {
      throw new TableReadError(`文件无法读取：${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    buffer += decoder.end();
    if (!headerSkipped) skipHeader(true);
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
