// The shared letter layout (what the PDF and the preview both draw), with estimated font widths: pages, the
// signature page rule of GB/T 9704, the red rules, page numbers and the attachment table.
import { describe, expect, it } from 'vitest';
import { composeLetter, draftFields } from '../../../shared/letters/compose';
import { layoutLetter } from '../../../shared/letters/layout-letter';
import type { LayoutPage, LayoutText, LetterLayout } from '../../../shared/letters/layout-model';
import { breakLines } from '../../../shared/letters/line-break';
import { LINE_PT, MARGIN, MIN_BODY_LINES_WITH_SIGNATURE, PAGE, RED, mm } from '../../../shared/letters/page-geometry';
import { attachmentColumnWidths, estimateMeasure } from '../../../shared/letters/table-columns';
import { facts } from './facts';
import { ESTIMATE, sampleLetter, seeds, settings } from './sample-letter';

const WIDTH = mm(PAGE.widthMm - MARGIN.leftMm - MARGIN.rightMm);

const texts = (page: LayoutPage | undefined, ...roles: string[]): LayoutText[] =>
  (page?.items ?? []).filter((i): i is LayoutText => i.type === 'text' && roles.includes(i.role));
const portrait = (layout: LetterLayout) => layout.pages.filter((p) => p.height > p.width);

describe('line breaking', () => {
  const measure = estimateMeasure(16);
  it('sets 28 characters of 3号 on a line of the 156 mm measure (GB/T 9704)', () => {
    const lines = breakLines('国'.repeat(60), WIDTH, measure);
    expect(lines.map((l) => l.text.length)).toEqual([28, 28, 4]);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
  });
  it('starts no line with a closing mark and keeps a number whole', () => {
    for (let n = 20; n < 40; n++) {
      const text = `${'国'.repeat(n)}，申请号73021539。${'家'.repeat(30)}`;
      const lines = breakLines(text, WIDTH, measure, { firstIndent: 32 });
      for (const line of lines) expect(line.text).not.toMatch(/^[，。、；：）」”]/);
      expect(lines.some((l) => l.text.includes('73021539'))).toBe(true);
      expect(lines.map((l) => l.text).join('')).toBe(text);
    }
  });
});

describe('the signature page carries body text (GB/T 9704 7.3.5)', () => {
  it('for every body length from a few lines to several pages, whatever the 版记', () => {
    for (const copyTo of ['', '国家知识产权局商标局审查管理处']) {
      for (let n = 0; n < 140; n += 5) {
        const layout = layoutLetter(sampleLetter('正'.repeat(n * 14), copyTo), ESTIMATE);
        const pages = portrait(layout);
        const signed = pages.findIndex((p) => texts(p, 'signature').length > 0);
        expect(signed, `${n}: signature page`).toBe(pages.length - 1);
        const page = pages[signed];
        expect(texts(page, 'body').length, `${n}: body lines with the signature`).toBeGreaterThanOrEqual(MIN_BODY_LINES_WITH_SIGNATURE);
        expect(texts(page, 'date')).toHaveLength(1);
        if (copyTo) expect(texts(page, 'record').some((t) => t.text.startsWith('抄送：'))).toBe(true);
        // Nothing runs into the 版记 or under the type area.
        const bottom = mm(PAGE.heightMm - MARGIN.bottomMm);
        const recordTop = Math.min(bottom, ...texts(page, 'record').map((t) => t.y - LINE_PT));
        for (const t of texts(page, 'body', 'attachment', 'signature', 'date', 'note')) expect(t.y).toBeLessThan(recordTop);
      }
    }
  });
});

describe('page 1 and page numbers', () => {
  const layout = layoutLetter(sampleLetter('正'.repeat(900)), ESTIMATE);
  it('draws the head in red with a thick-over-thin rule under it and a thin-over-thick rule 20 mm above the foot', () => {
    const first = layout.pages[0];
    const red = (first?.items ?? []).filter((i) => i.type === 'rule' && i.color === RED).map((i) => (i.type === 'rule' ? [Math.round(i.y), i.weight] : []));
    expect(red).toHaveLength(4);
    expect(red.map(([, weight]) => weight)).toEqual([2, 0.6, 0.6, 2]);
    expect(red[3]?.[0]).toBe(Math.round(mm(PAGE.heightMm - 20)));
    expect(texts(first, 'head')[0]).toMatchObject({ text: '青海省市场监督管理局', color: RED });
  });
  it('puts the number flush right under the rule, the title centred below it, and the recipient flush left', () => {
    const first = layout.pages[0];
    const [number] = texts(first, 'number');
    expect((number?.x ?? 0) + (number?.width ?? 0)).toBeCloseTo(mm(MARGIN.leftMm) + WIDTH, 3);
    const [title] = texts(first, 'title');
    expect((title?.x ?? 0) + (title?.width ?? 0) / 2).toBeCloseTo(mm(MARGIN.leftMm) + WIDTH / 2, 3);
    expect(title?.y ?? 0).toBeGreaterThan(number?.y ?? 0);
    expect(texts(first, 'recipient')[0]?.x).toBeCloseTo(mm(MARGIN.leftMm), 3);
  });
  it('numbers every page but the first, "— N —", odd pages right and even pages left, 7 mm under the type area', () => {
    expect(texts(layout.pages[0], 'page-number')).toEqual([]);
    layout.pages.slice(1).forEach((page, i) => {
      const [number] = texts(page, 'page-number');
      expect(number?.text).toBe(`— ${i + 2} —`);
      const centre = (number?.x ?? 0) + (number?.width ?? 0) / 2;
      if ((i + 2) % 2 === 0) expect(centre).toBeLessThan(page.width / 3);
      else expect(centre).toBeGreaterThan((page.width * 2) / 3);
    });
  });
});

describe('the attachment table', () => {
  it('is on landscape pages after the letter, header repeated, one row per filing, numbers never broken', () => {
    const hits = Array.from({ length: 40 }, (_, i) => facts({ hitId: i + 1, applicationNumber: String(70000001 + i), registrationNumber: '1234567890' }));
    const fields = draftFields('referral', seeds.referral, settings, hits, new Map(), '2026-11-29');
    const letter = composeLetter({ kind: 'referral', settings, fields, facts: hits, documentNumber: null, date: '2026-11-29' });
    const layout = layoutLetter(letter, ESTIMATE);
    const landscape = layout.pages.filter((p) => p.width > p.height);
    expect(landscape.length).toBeGreaterThan(1);
    for (const page of landscape) expect(texts(page, 'table-header').map((t) => t.text)).toContain('注册号');
    const cells = landscape.flatMap((p) => texts(p, 'table-cell')).map((t) => t.text);
    expect(cells.filter((t) => t === '1234567890')).toHaveLength(40);
    for (let i = 0; i < 40; i++) expect(cells).toContain(String(70000001 + i));
  });

  it('widths: each column at least its longest number, the rest by weight, summing to the page', () => {
    const rows = [sampleLetter().table.rows[0]].flatMap((r) => (r ? [{ ...r, registrationNumber: '123456789012' }] : []));
    const widths = attachmentColumnWidths(rows, 700, estimateMeasure(9), 3);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(700, 6);
    expect(widths[8]).toBeGreaterThanOrEqual(estimateMeasure(9)('123456789012') + 6);
  });
});
