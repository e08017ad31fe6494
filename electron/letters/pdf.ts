// The letter as PDF with an embedded CJK font, laid out in the spirit of GB/T 9704 letter format like the DOCX:
// red head 30 mm from the top with a red double rule, number flush right, title, body on a 22-line grid,
// attachment list, signature centred over the date, 附注, 抄送/印发 at the foot, the table on a landscape page.
import { createRequire } from 'node:module';
import type PDFKitModule from 'pdfkit';
import { ATTACHMENT_COLUMNS, type LetterDocument } from '../../shared/letters/model';
import { FOOT_RULE_MM, HEAD_TOP_MM, LANDSCAPE_MARGIN, LINE_PT, MARGIN, PAGE, RED, RULE_MM, SIZE, mm } from './layout';
import { pdfFonts } from './pdf-fonts';

// pdfkit is loaded from node_modules when first needed, not bundled: esbuild would pick its ES module build, which
// locates its data through import.meta.url, and that is empty in the CommonJS bundle of the main process (the
// whole main process would fail to start). __filename exists in the bundle and under vitest alike.
const loadPdfKit = (): typeof PDFKitModule => createRequire(__filename)('pdfkit') as typeof PDFKitModule;

type Doc = PDFKit.PDFDocument;
const CHAR = SIZE.三号;
const LEFT = mm(MARGIN.leftMm);
const WIDTH = mm(PAGE.widthMm - MARGIN.leftMm - MARGIN.rightMm);

function useFont(doc: Doc, weight: 'regular' | 'bold', size: number): void {
  doc.font(weight).fontSize(size);
}

/** Text on the 22-line grid of the body: each line LINE_PT high whatever the font's own line height. */
function gridText(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  useFont(doc, 'regular', SIZE.三号);
  doc.text(text, LEFT, doc.y, { width: WIDTH, lineGap: LINE_PT - doc.currentLineHeight(), ...options });
}

/** A red double rule 170 mm long, centred: thick over thin under the head, thin over thick at the page's foot. */
function redRule(doc: Doc, y: number, thickFirst: boolean): void {
  const x = mm((PAGE.widthMm - RULE_MM) / 2);
  const [upper, lower] = thickFirst ? [2, 0.6] : [0.6, 2];
  doc.save().strokeColor(`#${RED}`).lineWidth(upper).moveTo(x, y).lineTo(x + mm(RULE_MM), y).stroke();
  doc.lineWidth(lower).moveTo(x, y + 2.8).lineTo(x + mm(RULE_MM), y + 2.8).stroke().restore();
}

function head(doc: Doc, letter: LetterDocument): void {
  useFont(doc, 'bold', SIZE.一号);
  // GB/T 9704 letter format: the head's top edge 30 mm below the page's, the rule 4 mm under it.
  const top = mm(HEAD_TOP_MM) - (doc.currentLineHeight() - SIZE.一号) / 2;
  doc.fillColor(`#${RED}`).text(letter.issuingBody, LEFT, top, { width: WIDTH, align: 'center', characterSpacing: 4 });
  const rule = mm(HEAD_TOP_MM) + SIZE.一号 + mm(4);
  redRule(doc, rule, true);
  redRule(doc, doc.page.height - mm(FOOT_RULE_MM) - 2.8, false);
  doc.fillColor('black');
  // The number flush right, 7/8 of a 3号 character below the rule.
  doc.y = rule + 2.8 + (SIZE.三号 * 7) / 8 - (LINE_PT - SIZE.三号) / 2;
  gridText(doc, letter.documentNumber, { align: 'right' });
  doc.y += LINE_PT;
  useFont(doc, 'bold', SIZE.二号);
  doc.text(letter.title, LEFT + CHAR, doc.y, { width: WIDTH - 2 * CHAR, align: 'center', lineGap: 8 });
  doc.y += LINE_PT;
}

function body(doc: Doc, letter: LetterDocument): void {
  gridText(doc, `${letter.recipient}：`);
  for (const paragraph of letter.paragraphs) gridText(doc, paragraph, { indent: 2 * CHAR, align: 'justify' });
  if (letter.attachments.length > 0) {
    doc.y += LINE_PT;
    letter.attachments.forEach((name, index) => {
      const label = letter.attachments.length === 1 ? name : `${index + 1}. ${name}`;
      gridText(doc, index === 0 ? `附件：${label}` : `\u3000\u3000\u3000${label}`, { indent: 2 * CHAR });
    });
  }
}

function signature(doc: Doc, letter: LetterDocument): void {
  useFont(doc, 'regular', SIZE.三号);
  const dateWidth = doc.widthOfString(letter.dateText);
  const dateX = LEFT + WIDTH - 4 * CHAR - dateWidth;
  const signWidth = doc.widthOfString(letter.signature);
  const centre = dateX + dateWidth / 2;
  doc.y += 2 * LINE_PT;
  if (doc.y + 3 * LINE_PT > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  doc.text(letter.signature, Math.min(centre - signWidth / 2, LEFT + WIDTH - signWidth), y, { lineBreak: false });
  doc.text(letter.dateText, dateX, y + LINE_PT, { lineBreak: false });
  doc.x = LEFT;
  doc.y = y + 2 * LINE_PT;
  if (letter.note) gridText(doc, letter.note, { indent: 2 * CHAR });
}

/** 抄送 and 印发 between rules at the foot of the letter's last page (版记). */
function recordLines(doc: Doc, letter: LetterDocument): void {
  const lines = [letter.copyTo ? 'copy' : '', letter.printingBody ? 'print' : ''].filter(Boolean);
  if (lines.length === 0) return;
  const rowHeight = mm(9);
  const bottom = doc.page.height - doc.page.margins.bottom;
  let y = bottom - lines.length * rowHeight;
  if (doc.y > y - mm(4)) {
    doc.addPage();
    y = doc.page.height - doc.page.margins.bottom - lines.length * rowHeight;
  }
  const rule = (at: number, width: number) => doc.save().lineWidth(width).moveTo(LEFT, at).lineTo(LEFT + WIDTH, at).stroke().restore();
  // The lines sit in the bottom margin's last millimetres; without this pdfkit would start a new page for them.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  useFont(doc, 'regular', SIZE.四号);
  rule(y, 1);
  if (letter.copyTo) {
    doc.text(`抄送：${letter.copyTo.replace(/[。.]$/, '')}。`, LEFT + SIZE.四号, y + mm(2), { width: WIDTH - 2 * SIZE.四号 });
    y += rowHeight;
    if (letter.printingBody) rule(y, 0.7);
  }
  if (letter.printingBody) {
    doc.text(letter.printingBody, LEFT + SIZE.四号, y + mm(2), { lineBreak: false });
    doc.text(letter.printedOn, LEFT + WIDTH - SIZE.四号 - doc.widthOfString(letter.printedOn), y + mm(2), { lineBreak: false });
    y += rowHeight;
  }
  rule(y, 1);
  doc.page.margins.bottom = margin;
}

function tableRow(doc: Doc, cells: readonly string[], widths: readonly number[], y: number, header: boolean): number {
  useFont(doc, header ? 'bold' : 'regular', SIZE.小五);
  const pad = 3;
  const height = Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
  let x = mm(LANDSCAPE_MARGIN.leftMm);
  cells.forEach((text, i) => {
    const width = widths[i] ?? 0;
    doc.rect(x, y, width, height).lineWidth(0.5).stroke();
    doc.text(text, x + pad, y + pad, { width: width - 2 * pad, align: 'center' });
    x += width;
  });
  return y + height;
}

function attachmentPage(doc: Doc, letter: LetterDocument): void {
  const margins = { top: mm(LANDSCAPE_MARGIN.topMm), bottom: mm(LANDSCAPE_MARGIN.bottomMm), left: mm(LANDSCAPE_MARGIN.leftMm), right: mm(LANDSCAPE_MARGIN.rightMm) };
  doc.addPage({ size: 'A4', layout: 'landscape', margins });
  const width = doc.page.width - margins.left - margins.right;
  useFont(doc, 'bold', SIZE.三号);
  doc.text('附件', margins.left, margins.top);
  useFont(doc, 'bold', SIZE.二号);
  doc.text(letter.table.caption, margins.left, doc.y + 4, { width, align: 'center' });
  const total = ATTACHMENT_COLUMNS.reduce((sum, c) => sum + c.width, 0);
  const widths = ATTACHMENT_COLUMNS.map((c) => (width * c.width) / total);
  const headers = ATTACHMENT_COLUMNS.map((c) => c.header);
  let y = tableRow(doc, headers, widths, doc.y + 10, true);
  for (const row of letter.table.rows) {
    const cells = ATTACHMENT_COLUMNS.map((c) => row[c.key]);
    useFont(doc, 'regular', SIZE.小五);
    if (y + 40 > doc.page.height - margins.bottom) {
      doc.addPage({ size: 'A4', layout: 'landscape', margins });
      y = tableRow(doc, headers, widths, margins.top, true);
    }
    y = tableRow(doc, cells, widths, y, false);
  }
}

/** GB/T 9704 page numbers, 4号 with an em dash either side, odd pages right and even pages left; none on page 1. */
function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { width, height, margins } = doc.page;
    const label = `— ${index + 1} —`;
    const bottom = margins.bottom;
    margins.bottom = 0;
    useFont(doc, 'regular', SIZE.四号);
    const textWidth = doc.widthOfString(label);
    const x = (index + 1) % 2 === 1 ? width - margins.right - SIZE.四号 - textWidth : margins.left + SIZE.四号;
    doc.text(label, x, height - bottom + mm(7), { lineBreak: false });
    margins.bottom = bottom;
  }
}

export function renderPdf(letter: LetterDocument): Promise<Buffer> {
  const fonts = pdfFonts();
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(MARGIN.topMm), bottom: mm(MARGIN.bottomMm), left: LEFT, right: mm(MARGIN.rightMm) },
    // A path here keeps pdfkit from loading its Helvetica metrics, which the bundled main process does not carry.
    font: fonts.regular,
    info: { Title: letter.title, Author: letter.issuingBody, Subject: letter.documentNumber, Creator: '商标守护' },
    lang: 'zh-CN',
    displayTitle: true,
    bufferPages: true,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  head(doc, letter);
  body(doc, letter);
  signature(doc, letter);
  recordLines(doc, letter);
  if (letter.table.rows.length > 0) attachmentPage(doc, letter);
  pageNumbers(doc);
  doc.end();
  return done;
}
