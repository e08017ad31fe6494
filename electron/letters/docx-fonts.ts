// The `docx` package writes an empty font table, so Word and WPS would fall back to their default East Asian font
// (宋体) where 仿宋_GB2312 or 方正小标宋 is missing. Declaring each font with its GB2312 charset, family and
// alternative name lets them pick FangSong / 黑体 instead, as GB/T 9704 expects.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FONTS } from '../../shared/letters/page-geometry';

const FONT_TABLE = 'word/fontTable.xml';

interface FontEntry {
  name: string;
  altName: string;
  family: 'roman' | 'modern' | 'swiss';
  panose: string;
}

const ENTRIES: readonly FontEntry[] = [
  { name: FONTS.body, altName: FONTS.bodyFallbacks[0], family: 'modern', panose: '02010609030101010101' },
  { name: FONTS.title, altName: FONTS.titleFallbacks[0], family: 'roman', panose: '02000000000000000000' },
  { name: FONTS.heading, altName: FONTS.headingFallbacks[0], family: 'modern', panose: '02010609060101010101' },
  { name: FONTS.song, altName: FONTS.songLatin, family: 'modern', panose: '02010600030101010101' },
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function fontXml(entry: FontEntry): string {
  return (
    `<w:font w:name="${escapeXml(entry.name)}"><w:altName w:val="${escapeXml(entry.altName)}"/>` +
    `<w:panose1 w:val="${entry.panose}"/><w:charset w:val="86"/><w:family w:val="${entry.family}"/>` +
    `<w:pitch w:val="fixed"/><w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000010" w:usb3="00000000" ` +
    `w:csb0="00040000" w:csb1="00000000"/></w:font>`
  );
}

export function withFontFallbacks(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const table = files[FONT_TABLE];
  if (!table) return docx;
  const xml = strFromU8(table);
  const fonts = ENTRIES.map(fontXml).join('');
  const filled = xml.endsWith('/>') && !xml.includes('</w:fonts>')
    ? xml.replace(/\/>$/, `>${fonts}</w:fonts>`)
    : xml.replace('</w:fonts>', `${fonts}</w:fonts>`);
  files[FONT_TABLE] = strToU8(filled);
  return Buffer.from(zipSync(files, { level: 6 }));
}
