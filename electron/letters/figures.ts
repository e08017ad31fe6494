// The images an attachment table prints (image hits: the filing's and the mark's), as PNG bytes for the DOCX and
// the PDF and as data: URLs for the preview. Read from the image store by sha256, flattened onto white and made
// at most FIGURE_PX on a side, so a letter stays small whatever the size of the gazette's image.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { LetterDocument } from '../../shared/letters/model';
import type { AppContext } from '../context';
import { imageFile } from '../logos/store';

/** Pixels on a side: 42 pt printed at about 300 dpi. */
const FIGURE_PX = 180;

export type LetterFigures = ReadonlyMap<string, Buffer>;

/** The sha256 of every figure of the letter's attachment table. */
export function figureHashes(letter: LetterDocument): string[] {
  return [...new Set(letter.table.rows.flatMap((row) => (row.figures ? [row.figures.filing, row.figures.mark] : [])))];
}

/** PNG bytes of each figure; one whose file is missing or unreadable is left out (its cell prints the text only). */
export async function loadLetterFigures(ctx: AppContext, letter: LetterDocument): Promise<LetterFigures> {
  const figures = new Map<string, Buffer>();
  for (const sha256 of figureHashes(letter)) {
    const row = await ctx.data.selectFrom('images').select(['sha256', 'format']).where('sha256', '=', sha256).executeTakeFirst();
    if (!row) continue;
    try {
      const png = await sharp(await readFile(imageFile(ctx, row)))
        .flatten({ background: '#ffffff' })
        .resize({ width: FIGURE_PX, height: FIGURE_PX, fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer();
      figures.set(sha256, png);
    } catch {
      // a damaged file: the letter is still made, with the figure's cell showing the text alone
    }
  }
  return figures;
}

/** The same figures as data: URLs, for the preview that paints the layout in the page. */
export function figureUrls(figures: LetterFigures): Record<string, string> {
  return Object.fromEntries([...figures].map(([sha256, png]) => [sha256, `data:image/png;base64,${png.toString('base64')}`]));
}
