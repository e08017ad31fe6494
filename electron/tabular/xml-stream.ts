// Streams an XML part of a workbook through saxes: bytes are decoded with a streaming TextDecoder, so a character
// cut in two by a read or inflate boundary is joined again before the parser sees it (the bug of issue 9, item 8).
import { TextDecoder } from 'node:util';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TableReadError } from './errors';
import { readZipEntry, type ZipEntry } from './zip';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** The local part of a qualified name (x:row → row): some writers prefix SpreadsheetML elements. */
export const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8'); // invalid bytes become U+FFFD, which the row rules report
}

function createParser(entry: ZipEntry, handlers: XmlHandlers): { parser: SaxesParser<{ position: false }>; failure: () => Error | null } {
  // without namespace processing (the default) attributes are plain strings
  const parser = new SaxesParser<{ position: false }>({ position: false });
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= new TableReadError(`不是有效的 CSV 或 XLSX 文件（XLSX 已损坏：「${entry.name}」${error.message}）`);
  });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), (tag as SaxesTagPlain).attributes));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  return { parser, failure: () => failure };
}

/**
 * Parses an entry, calling `afterPiece` after each decoded piece (the sheet reader hands out the rows it has);
 * throws TableReadError when the entry is damaged or is not well-formed XML.
 */
export async function* streamXml(
  filePath: string,
  entry: ZipEntry,
  handlers: XmlHandlers,
  readChunkBytes?: number,
): AsyncGenerator<void> {
  const { parser, failure } = createParser(entry, handlers);
  let decoder: TextDecoder | null = null;
  for await (const piece of readZipEntry(filePath, entry, readChunkBytes)) {
    decoder ??= decoderFor(piece);
    parser.write(decoder.decode(piece, { stream: true })); // the decoder drops a byte-order mark
    const error = failure();
    if (error) throw error;
    yield;
  }
  if (decoder) parser.write(decoder.decode());
  parser.close();
  const error = failure();
  if (error) throw error;
  yield;
}

/** Parses a whole (small) part. */
export async function parseXml(filePath: string, entry: ZipEntry, handlers: XmlHandlers, readChunkBytes?: number): Promise<void> {
  for await (const _ of streamXml(filePath, entry, handlers, readChunkBytes)) {
    // nothing to hand out between pieces
  }
}
