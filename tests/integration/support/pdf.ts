// Reading a generated PDF the way a person checks a printed letter: the text lines with their positions
// (pdftotext -bbox-layout, in points from the page's top-left corner) and the pages as pictures (pdftoppm).
import { execFileSync } from 'node:child_process';

export interface PdfLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

export function requireTool(name: string): void {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is missing: install poppler-utils (apt-get install poppler-utils; .ci/run does it)`);
  }
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every line of every page, its words joined without spaces (Chinese has none). */
export function pdfPages(file: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const page of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const line of (page[3] ?? '').matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...(line[5] ?? '').matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1] ?? ''));
      lines.push({ text: words.join(''), xMin: Number(line[1]), yMin: Number(line[2]), xMax: Number(line[3]), yMax: Number(line[4]) });
    }
    pages.push({ width: Number(page[1]), height: Number(page[2]), lines });
  }
  return pages;
}

export const compact = (text: string): string => text.replace(/\s+/g, '');

/** The horizontal bands of a page's picture that hold ink (the printed lines), top to bottom, in pixels. */
export function inkBands(file: string, page: number, dpi = 40): { top: number; bottom: number }[] {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-gray', file]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P5 image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  const bands: { top: number; bottom: number }[] = [];
  let open: { top: number; bottom: number } | null = null;
  for (let y = 0; y < height; y++) {
    let ink = false;
    for (let x = 0; x < width && !ink; x++) ink = (ppm[start + y * width + x] ?? 255) < 128;
    if (ink && !open) open = { top: y, bottom: y };
    else if (ink && open) open.bottom = y;
    else if (!ink && open) {
      bands.push(open);
      open = null;
    }
  }
  if (open) bands.push(open);
  return bands;
}
