// The fonts a letter's PDF embeds, and their metrics for the layout. The body is 仿宋 as GB/T 9704 asks: on
// Windows the system's own FangSong (C:\Windows\Fonts\simfang.ttf) is embedded when it is there and has every
// character of the letter. Elsewhere, or when it is missing or incomplete, the body falls back to the shipped Noto
// Serif SC (SIL OFL 1.1, npm @expo-google-fonts/noto-serif-sc), a song-style face; the head, title and headings
// always use its Bold. Which one was used is said in the preview and recorded with the archived PDF.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import type { PdfFontInfo } from '../../shared/contract/letters';
import type { LayoutFont, LayoutMetrics } from '../../shared/letters/layout-model';
import type { LetterDocument } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';

const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';
const SHIPPED_NAME = '思源宋体 Noto Serif SC（随程序提供）';
const FANGSONG_NAME = '仿宋（本机系统字体）';

// __filename exists both in the esbuild CJS bundle and under vitest; import.meta.url would not in the bundle.
const load = createRequire(__filename);
const fontkit = (): typeof Fontkit => load('fontkit') as typeof Fontkit;

export interface FontLookup {
  platform: NodeJS.Platform;
  /** %WINDIR%, where Windows keeps Fonts\ */
  windowsDir?: string;
  /** a FangSong file named in the configuration; tried before the Windows one */
  fangSongFile?: string;
}

export interface PdfFonts {
  files: Record<LayoutFont, string>;
  info: PdfFontInfo;
  metrics: LayoutMetrics;
}

/** This machine's lookup: the platform, %WINDIR%, and a FangSong file the configuration may name. */
export const fontLookupOf = (config: { fangSongFont?: string }): FontLookup => ({
  platform: process.platform,
  windowsDir: process.env.WINDIR ?? process.env.SystemRoot,
  fangSongFile: config.fangSongFont,
});

let shipped: { regular: string; bold: string } | null = null;

function shippedFiles(): { regular: string; bold: string } {
  if (shipped) return shipped;
  const folder = path.dirname(load.resolve(`${FONT_PACKAGE}/package.json`));
  const files = {
    regular: path.join(folder, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: path.join(folder, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  };
  for (const file of Object.values(files)) {
    if (!existsSync(file)) throw new AppFailure('io', `找不到生成 PDF 所需的中文字体文件 ${file}，请重新安装商标守护`);
  }
  shipped = files;
  return files;
}

/** The FangSong file to try on this machine, or null where there is none to look for. */
export function fangSongCandidate(lookup: FontLookup): string | null {
  if (lookup.fangSongFile) return lookup.fangSongFile;
  if (lookup.platform !== 'win32') return null;
  return path.win32.join(lookup.windowsDir || 'C:\\Windows', 'Fonts', 'simfang.ttf');
}

const opened = new Map<string, Fontkit.Font>();

function openFont(file: string): Fontkit.Font {
  const cached = opened.get(file);
  if (cached) return cached;
  const font = fontkit().openSync(file);
  if (!('layout' in font)) throw new Error('字体集合（.ttc）不能直接使用');
  opened.set(file, font);
  return font;
}

/**
 * The PostScript name of a font file. pdfkit keeps one font per name and re-reads a second file of the same
 * name at every use, so the painter registers one file per name.
 */
export const postScriptName = (file: string): string => openFont(file).postscriptName || file;

/** Every character the body font must draw: the letter's text outside the head, title and table headings. */
function bodyCharacters(letter: LetterDocument): Set<string> {
  const texts = [
    letter.documentNumber, letter.recipient, ...letter.paragraphs, ...letter.attachments, letter.signature, letter.dateText,
    letter.note, letter.copyTo, letter.printingBody, letter.printedOn, '附件：抄送。— 0123456789',
    ...letter.table.rows.flatMap((row) => Object.values(row)),
  ];
  return new Set(texts.join('').replace(/\s/g, ''));
}

function missingCharacters(font: Fontkit.Font, letter: LetterDocument): string[] {
  return [...bodyCharacters(letter)].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0));
}

/** The system's FangSong when usable for this letter, else null with the reason the clerk is told. */
function tryFangSong(lookup: FontLookup, letter: LetterDocument): { file: string } | { reason: string } {
  const candidate = fangSongCandidate(lookup);
  if (candidate === null) return { reason: '本机不是 Windows，没有系统仿宋字体' };
  if (!existsSync(candidate)) return { reason: `本机没有 ${candidate}` };
  try {
    const missing = missingCharacters(openFont(candidate), letter);
    if (missing.length > 0) return { reason: `${candidate} 缺少「${missing.slice(0, 5).join('')}」等 ${missing.length} 个字` };
    return { file: candidate };
  } catch (error) {
    return { reason: `${candidate} 无法读取（${error instanceof Error ? error.message : String(error)}）` };
  }
}

/**
 * Widths from each character's advance, cached: Chinese text has no kerning or ligatures, so this equals what
 * pdfkit draws, and it spares a full shaping pass over a 15 MB font for every measured piece of a line.
 */
const advances = new Map<string, Map<number, number>>();

function metricsOf(files: Record<LayoutFont, string>): LayoutMetrics {
  const advanceOf = (file: string, codePoint: number): number => {
    let table = advances.get(file);
    if (!table) advances.set(file, (table = new Map()));
    let advance = table.get(codePoint);
    if (advance === undefined) {
      const font = openFont(file);
      advance = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
      table.set(codePoint, advance);
    }
    return advance;
  };
  return {
    measure(font, size, text) {
      let em = 0;
      for (const ch of text) em += advanceOf(files[font], ch.codePointAt(0) ?? 0);
      return em * size;
    },
  };
}

export function pdfFontsFor(lookup: FontLookup, letter: LetterDocument): PdfFonts {
  const { regular, bold } = shippedFiles();
  const fangSong = tryFangSong(lookup, letter);
  const body = 'file' in fangSong ? fangSong.file : regular;
  const files: Record<LayoutFont, string> = { body, song: regular, title: bold, heading: bold };
  const info: PdfFontInfo =
    'file' in fangSong
      ? { source: 'system', name: FANGSONG_NAME, file: fangSong.file, note: '' }
      : { source: 'shipped', name: SHIPPED_NAME, file: path.basename(regular), note: fangSong.reason };
  return { files, info, metrics: metricsOf(files) };
}

/** How the archive and the preview say it: 仿宋（本机系统字体，C:\Windows\Fonts\simfang.ttf）. */
export function describePdfFont(info: PdfFontInfo): string {
  return info.source === 'system' ? `${info.name}，${info.file}` : `${info.name}${info.note ? `；${info.note}` : ''}`;
}
