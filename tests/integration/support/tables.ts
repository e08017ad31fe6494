// Deterministic CJK test data and hand-built XLSX files for the table-reader tests (import safety, issue 9).
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { CATEGORIES, type ProtectedMark } from '../../../shared/domain';

/** A small seeded generator (mulberry32): the same data on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that break naive readers: 3-byte CJK, 4-byte CJK (Extension B), full-width punctuation, XML specials. */
const EXTRA = ['𠀋', '𡈽', '𪚥', '，', '“', '”', '、', '&', '<', '>', ']]>', "'", '"'];

export function cjkText(random: () => number, length: number, options: { extras?: boolean } = {}): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    if (options.extras && random() < 0.05) out += EXTRA[Math.floor(random() * EXTRA.length)];
    else out += String.fromCodePoint(0x4e00 + Math.floor(random() * 20_000));
  }
  return out;
}

/** `count` valid protected marks with CJK names, holders, aliases and notes. */
export function cjkMarks(count: number, seed = 1): ProtectedMark[] {
  const random = seeded(seed);
  const marks: ProtectedMark[] = [];
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] ?? '驰名商标';
    marks.push({
      id: `M${String(i).padStart(6, '0')}`,
      name: cjkText(random, 2 + (i % 5)),
      category,
      classes: category === '公共资源' ? [] : [1 + (i % 45)],
      registrationNumber: String(10_000_000 + i),
      holder: `${cjkText(random, 4 + (i % 9))}有限公司`,
      aliases: i % 3 === 0 ? [] : [cjkText(random, 3), `ALIAS${i}`],
      region: i % 4 === 0 ? '青海省' : '',
      recognizedOn: i % 2 === 0 ? `20${String(10 + (i % 15))}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}` : '',
      notes: i % 10 === 0 ? `${cjkText(random, 20, { extras: true })}\n${cjkText(random, 5)}` : '',
    });
  }
  return marks;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface XlsxParts {
  /** the <sheetData> content of each sheet, in workbook order */
  sheets: { name: string; rows: string }[];
  /** <si> elements of xl/sharedStrings.xml; omitted → no shared strings part */
  sharedStrings?: string[];
  /** the content of <styleSheet>; omitted → no styles part */
  styles?: string;
  date1904?: boolean;
  /** zip entry order: 'sheets-first' stores the worksheets right after the workbook, before sharedStrings and styles */
  order?: 'normal' | 'sheets-first';
}

/** Writes a minimal but valid XLSX package by hand, so a test controls every part and the entry order. */
export function writeXlsxParts(file: string, parts: XlsxParts): void {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  // worksheets are named in reverse so that the first sheet of the workbook is not the first file name
  const sheetFiles = parts.sheets.map((_, i) => `worksheets/sheet${parts.sheets.length - i}.xml`);
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${ns}" xmlns:r="${rel}">${parts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${parts.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const relsEntries = sheetFiles.map(
    (f, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="${f}"/>`,
  );
  if (parts.sharedStrings) relsEntries.push(`<Relationship Id="rSst" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (parts.styles) relsEntries.push(`<Relationship Id="rSty" Type="${rel}/styles" Target="styles.xml"/>`);
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relsEntries.join('')}</Relationships>`;
  const sheetXml = parts.sheets.map(
    (s) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"><sheetData>${s.rows}</sheetData></worksheet>`,
  );
  const entries: [string, string][] = [];
  const sheetsEntries: [string, string][] = sheetFiles.map((f, i) => [`xl/${f}`, sheetXml[i] ?? '']);
  const rest: [string, string][] = [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', workbookRels],
  ];
  const late: [string, string][] = [];
  if (parts.sharedStrings) {
    const items = parts.sharedStrings.join('');
    late.push(['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${parts.sharedStrings.length}">${items}</sst>`]);
  }
  if (parts.styles) late.push(['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}">${parts.styles}</styleSheet>`]);
  if (parts.order === 'sheets-first') entries.push(...rest, ...sheetsEntries, ...late);
  else entries.push(...rest, ...late, ...sheetsEntries);
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of entries) files[name] = strToU8(text);
  writeFileSync(file, zipSync(files));
}

/** XML-escapes a text for a hand-built part. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
