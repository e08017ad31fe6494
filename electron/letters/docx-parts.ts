// Pieces of the DOCX letter: runs and paragraphs on the 3号 grid, the GB/T 9704 page-number footers (odd pages
// right, even pages left, "— N —"), the first page's red foot rule, and the attachment section's table.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  ImageRun,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { ATTACHMENT_COLUMNS, type AttachmentRow, type AttachmentTextKey, type LetterDocument } from '../../shared/letters/model';
import { FIGURE_PT } from '../../shared/letters/layout-table';
import type { LetterFigures } from './figures';
import { FONTS, LANDSCAPE_MARGIN, LINE_PT, MARGIN, PAGE, PAGE_NUMBER_GAP_MM, RED, RULE_MM, SIZE } from '../../shared/letters/page-geometry';
import { attachmentColumnWidths, estimateMeasure } from '../../shared/letters/table-columns';

const TWIP_PER_MM = 1440 / 25.4;
export const twip = (millimetres: number): number => Math.round(millimetres * TWIP_PER_MM);
export const half = (points: number): number => Math.round(points * 2);
export const LINE = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };
/** One character of 3号 in twips, for 首行缩进二字 and 右空四字. */
export const CHAR = SIZE.三号 * 20;
export const TYPE_WIDTH_MM = PAGE.widthMm - MARGIN.leftMm - MARGIN.rightMm;

export type Font = 'title' | 'body' | 'heading' | 'song';
const FONT_NAME: Record<Font, string> = { title: FONTS.title, body: FONTS.body, heading: FONTS.heading, song: FONTS.song };
export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export function run(text: string, font: Font, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  const name = FONT_NAME[font];
  return new TextRun({ text, size: half(size), font: { ascii: name, hAnsi: name, eastAsia: name, cs: name }, ...extra });
}

export interface ParaOptions {
  font?: Font;
  size?: number;
  align?: Align;
  indent?: number;
  right?: number;
  hanging?: number;
  before?: number;
  color?: string;
  bold?: boolean;
  /** keep with the next paragraph on one page */
  keepNext?: boolean;
  /** keep the paragraph's lines on one page */
  keepLines?: boolean;
}

export function para(text: string, options: ParaOptions = {}, extra: Partial<IParagraphOptions> = {}): Paragraph {
  const indent = options.hanging
    ? { left: (options.indent ?? 0) + options.hanging, hanging: options.hanging, right: options.right ?? 0 }
    : { firstLine: options.indent ?? 0, right: options.right ?? 0 };
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { ...LINE, before: options.before ?? 0, after: 0 },
    indent,
    widowControl: true,
    // Absent rather than false: Word's default, and the XML says only what is asked.
    keepNext: options.keepNext || undefined,
    keepLines: options.keepLines || undefined,
    children: [run(text, options.font ?? 'body', options.size ?? SIZE.三号, { color: options.color, bold: options.bold })],
    ...extra,
  });
}

/** The type area sits 1 mm right of the page's centre (left 28, right 26 mm); the rule is centred on the page. */
const MARGIN_SHIFT_MM = (MARGIN.leftMm - MARGIN.rightMm) / 2;
/** The rule is 170 mm, wider than the 156 mm type area: negative indents let the paragraph border reach out. */
export const RULE_INDENT = {
  left: -twip((RULE_MM - TYPE_WIDTH_MM) / 2 + MARGIN_SHIFT_MM),
  right: -twip((RULE_MM - TYPE_WIDTH_MM) / 2 - MARGIN_SHIFT_MM),
};

/** The letter format's second red rule, thin over thick, 20 mm above the first page's bottom edge. */
export function firstPageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        indent: RULE_INDENT,
        spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
        border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: 24, color: RED, space: 0 } },
        children: [new TextRun({ text: '', size: 2 })],
      }),
    ],
  });
}

/**
 * GB/T 9704 page numbers: 4号 半角宋体 "— N —", odd pages flush right and even pages flush left, one character
 * in; the number's top 7 mm under the type area. `footerMm` is the section's footer distance, `bottomMm` its
 * bottom margin.
 */
export function pageNumberFooter(side: 'odd' | 'even', bottomMm: number, footerMm: number): Footer {
  const font = { ascii: FONTS.songLatin, hAnsi: FONTS.songLatin, eastAsia: FONTS.song, cs: FONTS.songLatin };
  const lineMm = (SIZE.四号 * 25.4) / 72;
  const afterMm = Math.max(0, bottomMm - PAGE_NUMBER_GAP_MM - lineMm - footerMm);
  const oneChar = SIZE.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { before: 0, after: twip(afterMm), line: Math.round(SIZE.四号 * 20), lineRule: LineRuleType.EXACT },
        children: [new TextRun({ font, size: half(SIZE.四号), children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const TABLE_SIZE = SIZE.五号;
/** Word's default cell margins, 0.19 cm either side, in points. */
const CELL_PADDING_PT = 5.4;

/** An image hit's figure above the text of its cell, at the PDF's size (FIGURE_PT points). */
function figureParagraph(png: Buffer): Paragraph {
  const px = Math.round((FIGURE_PT * 96) / 72);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: px, height: px } })],
  });
}

const FIGURE_SIDE: Partial<Record<AttachmentTextKey, 'filing' | 'mark'>> = { markText: 'filing', protectedMark: 'mark' };

function attachmentTable(letter: LetterDocument, figures: LetterFigures): Table {
  const widthMm = PAGE.heightMm - LANDSCAPE_MARGIN.leftMm - LANDSCAPE_MARGIN.rightMm;
  const totalPt = (widthMm * 72) / 25.4;
  // Estimated widths with a tenth to spare: an application or registration number never breaks across lines.
  const measure = estimateMeasure(TABLE_SIZE * 1.1);
  const widths = attachmentColumnWidths(letter.table.rows, totalPt, measure, CELL_PADDING_PT).map((pt) => Math.floor(pt * 20));
  const cell = (text: string, index: number, header: boolean, figure?: Buffer) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      // One imitated mark per line: the lines of the mark, category, number and imitation columns line up.
      children: [
        ...(figure ? [figureParagraph(figure)] : []),
        ...text.split('\n').map(
          (line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line, header ? 'heading' : 'body', TABLE_SIZE)] }),
        ),
      ],
    });
  const figureOf = (row: AttachmentRow, key: AttachmentTextKey): Buffer | undefined => {
    const side = FIGURE_SIDE[key];
    return side && row.figures ? figures.get(row.figures[side]) : undefined;
  };
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: ATTACHMENT_COLUMNS.map((c, i) => cell(c.header, i, true)) });
  const rows = letter.table.rows.map((row) => new TableRow({ cantSplit: true, children: ATTACHMENT_COLUMNS.map((c, i) => cell(row[c.key], i, false, figureOf(row, c.key))) }));
  const width = widths.reduce((a, b) => a + b, 0);
  return new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: width, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}

/** The attachment on landscape pages: 附件 in 黑体 top left, the caption, the table with its header repeated. */
export function attachmentSection(letter: LetterDocument, figures: LetterFigures = new Map()): ISectionOptions {
  // The footer's foot where the page number's line ends, so that its top is 7 mm under the type area.
  const footerMm = LANDSCAPE_MARGIN.bottomMm - PAGE_NUMBER_GAP_MM - (SIZE.四号 * 25.4) / 72;
  return {
    properties: {
      page: {
        size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm), orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: twip(LANDSCAPE_MARGIN.topMm),
          bottom: twip(LANDSCAPE_MARGIN.bottomMm),
          left: twip(LANDSCAPE_MARGIN.leftMm),
          right: twip(LANDSCAPE_MARGIN.rightMm),
          footer: twip(footerMm),
        },
      },
    },
    footers: {
      default: pageNumberFooter('odd', LANDSCAPE_MARGIN.bottomMm, footerMm),
      even: pageNumberFooter('even', LANDSCAPE_MARGIN.bottomMm, footerMm),
    },
    children: [
      new Paragraph({ children: [run('附件', 'heading', SIZE.三号)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [run(letter.table.caption, 'title', SIZE.二号)] }),
      attachmentTable(letter, figures),
    ],
  };
}
