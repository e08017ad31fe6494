// The CJK font embedded in every PDF: Noto Serif SC Regular and Bold (SIL Open Font License 1.1), a song-style
// face close to the 宋体/小标宋 of official documents, from the npm package @expo-google-fonts/noto-serif-sc. It is
// found through Node's module resolution, so it works from the checkout, from the bundled out/*.cjs and from the
// packaged app alike. No font is fetched at run time and none is read from the system.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppFailure } from '../../shared/result';

const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';

export interface PdfFonts {
  regular: string;
  bold: string;
}

let cached: PdfFonts | null = null;

export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  // __filename exists both in the esbuild CJS bundle and under vitest; import.meta.url would not in the bundle.
  const folder = path.dirname(createRequire(__filename).resolve(`${FONT_PACKAGE}/package.json`));
  const fonts = {
    regular: path.join(folder, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: path.join(folder, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  };
  for (const file of Object.values(fonts)) {
    if (!existsSync(file)) {
      throw new AppFailure('io', `找不到生成 PDF 所需的中文字体文件 ${file}，请重新安装商标守护`);
    }
  }
  cached = fonts;
  return fonts;
}
