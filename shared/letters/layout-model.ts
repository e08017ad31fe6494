// A laid-out letter: pages of positioned text, rules and boxes, in points from each page's top-left corner.
// Computed once (shared/letters/layout-letter.ts) and painted twice: into the PDF (electron/letters/pdf.ts) and
// into the preview (renderer/src/pages/letters/LetterPreview.tsx), so that the two cannot disagree.
import { z } from 'zod';

/**
 * body: 仿宋 where the system has it, else the shipped serif; song: the shipped serif (宋体, page numbers);
 * title: the bold serif standing in for 小标宋; heading: the bold serif standing in for 黑体.
 */
export const LAYOUT_FONTS = ['body', 'song', 'title', 'heading'] as const;
export const LayoutFontSchema = z.enum(LAYOUT_FONTS);
export type LayoutFont = z.infer<typeof LayoutFontSchema>;

/** What a text item is, so that tests and the preview can find the 发文字号, the 落款 and the page number. */
export const TEXT_ROLES = [
  'head', 'number', 'title', 'recipient', 'body', 'attachment', 'signature', 'date', 'note', 'record',
  'page-number', 'attachment-label', 'table-caption', 'table-header', 'table-cell',
] as const;
export const TextRoleSchema = z.enum(TEXT_ROLES);
export type TextRole = z.infer<typeof TextRoleSchema>;

export const LayoutTextSchema = z.object({
  type: z.literal('text'),
  role: TextRoleSchema,
  text: z.string(),
  /** left end of the line */
  x: z.number(),
  /** the alphabetic baseline */
  y: z.number(),
  font: LayoutFontSchema,
  size: z.number(),
  /** hex without # */
  color: z.string(),
  /** extra space after each character (negative: squeezed), as justified */
  spacing: z.number(),
  /** the width the line takes with that spacing, for painters whose font differs slightly */
  width: z.number(),
});
export type LayoutText = z.infer<typeof LayoutTextSchema>;

export const LayoutRuleSchema = z.object({
  type: z.literal('rule'),
  x1: z.number(),
  x2: z.number(),
  y: z.number(),
  /** stroke width */
  weight: z.number(),
  color: z.string(),
});
export type LayoutRule = z.infer<typeof LayoutRuleSchema>;

export const LayoutBoxSchema = z.object({
  type: z.literal('box'),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  weight: z.number(),
});
export type LayoutBox = z.infer<typeof LayoutBoxSchema>;

/** An image fitted into a box (the attachment's figures), named by its sha256; the painter has its bytes. */
export const LayoutImageSchema = z.object({
  type: z.literal('image'),
  sha256: z.string(),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
});
export type LayoutImage = z.infer<typeof LayoutImageSchema>;

export const LayoutItemSchema = z.discriminatedUnion('type', [LayoutTextSchema, LayoutRuleSchema, LayoutBoxSchema, LayoutImageSchema]);
export type LayoutItem = z.infer<typeof LayoutItemSchema>;

export const LayoutPageSchema = z.object({
  width: z.number(),
  height: z.number(),
  items: z.array(LayoutItemSchema),
});
export type LayoutPage = z.infer<typeof LayoutPageSchema>;

export const LetterLayoutSchema = z.object({ pages: z.array(LayoutPageSchema) });
export type LetterLayout = z.infer<typeof LetterLayoutSchema>;

/** Widths of text in the fonts the painter will use; the PDF's own font files in the main process. */
export interface LayoutMetrics {
  measure(font: LayoutFont, size: number, text: string): number;
}
