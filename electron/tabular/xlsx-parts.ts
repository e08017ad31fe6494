// The parts of an XLSX package a sheet reader needs before the sheet: where the first sheet is, whether dates
// count from 1900 or 1904, which cell styles are dates, and the shared strings table.
import path from 'node:path';
import { TableReadError } from './errors';
import { parseXml } from './xml-stream';
import type { ZipEntry } from './zip';

export interface WorkbookInfo {
  /** the zip entry of the first sheet in workbook order */
  sheet: ZipEntry;
  date1904: boolean;
  /** per cell style index (the `s` attribute): does it show a date */
  dateStyles: boolean[];
  sharedStrings: SharedStrings;
}

/**
 * The shared strings, kept compactly: a million distinct strings as a million small JS strings cost far more
 * than their text, so each block of 4,096 is joined into one string with its offsets.
 */
export class SharedStrings {
  private static readonly BLOCK = 4096;
  private readonly blocks: string[] = [];
  private readonly offsets: Uint32Array[] = [];
  private current: string[] = [];

  get count(): number {
    return this.blocks.length * SharedStrings.BLOCK + this.current.length;
  }

  add(text: string): void {
    this.current.push(text);
    if (this.current.length === SharedStrings.BLOCK) this.seal();
  }

  get(index: number): string | undefined {
    const block = Math.floor(index / SharedStrings.BLOCK);
    const within = index % SharedStrings.BLOCK;
    if (block < this.blocks.length) {
      const offsets = this.offsets[block] as Uint32Array;
      return (this.blocks[block] as string).slice(offsets[within], offsets[within + 1]);
    }
    return block === this.blocks.length ? this.current[within] : undefined;
  }

  private seal(): void {
    const offsets = new Uint32Array(this.current.length + 1);
    let at = 0;
    this.current.forEach((text, i) => {
      offsets[i] = at;
      at += text.length;
    });
    offsets[this.current.length] = at;
    this.blocks.push(this.current.join(''));
    this.offsets.push(offsets);
    this.current = [];
  }
}

// Built-in number formats that show a date: the international ones and those of Chinese Excel (27–31, 36, 50–58
// without the time-only 32–35, 55, 56).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Whether a custom format code shows a date (y or d outside quotes, escapes and [colour]/[locale] sections). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').split(';')[0] ?? '';
  return /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs0#?]/i.test(bare));
}

function joinPart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), target));
}

function relsPath(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

async function readRelationships(file: string, entries: Map<string, ZipEntry>, part: string, chunk?: number) {
  const rels: { id: string; type: string; target: string }[] = [];
  const entry = entries.get(relsPath(part));
  if (!entry) return rels;
  await parseXml(file, entry, {
    open(name, attributes) {
      if (name === 'Relationship') rels.push({ id: attributes.Id ?? '', type: attributes.Type ?? '', target: joinPart(part, attributes.Target ?? '') });
    },
    close() {},
    text() {},
  }, chunk);
  return rels;
}

/** Collects the text of <t> elements under each `itemTag` (<si>, or <is> in a cell), leaving out phonetic runs. */
export function richTextCollector(itemTag: string, onItem: (text: string) => void) {
  let inItem = false;
  let inT = 0;
  let inPhonetic = 0;
  let text = '';
  return {
    open(name: string) {
      if (name === itemTag) {
        inItem = true;
        text = '';
      } else if (inItem && name === 'rPh') inPhonetic++;
      else if (inItem && name === 't') inT++;
    },
    close(name: string) {
      if (name === itemTag && inItem) {
        inItem = false;
        onItem(text);
      } else if (inItem && name === 'rPh') inPhonetic--;
      else if (inItem && name === 't') inT--;
    },
    text(value: string) {
      if (inItem && inT > 0 && inPhonetic === 0) text += value;
    },
  };
}

export async function readWorkbookInfo(file: string, entries: Map<string, ZipEntry>, chunk?: number): Promise<WorkbookInfo> {
  const root = await readRelationships(file, entries, '', chunk);
  const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookEntry = entries.get(workbookPath);
  if (!workbookEntry) throw new TableReadError('XLSX 文件已损坏或不是有效的工作簿（缺少 workbook.xml）');
  let date1904 = false;
  let firstSheetId: string | null = null;
  await parseXml(file, workbookEntry, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet' && firstSheetId === null) {
        const idKey = Object.keys(attributes).find((k) => k === 'id' || k.endsWith(':id'));
        firstSheetId = idKey ? (attributes[idKey] ?? '') : '';
      }
    },
    close() {},
    text() {},
  }, chunk);
  if (firstSheetId === null) throw new TableReadError('XLSX 工作簿中没有工作表');
  const rels = await readRelationships(file, entries, workbookPath, chunk);
  const sheetPath = rels.find((r) => r.id === firstSheetId)?.target;
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new TableReadError('XLSX 文件已损坏或不是有效的工作簿（找不到第一个工作表）');
  const partOf = (type: string, fallback: string) =>
    entries.get(rels.find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback) ?? entries.get(fallback);
  return {
    sheet,
    date1904,
    dateStyles: await readDateStyles(file, partOf('styles', 'xl/styles.xml'), chunk),
    sharedStrings: await readSharedStrings(file, partOf('sharedStrings', 'xl/sharedStrings.xml'), chunk),
  };
}

async function readDateStyles(file: string, entry: ZipEntry | undefined, chunk?: number): Promise<boolean[]> {
  if (!entry) return [];
  const customDate = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parseXml(file, entry, {
    open(name, attributes) {
      if (name === 'numFmt') customDate.set(Number(attributes.numFmtId), isDateFormat(attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        styles.push(customDate.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  }, chunk);
  return styles;
}

async function readSharedStrings(file: string, entry: ZipEntry | undefined, chunk?: number): Promise<SharedStrings> {
  const strings = new SharedStrings();
  if (!entry) return strings;
  await parseXml(file, entry, richTextCollector('si', (text) => strings.add(text)), chunk);
  return strings;
}
