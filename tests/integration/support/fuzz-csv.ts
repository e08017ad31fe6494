// Random listing files for the import fuzz test (import-fuzz.test.ts): CJK text with quotes, inch marks, commas
// and line breaks, written the way Excel or a hand-made file would, with some rows damaged on purpose.
import { LISTING_HEADERS } from '../../../shared/formats/listings';
import { cjkText, seeded } from './tables';

export const HEADER = LISTING_HEADERS.map((h) => h.header);

type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** A field value: CJK with some of the characters that trouble CSV readers. */
export function fieldValue(random: Random, column: number): string {
  const base = cjkText(random, 1 + Math.floor(random() * 12), { extras: true }).replace(/\s/g, '');
  const noise = ['14"', '"正品"', ',', '""', '，', '、', '𠀋', '\n', 'A"B'];
  let value = base;
  for (let i = 0; i < 3; i++) if (random() < 0.2) value += pick(random, noise) + cjkText(random, 2);
  if (column === 0) value = `L${Math.floor(random() * 1e9)}`; // ids stay simple and unique enough
  if (column !== 3) value = value.replace(/\n/g, ''); // only titles carry line breaks
  return value.trim() === '' ? '空' : value;
}

/** How Excel would write the field; a field with only an inner quote is sometimes left bare, as hand-made files do. */
function csvField(random: Random, value: string): string {
  const needsQuotes = /[,\n\r]/.test(value) || value.startsWith('"');
  if (!needsQuotes && value.includes('"') && random() < 0.5) return value;
  return needsQuotes || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface Generated {
  rows: string[][];
  /** 1-based file line on which each row starts */
  lines: number[];
  bytes: Buffer;
  /** indexes of rows that were damaged and must be reported */
  damaged: Set<number>;
}

export function generateCsv(seed: number): Generated {
  const random = seeded(seed);
  const count = 50 + Math.floor(random() * 250);
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) rows.push(HEADER.map((_, c) => fieldValue(random, c)));
  const damaged = new Set<number>();
  const eol = random() < 0.5 ? '\r\n' : '\n';
  const texts = rows.map((cells) => cells.map((cell) => csvField(random, cell)));
  // a stray opening quote on a few single-line rows, on a field with no quote, comma or break of its own
  for (let k = 0; k < 2; k++) {
    const i = Math.floor(random() * count);
    const row = texts[i] as string[];
    if (row.some((t) => t.includes('\n'))) continue;
    const c = 1 + Math.floor(random() * (HEADER.length - 1));
    if (/[",\n]/.test(row[c] ?? '')) continue;
    row[c] = `"${row[c]}`;
    damaged.add(i);
  }
  const lines: number[] = [];
  let line = 2;
  const parts: Buffer[] = [Buffer.from(`${HEADER.join(',')}${eol}`)];
  texts.forEach((row, i) => {
    lines.push(line);
    const text = row.join(',').replace(/\n/g, eol);
    line += (text.match(/\n/g) ?? []).length + 1;
    let bytes = Buffer.from(text + eol);
    if (random() < 0.02 && !damaged.has(i) && !text.includes('\n')) {
      // invalid UTF-8 inside the row
      const at = text.indexOf(',') + 1;
      const prefix = Buffer.from(text.slice(0, at));
      bytes = Buffer.concat([prefix, Buffer.from([0xff, 0xc3]), Buffer.from(text.slice(at) + eol)]);
      damaged.add(i);
    }
    parts.push(bytes);
  });
  let bytes = Buffer.concat(parts);
  const last = count - 1;
  if (random() < 0.3 && !damaged.has(last)) {
    // cut the file inside its last row, before that row's last delimiter or inside one of its quoted fields
    const lastText = Buffer.from((texts[last] as string[]).join(',').replace(/\n/g, eol));
    const start = bytes.length - lastText.length - eol.length;
    const lastComma = lastText.lastIndexOf(',');
    const cut = start + 1 + Math.floor(random() * Math.max(1, lastComma - 1));
    bytes = bytes.subarray(0, cut);
    damaged.add(last);
  }
  return { rows, lines, bytes, damaged };
}

