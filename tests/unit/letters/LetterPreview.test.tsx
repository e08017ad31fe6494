// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PdfFontInfo } from '../../../shared/contract/letters';
import { layoutLetter } from '../../../shared/letters/layout-letter';
import { RED } from '../../../shared/letters/page-geometry';
import { LetterPreview } from '../../../renderer/src/pages/letters/LetterPreview';
import { parseGrounds } from '../../../renderer/src/pages/letters/labels';
import { ESTIMATE, sampleLetter } from './sample-letter';

afterEach(cleanup);

const SHIPPED: PdfFontInfo = { source: 'shipped', name: '思源宋体 Noto Serif SC（随程序提供）', file: 'NotoSerifSC_400Regular.ttf', note: '本机不是 Windows，没有系统仿宋字体' };
const SYSTEM: PdfFontInfo = { source: 'system', name: '仿宋（本机系统字体）', file: 'C:\\Windows\\Fonts\\simfang.ttf', note: '' };

function show(pdfFont: PdfFontInfo, extra = '') {
  const document = sampleLetter(extra);
  const layout = layoutLetter(document, ESTIMATE);
  return { layout, ...render(<LetterPreview preview={{ document, layout, pdfFont, figures: {} }} />) };
}

describe('LetterPreview', () => {
  it('draws the PDF pages: two red double rules on page 1 (thick over thin under the head, thin over thick at the foot)', () => {
    const { container } = show(SHIPPED);
    const first = container.querySelector('svg[data-page="1"]');
    const red = [...(first?.querySelectorAll(`line[stroke="#${RED}"]`) ?? [])].map((l) => [Number(l.getAttribute('y1')), Number(l.getAttribute('stroke-width'))]);
    expect(red.map(([, w]) => w)).toEqual([2, 0.6, 0.6, 2]);
    expect(red[0]?.[0]).toBeLessThan(200);
    expect(red[3]?.[0]).toBeGreaterThan(700);
    expect(first?.querySelector('[data-role="head"]')?.textContent).toBe('青海省市场监督管理局');
    expect(first?.querySelector('[data-role="number"]')?.textContent).toBe('青市监商函〔2026〕12号');
  });

  it('has as many pages as the layout, in the same places, with the number, signature and page numbers', () => {
    const { container, layout } = show(SHIPPED, '正'.repeat(500));
    const pages = container.querySelectorAll('svg.letter-page');
    expect(pages).toHaveLength(layout.pages.length);
    const signature = container.querySelector('[data-role="signature"]');
    const laid = layout.pages.flatMap((p) => p.items).find((i) => i.type === 'text' && i.role === 'signature');
    expect(signature?.getAttribute('x')).toBe(String(laid?.type === 'text' ? laid.x : ''));
    expect([...container.querySelectorAll('[data-role="page-number"]')].map((n) => n.textContent)).toEqual(
      layout.pages.slice(1).map((_, i) => `— ${i + 2} —`),
    );
    expect(screen.getByText('国家知识产权局商标局：')).toBeTruthy();
  });

  it('says which font the PDF embeds, and draws the body in it', () => {
    const shipped = show(SHIPPED);
    expect(screen.getByTestId('letter-preview-font').textContent).toContain('思源宋体 Noto Serif SC（随程序提供），已嵌入 PDF（本机不是 Windows，没有系统仿宋字体）');
    expect(shipped.container.querySelector('[data-role="body"]')?.getAttribute('font-family')).toMatch(/^'Noto Serif SC'/);
    cleanup();
    const system = show(SYSTEM);
    expect(screen.getByTestId('letter-preview-font').textContent).toContain('仿宋（本机系统字体）（C:\\Windows\\Fonts\\simfang.ttf，已嵌入 PDF）');
    expect(system.container.querySelector('[data-role="body"]')?.getAttribute('font-family')).toMatch(/^FangSong/);
  });

  it("draws an image hit's two figures in the attachment table, above the filing's mark and the protected mark", () => {
    const plain = sampleLetter();
    const [first, ...rest] = plain.table.rows;
    const figures = { filing: 'a'.repeat(64), mark: 'b'.repeat(64) };
    const document = { ...plain, table: { ...plain.table, rows: [{ ...first!, figures }, ...rest] } };
    const layout = layoutLetter(document, ESTIMATE);
    const urls = { [figures.filing]: 'data:image/png;base64,AAAA', [figures.mark]: 'data:image/png;base64,BBBB' };
    const { container } = render(<LetterPreview preview={{ document, layout, pdfFont: SHIPPED, figures: urls }} />);
    const drawn = [...container.querySelectorAll('image[data-role="figure"]')];
    expect(drawn.map((image) => image.getAttribute('href'))).toEqual(['data:image/png;base64,AAAA', 'data:image/png;base64,BBBB']);
    // the filing's figure is left of the mark's, both on the attachment's landscape page
    expect(Number(drawn[0]!.getAttribute('x'))).toBeLessThan(Number(drawn[1]!.getAttribute('x')));
    expect(drawn[0]!.closest('svg')?.getAttribute('class')).toContain('letter-page-landscape');
    // a row without figures draws none, and the same letter without them has none
    const none = render(<LetterPreview preview={{ document: plain, layout: layoutLetter(plain, ESTIMATE), pdfFont: SHIPPED, figures: urls }} />);
    expect(none.container.querySelectorAll('image[data-role="figure"]')).toHaveLength(0);
  });
});

describe('parseGrounds', () => {
  it('accepts the separators clerks type', () => {
    expect(parseGrounds('第四条、第三十二条，第十条第二款 ; 第十六条第一款')).toEqual(['第四条', '第三十二条', '第十条第二款', '第十六条第一款']);
    expect(parseGrounds('  ')).toEqual([]);
  });
});
