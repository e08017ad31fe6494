// The letter laid out on A4 pages per GB/T 9704 letter format: the red head 30 mm from the top with a red double
// rule under it (thick over thin) and another 20 mm above the first page's foot (thin over thick), the number flush
// right, the title two lines below, the body on a grid of 28.95 pt lines, the attachment list, the signature
// centred over the date, 附注, the 版记 (抄送/印发) at the foot of the last page, page numbers from page 2.
// The page that holds the signature always carries body lines with it: when the closing part does not fit under
// the body, the last body lines move to the next page with it (GB/T 9704 7.3.5: never a page with only a seal).
import { LANDSCAPE_FRAME, layoutAttachmentPages, type PageFrame } from './layout-table';
import type { LayoutItem, LayoutMetrics, LayoutPage, LayoutText, LetterLayout, TextRole } from './layout-model';
import { BLACK, textAt } from './layout-text';
import { breakLines, justifySpacing, type BrokenLine } from './line-break';
import type { LetterDocument } from './model';
import {
  FOOT_RULE_MM, HEAD_TOP_MM, LINE_PT, MARGIN, MIN_BODY_LINES_WITH_SIGNATURE, PAGE, PAGE_NUMBER_GAP_MM, RECORD_RULE,
  RED, RED_RULE, RULE_MM, SIZE, mm,
} from './page-geometry';

const CHAR = SIZE.三号;
const LEFT = mm(MARGIN.leftMm);
const WIDTH = mm(PAGE.widthMm - MARGIN.leftMm - MARGIN.rightMm);
const PAGE_W = mm(PAGE.widthMm);
const PAGE_H = mm(PAGE.heightMm);
const TYPE_TOP = mm(MARGIN.topMm);
const TYPE_BOTTOM = PAGE_H - mm(MARGIN.bottomMm);
const PORTRAIT_FRAME: PageFrame = { left: LEFT, width: WIDTH, top: TYPE_TOP, bottom: TYPE_BOTTOM };

/** One grid line of the flowing part: `draw` places it with its top at `top`; blank lines draw nothing. */
interface FlowLine {
  body: boolean;
  draw(top: number): LayoutItem[];
}

const blank: FlowLine = { body: false, draw: () => [] };

function justified(metrics: LayoutMetrics, role: TextRole, lines: readonly BrokenLine[], body: boolean): FlowLine[] {
  return lines.map((line) => ({
    body,
    draw: (top) => [textAt(metrics, role, line.text, LEFT + line.indent, top, 'body', CHAR, { spacing: justifySpacing(line, WIDTH) })],
  }));
}

function measureBody(metrics: LayoutMetrics) {
  return (text: string) => metrics.measure('body', CHAR, text);
}

/** The head of page 1; returns its items and where the body starts. */
function head(letter: LetterDocument, metrics: LayoutMetrics): { items: LayoutItem[]; bodyTop: number } {
  const items: LayoutItem[] = [];
  const headTop = mm(HEAD_TOP_MM);
  let size: number = SIZE.一号;
  let spacing = 4;
  const natural = metrics.measure('title', size, letter.issuingBody) + spacing * ([...letter.issuingBody].length - 1);
  if (natural > WIDTH) {
    size = (size * WIDTH) / natural;
    spacing = 0;
  }
  const headText = textAt(metrics, 'head', letter.issuingBody, 0, headTop, 'title', size, { color: RED, spacing, cell: size });
  headText.x = LEFT + (WIDTH - headText.width) / 2;
  items.push(headText);
  const rule = headTop + size + mm(4);
  const x1 = (PAGE_W - mm(RULE_MM)) / 2;
  const x2 = x1 + mm(RULE_MM);
  const red = (y: number, weight: number): LayoutItem => ({ type: 'rule', x1, x2, y, weight, color: RED });
  // Under the head thick over thin; 20 mm above the foot thin over thick.
  items.push(red(rule, RED_RULE.thickPt), red(rule + RED_RULE.gapPt, RED_RULE.thinPt));
  const foot = PAGE_H - mm(FOOT_RULE_MM);
  items.push(red(foot - RED_RULE.gapPt, RED_RULE.thinPt), red(foot, RED_RULE.thickPt));
  // The number flush right, its top 7/8 of a 3号 character under the rule.
  const numberTop = rule + RED_RULE.gapPt + (CHAR * 7) / 8 - (LINE_PT - CHAR) / 2;
  const number = textAt(metrics, 'number', letter.documentNumber, 0, numberTop, 'body', CHAR);
  number.x = LEFT + WIDTH - number.width;
  items.push(number);
  // The title two lines under the number, centred, in lines no wider than the measure less a character each side.
  let top = numberTop + 3 * LINE_PT;
  const titleLines = breakLines(letter.title, WIDTH - 2 * CHAR, (t) => metrics.measure('title', SIZE.二号, t));
  for (const line of titleLines) {
    const item = textAt(metrics, 'title', line.text, 0, top, 'title', SIZE.二号);
    item.x = LEFT + (WIDTH - item.width) / 2;
    items.push(item);
    top += LINE_PT;
  }
  return { items, bodyTop: top + LINE_PT };
}

function bodyFlow(letter: LetterDocument, metrics: LayoutMetrics): FlowLine[] {
  const measure = measureBody(metrics);
  return [
    ...justified(metrics, 'recipient', breakLines(`${letter.recipient}：`, WIDTH, measure), true),
    ...letter.paragraphs.flatMap((p) => justified(metrics, 'body', breakLines(p, WIDTH, measure, { firstIndent: 2 * CHAR }), true)),
  ];
}

/** 附件说明, the signature over the date, 附注: the part that must share a page with the body's last lines. */
function closingFlow(letter: LetterDocument, metrics: LayoutMetrics): FlowLine[] {
  const measure = measureBody(metrics);
  const lines: FlowLine[] = [];
  if (letter.attachments.length > 0) {
    lines.push(blank);
    const lead = measure('附件：');
    const numbered = letter.attachments.length > 1;
    letter.attachments.forEach((name, index) => {
      const label = numbered ? `${index + 1}. ${name}` : name;
      const hang = 2 * CHAR + lead + (numbered ? measure(`${index + 1}. `) : 0);
      const broken = breakLines(index === 0 ? `附件：${label}` : label, WIDTH, measure, { firstIndent: index === 0 ? 2 * CHAR : 2 * CHAR + lead, restIndent: hang });
      lines.push(...justified(metrics, 'attachment', broken, false));
    });
  }
  const date = textAt(metrics, 'date', letter.dateText, 0, 0, 'body', CHAR);
  const dateX = LEFT + WIDTH - 4 * CHAR - date.width;
  const signWidth = metrics.measure('body', CHAR, letter.signature);
  const signX = Math.max(LEFT, Math.min(dateX + date.width / 2 - signWidth / 2, LEFT + WIDTH - signWidth));
  lines.push(blank, blank);
  lines.push({ body: false, draw: (top) => [textAt(metrics, 'signature', letter.signature, signX, top, 'body', CHAR)] });
  lines.push({ body: false, draw: (top) => [textAt(metrics, 'date', letter.dateText, dateX, top, 'body', CHAR)] });
  if (letter.note) lines.push(...justified(metrics, 'note', breakLines(letter.note, WIDTH, measure, { firstIndent: 2 * CHAR }), false));
  return lines;
}

/** The 版记 between rules, its last rule on the type area's bottom edge; its height in grid lines. */
function record(letter: LetterDocument, metrics: LayoutMetrics): { lines: number; draw(): LayoutItem[] } {
  const size = SIZE.四号;
  const inner = WIDTH - 2 * size;
  const measure = (t: string) => metrics.measure('body', size, t);
  const copy = letter.copyTo ? `抄送：${letter.copyTo.replace(/[。.]$/, '')}。` : '';
  const copyLines = copy ? breakLines(copy, inner, measure, { restIndent: measure('抄送：') }) : [];
  const count = copyLines.length + (letter.printingBody ? 1 : 0);
  const draw = (): LayoutItem[] => {
    if (count === 0) return [];
    const items: LayoutItem[] = [];
    const rule = (y: number, weight: number): LayoutItem => ({ type: 'rule', x1: LEFT, x2: LEFT + WIDTH, y, weight, color: BLACK });
    let top = TYPE_BOTTOM - count * LINE_PT;
    items.push(rule(top, RECORD_RULE.thickPt));
    for (const line of copyLines) {
      items.push(textAt(metrics, 'record', line.text, LEFT + size + line.indent, top, 'body', size, { spacing: justifySpacing(line, inner) }));
      top += LINE_PT;
    }
    if (letter.printingBody) {
      if (copyLines.length > 0) items.push(rule(top, RECORD_RULE.thinPt));
      items.push(textAt(metrics, 'record', letter.printingBody, LEFT + size, top, 'body', size));
      const printed = textAt(metrics, 'record', letter.printedOn, 0, top, 'body', size);
      printed.x = LEFT + WIDTH - size - printed.width;
      items.push(printed);
    }
    items.push(rule(TYPE_BOTTOM, RECORD_RULE.thickPt));
    return items;
  };
  return { lines: count, draw };
}

interface FlowPage {
  top: number;
  capacity: number;
  lines: FlowLine[];
}

const capacityFrom = (top: number) => Math.floor((TYPE_BOTTOM - top) / LINE_PT + 1e-6);

/**
 * Body lines fill the pages; the closing part (and the 版记's lines) go under the last of them when they fit,
 * else onto a new page together with the body's last MIN_BODY_LINES_WITH_SIGNATURE lines.
 */
export function paginate(firstTop: number, body: readonly FlowLine[], closing: readonly FlowLine[], recordLines: number): FlowPage[] {
  const pages: FlowPage[] = [{ top: firstTop, capacity: capacityFrom(firstTop), lines: [] }];
  const newPage = () => {
    const page = { top: TYPE_TOP, capacity: capacityFrom(TYPE_TOP), lines: [] as FlowLine[] };
    pages.push(page);
    return page;
  };
  const flow = (line: FlowLine) => {
    let page = pages[pages.length - 1] ?? newPage();
    if (page.lines.length >= page.capacity) page = newPage();
    page.lines.push(line);
  };
  body.forEach(flow);
  const need = closing.length + (recordLines > 0 ? recordLines + 1 : 0);
  const last = pages[pages.length - 1];
  if (!last || last.lines.length + need <= last.capacity) {
    // A body that just spilled onto a new page takes the lines it lacks from the page before.
    const before = pages[pages.length - 2];
    const lacking = MIN_BODY_LINES_WITH_SIGNATURE - (last?.lines.length ?? 0);
    if (last && before && lacking > 0 && last.lines.length + lacking + need <= last.capacity) {
      last.lines.unshift(...before.lines.splice(before.lines.length - lacking, lacking));
    }
    last?.lines.push(...closing);
    return pages;
  }
  const carry = Math.min(MIN_BODY_LINES_WITH_SIGNATURE, last.lines.filter((l) => l.body).length);
  if (carry + need <= capacityFrom(TYPE_TOP)) {
    const moved = last.lines.splice(last.lines.length - carry, carry);
    newPage().lines.push(...moved, ...closing);
    return pages;
  }
  // A closing part longer than a page (a very long list of attachments) can only flow on.
  closing.forEach(flow);
  const final = pages[pages.length - 1];
  if (recordLines > 0 && final && final.lines.length + recordLines + 1 > final.capacity) newPage();
  return pages;
}

/** 4号 page numbers with a dash either side, 7 mm under the type area: odd pages right, even pages left. */
export function pageNumber(metrics: LayoutMetrics, index: number, frame: PageFrame): LayoutText {
  const size = SIZE.四号;
  const n = index + 1;
  const item = textAt(metrics, 'page-number', `— ${n} —`, 0, frame.bottom + mm(PAGE_NUMBER_GAP_MM), 'song', size, { cell: size });
  item.x = n % 2 === 1 ? frame.left + frame.width - size - item.width : frame.left + size;
  return item;
}

export function layoutLetter(letter: LetterDocument, metrics: LayoutMetrics): LetterLayout {
  const { items: headItems, bodyTop } = head(letter, metrics);
  const foot = record(letter, metrics);
  const flowPages = paginate(bodyTop, bodyFlow(letter, metrics), closingFlow(letter, metrics), foot.lines);
  const pages: LayoutPage[] = flowPages.map((page, index) => ({
    width: PAGE_W,
    height: PAGE_H,
    items: [...(index === 0 ? headItems : []), ...page.lines.flatMap((line, i) => line.draw(page.top + i * LINE_PT))],
  }));
  pages[pages.length - 1]?.items.push(...foot.draw());
  const letterPages = pages.length;
  pages.push(...layoutAttachmentPages(letter, metrics));
  // The letter format's first page carries no number; every later page does, the attachment's too.
  pages.forEach((page, index) => {
    if (index === 0) return;
    const frame = index >= letterPages ? LANDSCAPE_FRAME : PORTRAIT_FRAME;
    page.items.push(pageNumber(metrics, index, frame));
  });
  return { pages };
}
