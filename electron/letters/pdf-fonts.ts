// The CJK font embedded in every PDF: Noto Sans Hans (SIL Open Font License) from the npm package
// @embedpdf/fonts-sc, found through Node's module resolution so that it works from the checkout, from the bundled
// out/*.cjs and from the packaged app alike. No font is fetched at run time and none is read from the system.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppFailure } from '../../shared/result';

const FONT_PACKAGE = '@embedpdf/fonts-sc';

export interface PdfFonts {
  regular: string;
  bold: string;
}

let cached: PdfFonts | null = null;

export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  // __filename exists both in the esbuild CJS bundle and under vitest; import.meta.url would not in the bundle.
  const entry = createRequire(__filename).resolve(FONT_PACKAGE);
  const folder = path.join(path.dirname(entry), '..', 'fonts');
  const fonts = { regular: path.join(folder, 'NotoSansHans-Regular.otf'), bold: path.join(folder, 'NotoSansHans-Bold.otf') };
  for (const file of Object.values(fonts)) {
    if (!existsSync(file)) {
      throw new AppFailure('io', `找不到生成 PDF 所需的中文字体文件 ${file}，请重新安装商标守护`);
    }
  }
  cached = fonts;
  return fonts;
}
