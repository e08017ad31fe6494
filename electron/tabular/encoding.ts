// Detects how a user's CSV is encoded. Excel on a Chinese Windows saves "CSV" in GB18030 (code page 936);
// newer Excel and WPS offer UTF-8 with a BOM; "Unicode text" is UTF-16 with a BOM. A sample that decodes as
// strict UTF-8 is UTF-8 (GB18030 text of any length practically never is); otherwise it is GB18030.
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** bytes of byte-order mark to skip */
  bomLength: number;
}

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // stream: true tolerates a character cut in half at the end of the sample
  const text = new TextDecoder('utf-8').decode(sample, { stream: true });
  let invalid = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f) nonAscii++;
  }
  // A UTF-8 file damaged in a few places stays UTF-8 (the damaged rows are reported); GB18030 text read as UTF-8
  // is almost all invalid sequences.
  return { encoding: invalid === 0 || invalid * 20 < nonAscii ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/** A streaming decoder: invalid bytes become U+FFFD instead of throwing, so a damaged file never crashes a run. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export function createDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    return {
      write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      end: () => decoder.end() ?? '',
    };
  }
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

/** True when a sample looks like binary data rather than text (NUL bytes outside UTF-16). */
export function looksBinary(sample: Uint8Array, encoding: TextEncodingName): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const limit = Math.min(sample.length, 65536);
  for (let i = 0; i < limit; i++) if (sample[i] === 0) return true;
  return false;
}
