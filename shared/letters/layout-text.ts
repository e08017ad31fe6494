// Placing one line of text for the letter layout: its width with the spacing it is justified with, its baseline
// with the em box centred in its line.
import type { LayoutFont, LayoutMetrics, LayoutText, TextRole } from './layout-model';
import { LINE_PT } from './page-geometry';

export const BLACK = '000000';

/** The alphabetic baseline of type of `size` whose em box is centred in a cell of `cell` points from `top`. */
export const baselineIn = (top: number, size: number, cell: number = LINE_PT): number => top + (cell - size) / 2 + size * 0.88;

export interface TextOptions {
  color?: string;
  spacing?: number;
  cell?: number;
}

export function textAt(
  metrics: LayoutMetrics,
  role: TextRole,
  text: string,
  x: number,
  top: number,
  font: LayoutFont,
  size: number,
  options: TextOptions = {},
): LayoutText {
  const spacing = options.spacing ?? 0;
  const width = metrics.measure(font, size, text) + spacing * Math.max(0, [...text].length - 1);
  return { type: 'text', role, text, x, y: baselineIn(top, size, options.cell), font, size, color: options.color ?? BLACK, spacing, width };
}
