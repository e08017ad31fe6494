// Breaking Chinese text into lines for the letter layout: any character may end a line, a run of Latin letters and
// digits stays whole, and the usual rules of Chinese typesetting hold (no line starts with ，。、 or a closing
// bracket, none ends with an opening one). Lines are justified by the caller; a line may be squeezed a little so
// that 28 characters of 3号 fill the 156 mm measure as GB/T 9704 asks.

/** Width in points of `text` in the font and size being laid out. */
export type Measure = (text: string) => number;

export interface BrokenLine {
  text: string;
  /** natural width in points */
  width: number;
  /** the left indent of this line in points */
  indent: number;
  /** the last line of its paragraph: set flush left, not justified */
  last: boolean;
}

const NO_LINE_START = new Set([...'，。、；：？！）》」』”’】〕〉…—·%‰,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『“‘【〔〈([{']);
/** How far each character may be squeezed together to fit one more on a line, in points. */
const SQUEEZE_PT = 0.35;

/** Runs of Latin letters and digits (with the marks inside numbers) stay together; every other character alone. */
export function breakUnits(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.,:/%\-_']*|\s+|[\s\S]/gu) ?? [];
}

const codePoints = (text: string) => [...text].length;

export interface BreakOptions {
  /** indent of the first line, in points */
  firstIndent?: number;
  /** indent of the other lines, in points */
  restIndent?: number;
}

/**
 * Greedy breaking into lines no wider than `width` (less the indent). A unit wider than a whole line is split
 * into characters. Empty text gives no lines.
 */
export function breakLines(text: string, width: number, measure: Measure, options: BreakOptions = {}): BrokenLine[] {
  const firstIndent = options.firstIndent ?? 0;
  const restIndent = options.restIndent ?? 0;
  const units = breakUnits(text.trim()).flatMap((unit) => (measure(unit) > width - Math.max(firstIndent, restIndent) ? [...unit] : [unit]));
  const lines: BrokenLine[] = [];
  let current: string[] = [];
  const indent = () => (lines.length === 0 ? firstIndent : restIndent);
  const widthOf = (parts: readonly string[]) => measure(parts.join(''));
  const fits = (parts: readonly string[], squeeze = 0) => widthOf(parts) - codePoints(parts.join('')) * SQUEEZE_PT - squeeze <= width - indent() + 0.01;
  const emit = (parts: string[]) => {
    const lineText = parts.join('').trimEnd();
    if (lineText !== '') lines.push({ text: lineText, width: measure(lineText), indent: indent(), last: false });
  };
  for (const unit of units) {
    if (current.length === 0 && /^\s+$/.test(unit)) continue;
    const next = [...current, unit];
    if (current.length === 0 || fits(next)) {
      current = next;
      continue;
    }
    const first = [...unit][0] ?? '';
    // A closing mark may hang in half its width rather than start the next line.
    if (NO_LINE_START.has(first) && fits(next, measure(unit) / 2)) {
      current = next;
      continue;
    }
    const carry: string[] = [];
    if (NO_LINE_START.has(first) && current.length > 1) carry.unshift(current.pop() ?? '');
    while (current.length > 1 && NO_LINE_END.has([...(current[current.length - 1] ?? '')].pop() ?? '')) carry.unshift(current.pop() ?? '');
    emit(current);
    current = [...carry, unit].filter((part, i) => i > 0 || !/^\s+$/.test(part));
  }
  emit(current);
  const final = lines[lines.length - 1];
  if (final) final.last = true;
  return lines;
}

/**
 * The extra space after each character that makes `line` exactly `width` wide (negative when squeezed); 0 for the
 * last line of a paragraph or a single character.
 */
export function justifySpacing(line: BrokenLine, width: number): number {
  const count = codePoints(line.text);
  if (line.last || count < 2) return 0;
  return (width - line.indent - line.width) / (count - 1);
}
