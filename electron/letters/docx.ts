// The letter as DOCX (WPS and Word), laid out per GB/T 9704 letter format: red head with a double rule, number
// flush right, 2号 title, 3号 FangSong body, attachment list, signature and date, 附注, the 抄送/印发 lines at the
// foot of the letter's last page, and the attachment table on its own landscape page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { ATTACHMENT_COLUMNS, type LetterDocument } from '../../shared/letters/model';
import { withFontFallbacks } from './docx-fonts';
import { FONTS, FOOT_RULE_MM, HEAD_TOP_MM, LANDSCAPE_MARGIN, LINE_PT, MARGIN, PAGE, RED, RULE_MM, SIZE } from './layout';

const TYPE_WIDTH_MM = PAGE.widthMm - MARGIN.leftMm - MARGIN.rightMm;
/** The type area sits 1 mm right of the page's centre (left 28, right 26 mm); the rule is centred on the page. */
const MARGIN_SHIFT_MM = (MARGIN.leftMm - MARGIN.rightMm) / 2;

const TWIP_PER_MM = 1440 / 25.4;
const twip = (millimetres: number) => Math.round(millimetres * TWIP_PER_MM);
const half = (points: number) => Math.round(points * 2);
const LINE = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT };
/** One character of 3号 in twips, for 首行缩进二字 and 右空四字. */
const CHAR = 16 * 20;

type Font = 'title' | 'body' | 'heading';
const FONT_NAME: Record<Font, string> = { title: FONTS.title, body: FONTS.body, heading: FONTS.heading };

function run(text: string, font: Font, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  const name = FONT_NAME[font];
  return new TextRun({ text, size: half(size), font: { ascii: name, hAnsi: name, eastAsia: name, cs: name }, ...extra });
}

function para(text: string, options: { font?: Font; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number; right?: number; before?: number; color?: string; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { ...LINE, before: options.before ?? 0, after: 0 },
    indent: { firstLine: options.indent ?? 0, right: options.right ?? 0 },
    children: [run(text, options.font ?? 'body', options.size ?? SIZE.三号, { color: options.color, bold: options.bold })],
  });
}

/** The rule is 170 mm, wider than the 156 mm type area: negative indents let the paragraph border reach out. */
const RULE_INDENT = { left: -twip((RULE_MM - TYPE_WIDTH_MM) / 2 + MARGIN_SHIFT_MM), right: -twip((RULE_MM - TYPE_WIDTH_MM) / 2 - MARGIN_SHIFT_MM) };

function head(letter: LetterDocument): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: twip(4) },
      indent: RULE_INDENT,
      // GB/T 9704 letter format: a red double rule, thick over thin, 4 mm under the issuing body's name.
      border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: RED, space: 4 } },
      children: [run(letter.issuingBody, 'title', SIZE.一号, { color: RED, characterSpacing: 20 })],
    }),
    para(letter.documentNumber, { align: AlignmentType.RIGHT, before: Math.round((SIZE.三号 * 20 * 7) / 8) }),
    para('', {}),
    para(letter.title, { font: 'title', size: SIZE.二号, align: AlignmentType.CENTER }),
    para('', {}),
  ];
}

/** The letter format's second red rule, thin over thick, 20 mm above the first page's bottom edge. */
function firstPageFooter(): Footer {
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

function body(letter: LetterDocument): Paragraph[] {
  const attachments = letter.attachments.map((name, index) => {
    const label = letter.attachments.length === 1 ? name : `${index + 1}. ${name}`;
    return index === 0 ? `附件：${label}` : `\u3000\u3000\u3000${label}`;
  });
  return [
    para(`${letter.recipient}：`),
    ...letter.paragraphs.map((text) => para(text, { indent: 2 * CHAR })),
    ...(attachments.length > 0 ? [para(''), ...attachments.map((text) => para(text, { indent: 2 * CHAR }))] : []),
    para(''),
    para(''),
    para(letter.signature, { align: AlignmentType.RIGHT, right: 4 * CHAR }),
    para(letter.dateText, { align: AlignmentType.RIGHT, right: 4 * CHAR }),
    ...(letter.note ? [para(letter.note, { indent: 2 * CHAR })] : []),
  ];
}

/** GB/T 9704 page numbers: 4号, an em dash either side; the letter format's first page has none. */
function pageNumberFooter(): Footer {
  const font = { ascii: FONTS.body, hAnsi: FONTS.body, eastAsia: FONTS.body, cs: FONTS.body };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font, size: half(SIZE.四号), children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const RULE = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** 抄送 and 印发 between black rules, floated to the foot of the page (版记). */
function recordLines(letter: LetterDocument): Table | null {
  const rows: TableRow[] = [];
  const cell = (children: Paragraph[], top: number, bottom: number) =>
    new TableCell({ children, borders: { top: top ? RULE(top) : NONE, bottom: bottom ? RULE(bottom) : NONE, left: NONE, right: NONE } });
  const line = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new Paragraph({ alignment: align, indent: { left: SIZE.四号 * 20, right: SIZE.四号 * 20 }, children: [run(text, 'body', SIZE.四号)] });
  if (letter.copyTo) rows.push(new TableRow({ children: [cell([line(`抄送：${letter.copyTo.replace(/[。.]$/, '')}。`)], 8, 4)] }));
  if (letter.printingBody) {
    const text = `${letter.printingBody}\u3000\u3000\u3000\u3000${letter.printedOn}`;
    rows.push(new TableRow({ children: [cell([line(text, AlignmentType.DISTRIBUTE)], letter.copyTo ? 0 : 8, 8)] }));
  }
  if (rows.length === 0) return null;
  return new Table({
    rows,
    width: { size: twip(PAGE.widthMm - MARGIN.leftMm - MARGIN.rightMm), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
    },
  });
}

function attachmentTable(letter: LetterDocument): Table {
  const total = ATTACHMENT_COLUMNS.reduce((sum, c) => sum + c.width, 0);
  const width = twip(PAGE.heightMm - LANDSCAPE_MARGIN.leftMm - LANDSCAPE_MARGIN.rightMm);
  const widths = ATTACHMENT_COLUMNS.map((c) => Math.floor((width * c.width) / total));
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [run(text, header ? 'heading' : 'body', SIZE.五号)],
        }),
      ],
    });
  const header = new TableRow({ tableHeader: true, children: ATTACHMENT_COLUMNS.map((c, i) => cell(c.header, i, true)) });
  const rows = letter.table.rows.map((row) => new TableRow({ cantSplit: true, children: ATTACHMENT_COLUMNS.map((c, i) => cell(row[c.key], i, false)) }));
  return new Table({ rows: [header, ...rows], columnWidths: widths, width: { size: width, type: WidthType.DXA }, layout: TableLayoutType.FIXED });
}

function attachmentSection(letter: LetterDocument): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm), orientation: PageOrientation.LANDSCAPE },
        margin: { top: twip(LANDSCAPE_MARGIN.topMm), bottom: twip(LANDSCAPE_MARGIN.bottomMm), left: twip(LANDSCAPE_MARGIN.leftMm), right: twip(LANDSCAPE_MARGIN.rightMm) },
      },
    },
    footers: { default: pageNumberFooter() },
    children: [
      new Paragraph({ children: [run('附件', 'heading', SIZE.三号)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [run(letter.table.caption, 'title', SIZE.二号)] }),
      attachmentTable(letter),
    ],
  };
}

export async function renderDocx(letter: LetterDocument): Promise<Buffer> {
  const foot = recordLines(letter);
  const document = new Document({
    creator: letter.issuingBody,
    title: letter.title,
    description: letter.documentNumber,
    styles: { default: { document: { run: { font: FONTS.body, size: half(SIZE.三号) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm) },
            margin: {
              top: twip(HEAD_TOP_MM),
              bottom: twip(MARGIN.bottomMm),
              left: twip(MARGIN.leftMm),
              right: twip(MARGIN.rightMm),
              footer: twip(FOOT_RULE_MM),
            },
          },
        },
        footers: { default: pageNumberFooter(), first: firstPageFooter() },
        children: [...head(letter), ...body(letter), ...(foot ? [foot] : [])],
      },
      ...(letter.table.rows.length > 0 ? [attachmentSection(letter)] : []),
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(document));
}
