// Images that come with a gazette batch or a listings file (issue 12): a column naming each row's image file by a
// path relative to the table, or a ZIP / folder of images named by the row's 申请号 (or listing 编号).
import type { HeaderSpec } from './headers';

/** The optional image column of filing and listing tables; 图片 and 图样文件 are the same column. */
export const IMAGE_HEADER: HeaderSpec<'image'> = { key: 'image', header: '图样', aliases: ['图片', '图样文件'], required: false };

/** The formats a clerk is told MarkGuard reads (in dialogs, empty states and refusals). */
export const IMAGE_FORMATS_LABEL = 'PNG、JPEG、BMP、SVG、TIFF';

/** File extensions read as images in a batch's ZIP or folder. */
export const IMAGE_EXTENSIONS: readonly string[] = ['png', 'jpg', 'jpeg', 'svg', 'tif', 'tiff', 'webp', 'gif', 'bmp'];

/**
 * The row key an image file of a ZIP or folder is named for — its base name without the extension (73021539.png →
 * 73021539) — or null when it is not an image file by name (a folder, __MACOSX, a hidden file, a text file).
 */
export function imageKeyOf(name: string): string | null {
  const base = name.split('/').pop() ?? '';
  if (base === '' || base.startsWith('.') || name.startsWith('__MACOSX/')) return null;
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  if (!IMAGE_EXTENSIONS.includes(base.slice(dot + 1).toLowerCase())) return null;
  return base.slice(0, dot).trim();
}
