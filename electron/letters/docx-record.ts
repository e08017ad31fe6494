// 版记 of the DOCX: 抄送 and 印发 between black rules (thick above and below, thin between), each line a frame at a
// fixed place above the bottom edge of the type area, on the page where the letter ends (the frames' anchors are
// its last paragraphs). Frames, not a floating table: Word, WPS and LibreOffice all place a positioned paragraph
// frame, while LibreOffice leaves a floating table in the text flow right after the body. An empty paragraph
// chained to the closing lines keeps the frames' room free on that page.
import { BorderStyle, FrameAnchorType, FrameWrap, HeightRule, LineRuleType, Paragraph, TabStopType, type IFrameOptions } from 'docx';
import type { LetterDocument } from '../../shared/letters/model';
import { HEAD_TOP_MM, MARGIN, PAGE, SIZE } from '../../shared/letters/page-geometry';
import { estimateMeasure } from '../../shared/letters/table-columns';
import { run, twip, TYPE_WIDTH_MM } from './docx-parts';

/** Height of one 版记 line. */
export const RECORD_ROW_MM = 8;
/** The section's top margin is the head's 30 mm; the type area's bottom edge, measured from that margin. */
const TYPE_BOTTOM_FROM_MARGIN_MM = PAGE.heightMm - HEAD_TOP_MM - MARGIN.bottomMm;
const RULE = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 0 });
const ONE_CHAR = SIZE.四号 * 20;

export interface RecordLine {
  text: string;
  /** rows it takes (a long 抄送 list wraps) */
  rows: number;
  borders: { top?: number; bottom?: number };
}

/** The 版记's lines top to bottom with their rule weights (eighths of a point). */
export function recordLines(letter: LetterDocument): RecordLine[] {
  const lines: RecordLine[] = [];
  const inner = ((TYPE_WIDTH_MM - 2 * (SIZE.四号 * 25.4) / 72) * 72) / 25.4;
  if (letter.copyTo) {
    const text = `抄送：${letter.copyTo.replace(/[。.]$/, '')}。`;
    lines.push({ text, rows: Math.max(1, Math.ceil(estimateMeasure(SIZE.四号)(text) / inner)), borders: { top: 8, bottom: letter.printingBody ? 4 : 8 } });
  }
  if (letter.printingBody) {
    lines.push({ text: `${letter.printingBody}\t${letter.printedOn}`, rows: 1, borders: { top: letter.copyTo ? undefined : 8, bottom: 8 } });
  }
  return lines;
}

/**
 * An empty paragraph as tall as the 版记 (and a line's gap), kept with the closing lines: the signature's page must
 * have this much room left at its foot, where the frames stand, or the closing part moves on with the body's last
 * lines. Nothing when there is no 版记.
 */
export function recordSpace(letter: LetterDocument): Paragraph[] {
  const rows = recordLines(letter).reduce((sum, l) => sum + l.rows, 0);
  if (rows === 0) return [];
  const height = Math.round(((rows * RECORD_ROW_MM + 4) * 1440) / 25.4);
  return [new Paragraph({ spacing: { before: 0, after: 0, line: height, lineRule: LineRuleType.EXACT }, keepLines: true, keepNext: true, children: [] })];
}

export function recordFrames(letter: LetterDocument): Paragraph[] {
  const lines = recordLines(letter);
  let rowsBelow = lines.reduce((sum, l) => sum + l.rows, 0);
  return lines.map((line) => {
    const top = TYPE_BOTTOM_FROM_MARGIN_MM - rowsBelow * RECORD_ROW_MM;
    rowsBelow -= line.rows;
    const frame: IFrameOptions = {
      type: 'absolute',
      position: { x: 0, y: twip(top) },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width: twip(TYPE_WIDTH_MM),
      height: twip(line.rows * RECORD_ROW_MM),
      rule: HeightRule.EXACT,
      // The text does not flow around the frames: the space they take is kept free by recordSpace() instead, so
      // that Word and LibreOffice never push the closing lines off the page, and the frames with them.
      wrap: FrameWrap.THROUGH,
    };
    const lineTwips = Math.round((RECORD_ROW_MM * 1440) / 25.4);
    return new Paragraph({
      frame,
      indent: line.text.startsWith('抄送：') ? { left: 4 * ONE_CHAR, hanging: 3 * ONE_CHAR, right: ONE_CHAR } : { left: ONE_CHAR, right: ONE_CHAR },
      spacing: { before: 0, after: 0, line: lineTwips, lineRule: LineRuleType.EXACT },
      tabStops: [{ type: TabStopType.RIGHT, position: twip(TYPE_WIDTH_MM) - ONE_CHAR }],
      border: {
        ...(line.borders.top ? { top: RULE(line.borders.top) } : {}),
        ...(line.borders.bottom ? { bottom: RULE(line.borders.bottom) } : {}),
      },
      keepNext: true,
      children: [run(line.text, 'body', SIZE.四号)],
    });
  });
}
