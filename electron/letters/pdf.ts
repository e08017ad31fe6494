// The letter as PDF: the pages of the shared layout (shared/letters/layout-letter.ts) painted with pdfkit, with
// the fonts chosen in pdf-fonts.ts embedded as subsets. The preview paints the same layout, so the two agree.
import { createRequire } from 'node:module';
import type PDFKitModule from 'pdfkit';
import type { PdfFontInfo } from '../../shared/contract/letters';
import { layoutLetter } from '../../shared/letters/layout-letter';
import type { LayoutFont, LayoutItem, LetterLayout } from '../../shared/letters/layout-model';
import type { LetterDocument } from '../../shared/letters/model';
import type { LetterFigures } from './figures';
import { pdfFontsFor, postScriptName, type FontLookup, type PdfFonts } from './pdf-fonts';

// pdfkit is loaded from node_modules when first needed, not bundled: esbuild would pick its ES module build, which
// locates its data through import.meta.url, and that is empty in the CommonJS bundle of the main process (the
// whole main process would fail to start). __filename exists in the bundle and under vitest alike.
const loadPdfKit = (): typeof PDFKitModule => createRequire(__filename)('pdfkit') as typeof PDFKitModule;

type Doc = PDFKit.PDFDocument;

function paint(doc: Doc, item: LayoutItem, fontName: Record<LayoutFont, string>, figures: LetterFigures): void {
  switch (item.type) {
    case 'text':
      doc
        .font(fontName[item.font])
        .fontSize(item.size)
        .fillColor(`#${item.color}`)
        .text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic', characterSpacing: item.spacing });
      return;
    case 'rule':
      doc.save().strokeColor(`#${item.color}`).lineWidth(item.weight).moveTo(item.x1, item.y).lineTo(item.x2, item.y).stroke().restore();
      return;
    case 'box':
      doc.save().strokeColor('#000000').lineWidth(item.weight).rect(item.x, item.y, item.w, item.h).stroke().restore();
      return;
    case 'image': {
      const png = figures.get(item.sha256);
      if (png) doc.image(png, item.x, item.y, { fit: [item.w, item.h], align: 'center', valign: 'center' });
      return;
    }
  }
}

/** A laid-out letter and the fonts it was laid out with, ready to paint or to show in the preview. */
export interface LaidOutLetter {
  layout: LetterLayout;
  fonts: PdfFonts;
}

export function layOut(letter: LetterDocument, lookup: FontLookup): LaidOutLetter {
  const fonts = pdfFontsFor(lookup, letter);
  return { layout: layoutLetter(letter, fonts.metrics), fonts };
}

export function paintPdf(letter: LetterDocument, { layout, fonts }: LaidOutLetter, figures: LetterFigures = new Map()): Promise<Buffer> {
  const PDFDocument = loadPdfKit();
  const registered = new Set<string>();
  const [first] = layout.pages;
  const doc = new PDFDocument({
    size: [first?.width ?? 595.28, first?.height ?? 841.89],
    margin: 0,
    autoFirstPage: false,
    // A path here keeps pdfkit from loading its Helvetica metrics, which the bundled main process does not carry.
    font: fonts.files.song,
    info: { Title: letter.title, Author: letter.issuingBody, Subject: letter.documentNumber, Creator: '商标守护', Keywords: `正文字体：${fonts.info.name}` },
    lang: 'zh-CN',
    displayTitle: true,
  });
  // One registered font per PostScript name: the body and the song face are one file unless the system's 仿宋
  // is used, and pdfkit would re-read a second file of the same name for every line.
  const fontName = Object.fromEntries(Object.entries(fonts.files).map(([font, file]) => [font, postScriptName(file)])) as Record<LayoutFont, string>;
  for (const [font, file] of Object.entries(fonts.files)) {
    const name = fontName[font as LayoutFont];
    if (!registered.has(name)) {
      registered.add(name);
      doc.registerFont(name, file);
    }
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of layout.pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) paint(doc, item, fontName, figures);
  }
  doc.end();
  return done;
}

/** Renders the PDF; also says which body font it embeds, for the archive record. */
export async function renderPdf(
  letter: LetterDocument, lookup: FontLookup, figures: LetterFigures = new Map(),
): Promise<{ content: Buffer; font: PdfFontInfo }> {
  const laidOut = layOut(letter, lookup);
  return { content: await paintPdf(letter, laidOut, figures), font: laidOut.fonts.info };
}
