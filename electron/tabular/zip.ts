// Reads the entries of a ZIP archive (an XLSX workbook) by their central directory, so the parts can be read in
// the order the reader needs them — the shared strings before the sheet — whatever order they were stored in,
// and a sheet of a million rows is inflated as a stream, never held whole. Stored and deflated entries, ZIP64.
// Each entry's CRC-32 is checked at its end: a damaged workbook is refused, not read as wrong text.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { TableReadError } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const damaged = (why: string) => new TableReadError(`不是有效的 CSV 或 XLSX 文件（XLSX 已损坏：${why}）`);

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw damaged('文件被截断');
  return buffer;
}

const big = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('大小超出范围');
  return Number(value);
};

/** The entries of the archive, from its central directory. */
export async function readZipDirectory(filePath: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(filePath, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw damaged('找不到 ZIP 目录');
    let count = tail.readUInt16LE(at + 10);
    let directorySize = tail.readUInt32LE(at + 12);
    let directoryOffset = tail.readUInt32LE(at + 16);
    if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const record = await readAt(handle, big(tail.readBigUInt64LE(at - 20 + 8)), 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw damaged('ZIP64 目录无效');
      count = big(record.readBigUInt64LE(32));
      directorySize = big(record.readBigUInt64LE(40));
      directoryOffset = big(record.readBigUInt64LE(48));
    }
    if (directoryOffset + directorySize > size) throw damaged('文件被截断');
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw damaged('ZIP 目录无效');
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', p + 46, p + 46 + nameLength),
        method: directory.readUInt16LE(p + 10),
        crc: directory.readUInt32LE(p + 16),
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        localHeaderOffset: directory.readUInt32LE(p + 42),
      };
      // ZIP64: the fields that are 0xFFFFFFFF are in the extra field 0x0001, in this order
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = directory.readUInt16LE(e);
        const length = directory.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          const next = () => {
            const value = big(directory.readBigUInt64LE(f));
            f += 8;
            return value;
          };
          if (entry.size === 0xffffffff) entry.size = next();
          if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
          if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
        }
        e += 4 + length;
      }
      entries.set(entry.name.replace(/\\/g, '/'), entry);
      p = extraEnd + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The uncompressed bytes of one entry, in pieces; throws TableReadError when the entry is damaged. */
export async function* readZipEntry(filePath: string, entry: ZipEntry, readChunkBytes = 1 << 16): AsyncGenerator<Buffer> {
  if (entry.method !== 0 && entry.method !== 8) throw damaged(`不支持的压缩方式 ${entry.method}`);
  const handle = await open(filePath, 'r');
  let dataStart: number;
  try {
    const header = await readAt(handle, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL) throw damaged(`「${entry.name}」的位置无效`);
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw damaged(`「${entry.name}」为空`);
    return;
  }
  const raw = createReadStream(filePath, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: Math.max(1, readChunkBytes),
  });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: Math.max(64, Math.min(readChunkBytes, 1 << 16)) })) : raw;
  if (source !== raw) raw.on('error', (error) => source.destroy(error));
  let crc = 0;
  let size = 0;
  try {
    for await (const piece of source as AsyncIterable<Buffer>) {
      crc = crc32(piece, crc);
      size += piece.length;
      yield piece;
    }
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw damaged(`「${entry.name}」无法解压：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    raw.destroy();
    if (source !== raw) source.destroy();
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0) throw damaged(`「${entry.name}」校验失败`);
}
