// The attachment on landscape A4 pages: 附件 in 黑体 at the top left, the caption centred, then the table of
// filings with its header repeated on every page. A row never splits across pages.
import type { LayoutItem, LayoutMetrics, LayoutPage } from './layout-model';
import { textAt } from './layout-text';
import { breakLines } from './line-break';
import { ATTACHMENT_COLUMNS, type AttachmentRow, type LetterDocument } from './model';
import { LANDSCAPE_MARGIN, LINE_PT, PAGE, SIZE, mm } from './page-geometry';
import { attachmentColumnWidths } from './table-columns';

/** Where a page's type area lies, for page numbers. */
export interface PageFrame {
  left: number;
  width: number;
  top: number;
  bottom: number;
}

const WIDTH = mm(PAGE.heightMm);
const HEIGHT = mm(PAGE.widthMm);
export const LANDSCAPE_FRAME: PageFrame = {
  left: mm(LANDSCAPE_MARGIN.leftMm),
  width: WIDTH - mm(LANDSCAPE_MARGIN.leftMm + LANDSCAPE_MARGIN.rightMm),
  top: mm(LANDSCAPE_MARGIN.topMm),
  bottom: HEIGHT - mm(LANDSCAPE_MARGIN.bottomMm),
};

const CELL_SIZE = SIZE.小五;
const CELL_LINE = CELL_SIZE * 1.4;
const PAD = 3;
/** An image hit's figures: a square above the text of the 申请商标 and 被仿冒商标 cells (about 15 mm). */
export const FIGURE_PT = 42;
const FIGURE_GAP = 2;
const FIGURE_COLUMNS: Partial<Record<string, 'filing' | 'mark'>> = { markText: 'filing', protectedMark: 'mark' };

/** Each column's figure for a row (the sha256 or null), from the row's figures. */
function figureCells(row: AttachmentRow): (string | null)[] {
  return ATTACHMENT_COLUMNS.map((c) => {
    const side = FIGURE_COLUMNS[c.key];
    return side && row.figures ? row.figures[side] : null;
  });
}

/** The lines of one cell: each '\n' starts a new line (one imitated mark per line), long text wraps. */
function cellLines(text: string, width: number, measure: (t: string) => number): string[] {
  const lines = text.split('\n').flatMap((part) => breakLines(part, width - 2 * PAD, measure).map((l) => l.text));
  return lines.length > 0 ? lines : [''];
}

export function layoutAttachmentPages(letter: LetterDocument, metrics: LayoutMetrics): LayoutPage[] {
  if (letter.table.rows.length === 0) return [];
  const frame = LANDSCAPE_FRAME;
  const cellMeasure = (t: string) => metrics.measure('body', CELL_SIZE, t);
  const headMeasure = (t: string) => metrics.measure('heading', CELL_SIZE, t);
  const widths = attachmentColumnWidths(letter.table.rows, frame.width, (t) => Math.max(cellMeasure(t), headMeasure(t)), PAD);
  const pages: LayoutPage[] = [];
  let items: LayoutItem[] = [];
  const newPage = () => {
    items = [];
    pages.push({ width: WIDTH, height: HEIGHT, items });
  };

  const figureHeight = (figure: string | null | undefined) => (figure ? FIGURE_PT + FIGURE_GAP : 0);
  const row = (cells: readonly string[], top: number, header: boolean, figures: readonly (string | null)[] = []): number => {
    const font = header ? 'heading' : 'body';
    const measure = header ? headMeasure : cellMeasure;
    const lines = cells.map((text, i) => cellLines(text, widths[i] ?? 0, measure));
    const height = Math.max(...lines.map((l, i) => l.length * CELL_LINE + figureHeight(figures[i]))) + 2 * PAD;
    let x = frame.left;
    lines.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      items.push({ type: 'box', x, y: top, w: width, h: height, weight: 0.5 });
      const figure = figures[i];
      const block = cell.length * CELL_LINE + figureHeight(figure);
      const blockTop = top + (height - block) / 2;
      if (figure) {
        const side = Math.min(FIGURE_PT, width - 2 * PAD);
        items.push({ type: 'image', sha256: figure, x: x + (width - side) / 2, y: blockTop, w: side, h: side });
      }
      cell.forEach((text, j) => {
        const item = textAt(metrics, header ? 'table-header' : 'table-cell', text, 0, blockTop + figureHeight(figure) + j * CELL_LINE, font, CELL_SIZE, { cell: CELL_LINE });
        item.x = x + (width - item.width) / 2;
        items.push(item);
      });
      x += width;
    });
    return height;
  };
  const measureRow = (cells: readonly string[], header: boolean, figures: readonly (string | null)[] = []) =>
    Math.max(...cells.map((text, i) => cellLines(text, widths[i] ?? 0, header ? headMeasure : cellMeasure).length * CELL_LINE + figureHeight(figures[i]))) + 2 * PAD;

  newPage();
  items.push(textAt(metrics, 'attachment-label', '附件', frame.left, frame.top, 'heading', SIZE.三号));
  let top = frame.top + LINE_PT;
  for (const line of breakLines(letter.table.caption, frame.width, (t) => metrics.measure('title', SIZE.二号, t))) {
    const caption = textAt(metrics, 'table-caption', line.text, 0, top, 'title', SIZE.二号);
    caption.x = frame.left + (frame.width - caption.width) / 2;
    items.push(caption);
    top += LINE_PT;
  }
  top += 6;
  const headers = ATTACHMENT_COLUMNS.map((c) => c.header);
  top += row(headers, top, true);
  for (const data of letter.table.rows) {
    const cells = ATTACHMENT_COLUMNS.map((c) => data[c.key]);
    const figures = figureCells(data);
    if (top + measureRow(cells, false, figures) > frame.bottom) {
      newPage();
      top = frame.top;
      top += row(headers, top, true);
    }
    top += row(cells, top, false, figures);
  }
  return pages;
}
