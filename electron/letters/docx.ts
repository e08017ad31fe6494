// The letter as DOCX (WPS and Word), laid out per GB/T 9704 letter format: red head with a double rule, number
// flush right, 2号 title, 3号 FangSong body, attachment list, signature and date, 附注, the 版记 (抄送/印发) at the
// foot of the signature page, page numbers "— N —" odd right and even left, and the attachment table on its own
// landscape pages. Word paginates a DOCX itself, so the rule "body text on the signature page" is kept with
// keep-with-next on the closing paragraphs rather than computed as in the PDF.
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { LetterDocument } from '../../shared/letters/model';
import { FOOT_RULE_MM, HEAD_TOP_MM, MARGIN, MIN_BODY_LINES_WITH_SIGNATURE, PAGE, RED, SIZE } from '../../shared/letters/page-geometry';
import { estimateMeasure } from '../../shared/letters/table-columns';
import { withFontFallbacks } from './docx-fonts';
import { recordFrames, recordSpace } from './docx-record';
import {
  attachmentSection, CHAR, firstPageFooter, half, para, pageNumberFooter, RULE_INDENT, run, twip, TYPE_WIDTH_MM,
} from './docx-parts';
import type { LetterFigures } from './figures';

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
    // The title two lines under the number (GB/T 9704 letter format), one blank line above the recipient.
    para(''),
    para(''),
    para(letter.title, { font: 'title', size: SIZE.二号, align: AlignmentType.CENTER }),
    para(''),
  ];
}

/** Lines a paragraph of 3号 with a two-character indent takes, estimated (Word sets it in its own font). */
function estimatedLines(text: string): number {
  return Math.ceil((estimateMeasure(SIZE.三号)(text) + 2 * SIZE.三号) / ((TYPE_WIDTH_MM * 72) / 25.4));
}

/** 发文机关署名 centred over the date, which stands four characters in from the right (GB/T 9704 7.3.5.1). */
function signatureRightIndent(letter: LetterDocument): number {
  const measure = estimateMeasure(SIZE.三号);
  return Math.max(0, Math.round(4 * CHAR + ((measure(letter.dateText) - measure(letter.signature)) / 2) * 20));
}

/** The longest paragraph moved whole with the closing part: LibreOffice drops a keep chain it cannot move. */
const MAX_CARRIED_LINES = 6;

/**
 * The body, then the closing part chained with keep-with-next, so the signature's page always carries body text:
 * the last body paragraph goes whole; when it is a single line, the paragraph before it goes too (whole, when
 * short enough to move), so that two lines at least stand above the signature as in the PDF.
 */
function body(letter: LetterDocument): Paragraph[] {
  const last = letter.paragraphs.length - 1;
  const lastLines = estimatedLines(letter.paragraphs[last] ?? '');
  const carryBefore = lastLines < MIN_BODY_LINES_WITH_SIGNATURE && estimatedLines(letter.paragraphs[last - 1] ?? '') <= MAX_CARRIED_LINES;
  const paragraphs = letter.paragraphs.map((text, i) => {
    const carried = i === last || (i === last - 1 && carryBefore);
    // A long last paragraph is not kept whole: Word keeps its last lines with the signature (widow control).
    return para(text, { indent: 2 * CHAR, keepNext: carried, keepLines: carried && estimatedLines(text) <= MAX_CARRIED_LINES });
  });
  const attachments = letter.attachments.map((name, index) => {
    const numbered = letter.attachments.length > 1;
    const label = numbered ? `${index + 1}. ${name}` : name;
    // 附件说明: 左空二字, 回行与附件名对齐.
    return para(index === 0 ? `附件：${label}` : label, { indent: 2 * CHAR + (index === 0 ? 0 : 3 * CHAR), hanging: index === 0 ? 3 * CHAR : 0, keepNext: true });
  });
  const closing = { keepNext: true };
  const room = recordSpace(letter);
  return [
    para(`${letter.recipient}：`, { keepNext: letter.paragraphs.length === 0 }),
    ...paragraphs,
    ...(attachments.length > 0 ? [para('', closing), ...attachments] : []),
    para('', closing),
    para('', closing),
    para(letter.signature, { align: AlignmentType.RIGHT, right: signatureRightIndent(letter), keepNext: true }),
    para(letter.dateText, { align: AlignmentType.RIGHT, right: 4 * CHAR, keepNext: Boolean(letter.note) || room.length > 0 }),
    ...(letter.note ? [para(letter.note, { indent: 2 * CHAR, keepLines: true, keepNext: room.length > 0 })] : []),
    ...room,
  ];
}

/**
 * The section's last paragraph carries its properties (sectPr); LibreOffice does not frame a paragraph that does,
 * so a hair-thin empty paragraph ends the letter's section after the 版记.
 */
const sectionEnd = () =>
  new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '', size: 2 })] });

export async function renderDocx(letter: LetterDocument, figures: LetterFigures = new Map()): Promise<Buffer> {
  const document = new Document({
    creator: letter.issuingBody,
    title: letter.title,
    description: letter.documentNumber,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: half(SIZE.三号) } } } },
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
        footers: {
          first: firstPageFooter(),
          default: pageNumberFooter('odd', MARGIN.bottomMm, FOOT_RULE_MM),
          even: pageNumberFooter('even', MARGIN.bottomMm, FOOT_RULE_MM),
        },
        // The 版记 frames anchor to the section's last paragraph, chained to the closing lines: on the signature's page.
        children: [...head(letter), ...body(letter), ...recordFrames(letter), sectionEnd()],
      },
      ...(letter.table.rows.length > 0 ? [attachmentSection(letter, figures)] : []),
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(document));
}
