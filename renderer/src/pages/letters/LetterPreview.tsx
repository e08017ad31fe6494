// The letter's pages as its PDF has them: the main process lays the letter out once (shared/letters/layout-letter)
// with the PDF's own fonts, and this draws the same pages — the red head and both red double rules, the number,
// title, body, signature, 版记, page numbers and the attachment table — so the preview and the PDF agree.
import { useState } from 'react';
import type { LetterPreview as Preview, PdfFontInfo } from '../../../../shared/contract/letters';
import type { LayoutFont, LayoutItem, LayoutPage } from '../../../../shared/letters/layout-model';

const SERIF = "'Noto Serif SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif";
const FANGSONG = "FangSong, '仿宋', STFangsong, " + SERIF;

function fontFamily(font: LayoutFont, pdfFont: PdfFontInfo): string {
  return font === 'body' && pdfFont.source === 'system' ? FANGSONG : SERIF;
}

function Item({ item, pdfFont, figures }: { item: LayoutItem; pdfFont: PdfFontInfo; figures: Record<string, string> }) {
  switch (item.type) {
    case 'text': {
      // The PDF's widths: a screen font that differs a little is stretched or squeezed to the same line.
      const fit = [...item.text].length > 1 ? { textLength: item.width, lengthAdjust: 'spacing' as const } : {};
      return (
        <text
          x={item.x}
          y={item.y}
          fontSize={item.size}
          fontFamily={fontFamily(item.font, pdfFont)}
          fontWeight={item.font === 'title' || item.font === 'heading' ? 700 : 400}
          fill={`#${item.color}`}
          data-role={item.role}
          {...fit}
        >
          {item.text}
        </text>
      );
    }
    case 'rule':
      return <line x1={item.x1} x2={item.x2} y1={item.y} y2={item.y} stroke={`#${item.color}`} strokeWidth={item.weight} data-role="rule" />;
    case 'box':
      return <rect x={item.x} y={item.y} width={item.w} height={item.h} fill="none" stroke="#000" strokeWidth={item.weight} />;
    case 'image': {
      const href = figures[item.sha256];
      return href ? <image href={href} x={item.x} y={item.y} width={item.w} height={item.h} preserveAspectRatio="xMidYMid meet" data-role="figure" /> : null;
    }
  }
}

function Page({ page, index, count, pdfFont, figures }: { page: LayoutPage; index: number; count: number; pdfFont: PdfFontInfo; figures: Record<string, string> }) {
  return (
    <svg
      className={`letter-page${page.width > page.height ? ' letter-page-landscape' : ''}`}
      viewBox={`0 0 ${page.width} ${page.height}`}
      role="img"
      aria-label={`第 ${index + 1} 页，共 ${count} 页`}
      data-page={index + 1}
    >
      <rect width={page.width} height={page.height} fill="#fff" />
      {page.items.map((item, i) => (
        <Item key={i} item={item} pdfFont={pdfFont} figures={figures} />
      ))}
    </svg>
  );
}

export function pdfFontText(font: PdfFontInfo): string {
  return font.source === 'system'
    ? `PDF 正文字体：${font.name}（${font.file}，已嵌入 PDF）`
    : `PDF 正文字体：${font.name}，已嵌入 PDF${font.note ? `（${font.note}）` : ''}`;
}

type Zoom = 'page' | 'width';

export function LetterPreview({ preview }: { preview: Preview }) {
  const { layout, pdfFont } = preview;
  // Whole pages by default, as a print preview shows them; the width of the window to read the text.
  const [zoom, setZoom] = useState<Zoom>('page');
  return (
    <div className={`letter-preview letter-preview-${zoom}`} data-testid="letter-preview">
      <div className="letter-preview-bar">
        <p className="letter-preview-font" data-testid="letter-preview-font">
          {pdfFontText(pdfFont)}；共 {layout.pages.length} 页，与签发后的 PDF 分页一致。
        </p>
        <div className="letter-preview-zoom" role="group" aria-label="显示比例">
          <button type="button" aria-pressed={zoom === 'page'} onClick={() => setZoom('page')}>整页</button>
          <button type="button" aria-pressed={zoom === 'width'} onClick={() => setZoom('width')}>适合宽度</button>
        </div>
      </div>
      {layout.pages.map((page, index) => (
        <Page key={index} page={page} index={index} count={layout.pages.length} pdfFont={pdfFont} figures={preview.figures} />
      ))}
    </div>
  );
}
