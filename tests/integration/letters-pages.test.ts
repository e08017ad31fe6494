// The issued letter's files checked as printed pages: the PDF's pages rendered to PNG and read back with their
// text positions (发文字号, 标题, 主送, 落款, 页码 in place; body text on the signature page; 版记 at its foot), and
// the DOCX's XML (page-number footers odd right / even left, 版记 frames at the foot of the signature page,
// keep-with-next on the closing paragraphs, one table row per filing with room for its numbers).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/letters/docx';
import { renderPdf } from '../../electron/letters/pdf';
import type { LetterDetail } from '../../shared/contract/letters';
import type { LetterDocument } from '../../shared/letters/model';
import { MARGIN, PAGE, SIZE, mm } from '../../shared/letters/page-geometry';
import { REPO_ROOT, openTestContext, tempDir } from './support/context';
import { lettersApi, seedConfirmedHits, seedSecondMarkHit } from './support/letters';
import { compact, inkBands, pdfPages, requireTool, type PdfPage } from './support/pdf';

const OUTPUT = path.join(REPO_ROOT, 'test-results', 'letters');
const LEFT = mm(MARGIN.leftMm);
const RIGHT = mm(PAGE.widthMm - MARGIN.rightMm);
const CENTRE = (LEFT + RIGHT) / 2;
const TYPE_BOTTOM = mm(PAGE.heightMm - MARGIN.bottomMm);
/** Room the long reasons of a real letter take: pushes the signature to the foot of page 2. */
const LONG_REASON = '经查，该申请人在多个类别上申请注册与我省地理标志相同或者近似的商标，且未提供实际使用证据，其行为扰乱商标注册秩序。'.repeat(4);

let ctx: ReturnType<typeof openTestContext>;
let letter: LetterDetail;
let document: LetterDocument;
const files = tempDir('markguard-letter-pages-');
const pdfFile = path.join(files.dir, '函.pdf');
const docxFile = path.join(files.dir, '函.docx');

beforeAll(async () => {
  requireTool('pdftotext');
  requireTool('pdftoppm');
  ctx = openTestContext();
  const api = lettersApi(ctx);
  const hits = seedConfirmedHits(ctx);
  const second = seedSecondMarkHit(ctx, '71000001');
  const settings = await api['letters.settings.get']({});
  await api['letters.settings.set']({ settings: { ...settings, contactPerson: '李明', contactPhone: '0971-6300000', copyTo: '国家知识产权局商标局审查管理处' } });
  const draft = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0, second, ...hits.gi.slice(1)], kind: 'referral' });
  await api['letters.update']({ id: draft.id, fields: { ...draft.fields, body: draft.fields.body.replace('特此函告', `${LONG_REASON}\n特此函告`) } });
  letter = await api['letters.issue']({ id: draft.id });
  if (!letter.document) throw new Error('issued letter without its document');
  document = letter.document;
  await api.exportTo(letter.id, 'pdf', pdfFile);
  await api.exportTo(letter.id, 'docx', docxFile);
  mkdirSync(OUTPUT, { recursive: true });
});
afterAll(() => {
  ctx.cleanup();
  files.remove();
});

const lineOf = (page: PdfPage | undefined, text: string) => page?.lines.find((l) => compact(l.text) === compact(text));
const pageNumberOf = (page: PdfPage) => page.lines.find((l) => /^—\d+—$/.test(compact(l.text)));

/** Lines of the body's paragraphs on a page, above `limit`: what GB/T 9704 wants on the signature page. */
function bodyLines(page: PdfPage, letterDoc: LetterDocument, limit: number): string[] {
  const body = compact(letterDoc.paragraphs.join(''));
  return page.lines.filter((l) => l.yMax <= limit && compact(l.text).length >= 4 && body.includes(compact(l.text))).map((l) => l.text);
}

function signaturePage(pages: PdfPage[], letterDoc: LetterDocument): { index: number; page: PdfPage; y: number } {
  const index = pages.findIndex((p) => p.lines.some((l) => compact(l.text) === compact(letterDoc.signature) && l.xMin > CENTRE - 60));
  const page = pages[index];
  const line = page?.lines.find((l) => compact(l.text) === compact(letterDoc.signature) && l.xMin > CENTRE - 60);
  if (!page || !line) throw new Error('no signature in the PDF');
  return { index, page, y: line.yMin };
}

describe('the PDF, page by page', () => {
  it('renders every page to PNG; page 1 has the number flush right, the title centred and the recipient flush left', () => {
    const pages = pdfPages(pdfFile);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(OUTPUT, 'letter-pages')]);
    writeFileSync(path.join(OUTPUT, 'letter-pages.pdf'), readFileSync(pdfFile));
    const first = pages[0];
    const head = lineOf(first, document.issuingBody);
    expect(head?.yMin).toBeGreaterThan(mm(26));
    expect(head?.yMin).toBeLessThan(mm(34));
    const number = lineOf(first, document.documentNumber);
    expect(number, '发文字号').toBeDefined();
    expect(Math.abs((number?.xMax ?? 0) - RIGHT)).toBeLessThan(3);
    const titleLines = first?.lines.filter((l) => compact(document.title).includes(compact(l.text)) && l.yMin > (number?.yMax ?? 0) && compact(l.text).length > 2) ?? [];
    expect(compact(titleLines.map((l) => l.text).join(''))).toBe(compact(document.title));
    for (const line of titleLines) expect(Math.abs((line.xMin + line.xMax) / 2 - CENTRE)).toBeLessThan(4);
    const recipient = lineOf(first, `${document.recipient}：`);
    expect(recipient, '主送').toBeDefined();
    expect(Math.abs((recipient?.xMin ?? 0) - LEFT)).toBeLessThan(3);
    expect(recipient?.yMin).toBeGreaterThan(titleLines.at(-1)?.yMax ?? 0);
  });

  it('puts body lines on the signature page, the date four characters in from the right, and the 版记 at that page’s foot', () => {
    const pages = pdfPages(pdfFile);
    const { index, page, y } = signaturePage(pages, document);
    expect(index, 'the long reasons push the signature to page 2').toBe(1);
    expect(bodyLines(page, document, y).length).toBeGreaterThanOrEqual(2);
    const date = page.lines.find((l) => compact(l.text) === compact(document.dateText));
    expect(Math.abs((date?.xMax ?? 0) - (RIGHT - 4 * SIZE.三号))).toBeLessThan(4);
    const copy = page.lines.find((l) => compact(l.text).startsWith('抄送：'));
    const printed = page.lines.find((l) => compact(l.text).endsWith(compact(document.printedOn)));
    expect(copy?.yMin).toBeGreaterThan(date?.yMax ?? 0);
    expect(printed?.yMax).toBeLessThanOrEqual(TYPE_BOTTOM + 1);
    expect(TYPE_BOTTOM - (printed?.yMax ?? 0)).toBeLessThan(mm(8));
    // The picture agrees: above the signature's band of ink lie the body's lines and the attachment line.
    const dpi = 40;
    const bands = inkBands(pdfFile, index + 1, dpi);
    const above = bands.filter((b) => b.bottom < (y * dpi) / 72 - 2);
    expect(above.length).toBeGreaterThanOrEqual(3);
  });

  it('numbers pages from 2 as "— N —", 7 mm under the type area, odd pages right and even pages left', () => {
    const pages = pdfPages(pdfFile);
    expect(pageNumberOf(pages[0] as PdfPage)).toBeUndefined();
    pages.slice(1).forEach((page, i) => {
      const n = i + 2;
      const number = pageNumberOf(page);
      expect(compact(number?.text ?? '')).toBe(`—${n}—`);
      const portrait = page.height > page.width;
      const typeBottom = portrait ? TYPE_BOTTOM : page.height - mm(24);
      expect((number?.yMin ?? 0) - typeBottom).toBeGreaterThan(mm(5));
      expect((number?.yMin ?? 0) - typeBottom).toBeLessThan(mm(9));
      if (n % 2 === 0) expect(number?.xMax ?? page.width).toBeLessThan(page.width / 2);
      else expect(number?.xMin ?? 0).toBeGreaterThan(page.width / 2);
    });
  });

  it('lists the filing that imitates two marks once, with both marks, and its issue as 第1965期', () => {
    const rows = document.table.rows;
    expect(rows.map((r) => r.applicationNumber)).toEqual(['71000001', '71000002', '71000003']);
    expect(rows[0]).toMatchObject({ protectedMark: '柴达木枸杞\n柴达木', registrationNumber: '8888888\n99887766', publication: '第1965期 2026-11-27' });
    const text = compact(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }));
    expect(text.split('71000001').length - 1).toBe(1);
    expect(text).not.toMatch(/第第|期期/);
  });

  it('never leaves the signature without body text, whatever the length of the body (rendered PDFs)', async () => {
    // 9 to 15 extra lines put the signature alone on page 3 before GB/T's rule was kept (checked against the old
    // renderer); 0 and 21 are ordinary lengths. The pure layout is swept line by line in tests/unit/letters.
    for (const lines of [0, 9, 12, 15, 21]) {
      const paragraphs = [...document.paragraphs.slice(0, -1), '补'.repeat(28 * lines + 5), ...document.paragraphs.slice(-1)];
      const variant = { ...document, paragraphs };
      const file = path.join(files.dir, `variant-${lines}.pdf`);
      writeFileSync(file, (await renderPdf(variant, { platform: 'linux' })).content);
      const pages = pdfPages(file);
      const { page, y } = signaturePage(pages, variant);
      expect(bodyLines(page, variant, y).length, `${lines} extra lines`).toBeGreaterThanOrEqual(2);
    }
  });
});

interface DocxParts {
  document: string;
  settings: string;
  footers: Map<string, string>;
}

async function readDocx(file: string): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const rels = await read('word/_rels/document.xml.rels');
  const footers = new Map<string, string>();
  for (const rel of rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="(footer\d+\.xml)"/g)) footers.set(rel[1] ?? '', await read(`word/${rel[2]}`));
  for (const rel of rels.matchAll(/<Relationship [^>]*Target="(footer\d+\.xml)"[^>]*Id="([^"]+)"/g)) footers.set(rel[2] ?? '', await read(`word/${rel[1]}`));
  return { document: await read('word/document.xml'), settings: await read('word/settings.xml'), footers };
}

const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
const textOf = (xml: string) => xml.replace(/<w:instrText[\s\S]*?<\/w:instrText>/g, '').replace(/<[^>]+>/g, '');
const TWIP = 1440 / 25.4;

describe('the DOCX, in its XML', () => {
  it('has page-number footers "— PAGE —": odd pages right, even pages left, none on page 1 (red rule instead)', async () => {
    const docx = await readDocx(docxFile);
    expect(docx.settings).toContain('<w:evenAndOddHeaders/>');
    const sections = [...docx.document.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1] ?? '');
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      const ref = (type: string) => new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(section)?.[1] ?? '';
      const odd = docx.footers.get(ref('default')) ?? '';
      const even = docx.footers.get(ref('even')) ?? '';
      for (const footer of [odd, even]) {
        expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|w:instr="\s*PAGE\s*"/);
        expect(textOf(footer)).toMatch(/^— .*—$/);
      }
      expect(odd).toContain('<w:jc w:val="right"/>');
      expect(even).toContain('<w:jc w:val="left"/>');
    }
    const first = docx.footers.get(/<w:footerReference w:type="first" r:id="([^"]+)"\/>/.exec(sections[0] ?? '')?.[1] ?? '') ?? '';
    expect(first).toContain('w:color="E60012"');
    expect(first).not.toMatch(/PAGE/);
  });

  it('keeps the closing paragraphs together with the last body text (keep-with-next, the last paragraph whole)', async () => {
    const { document: xml } = await readDocx(docxFile);
    const paras = paragraphs(xml);
    const index = (text: string) => paras.findIndex((p) => compact(textOf(p)) === compact(text));
    const last = index(document.paragraphs.at(-1) ?? '');
    const signature = paras.findIndex((p, i) => i > last && compact(textOf(p)) === compact(document.signature));
    const date = index(document.dateText);
    expect(last).toBeGreaterThan(0);
    expect(paras[last]).toContain('<w:keepNext/>');
    expect(paras[last]).toContain('<w:keepLines/>');
    for (const p of paras.slice(last, signature + 1)) expect(p).toContain('<w:keepNext/>');
    expect(paras[date]).toContain('<w:keepNext/>'); // the note and the 版记's room follow
    expect(paras[index(document.paragraphs[0] ?? '')]).not.toContain('<w:keepNext/>');
    // The paragraph before a one-line closing phrase goes with it when short enough to move whole (Word and
    // LibreOffice alike); the long reasons of this letter stay, and the closing phrase is carried alone.
    expect(paras[index(document.paragraphs.at(-2) ?? '')]).not.toContain('<w:keepNext/>');
    const short = { ...document, paragraphs: [...document.paragraphs.slice(0, -2), '请于收函后十五日内将处理情况函复我局。', '特此函告，请予研处。'] };
    const file = path.join(files.dir, 'short.docx');
    writeFileSync(file, await renderDocx(short));
    const shortParas = paragraphs((await readDocx(file)).document);
    const before = shortParas.find((p) => textOf(p).startsWith('请于收函后'));
    expect(before).toContain('<w:keepNext/>');
    expect(before).toContain('<w:keepLines/>');
  });

  it('puts the 版记 in frames at the foot of the type area, anchored after the signature in the letter’s section', async () => {
    const { document: xml } = await readDocx(docxFile);
    const paras = paragraphs(xml);
    const frames = paras.filter((p) => p.includes('<w:framePr'));
    expect(frames.map((p) => textOf(p))).toEqual([`抄送：${document.copyTo}。`, `${document.printingBody}\t${document.printedOn}`]);
    const typeBottom = (PAGE.heightMm - 30 - MARGIN.bottomMm) * TWIP; // from the 30 mm top margin of the letter's section
    const bottoms = frames.map((p) => {
      const frame = /<w:framePr ([^>]*)\/>/.exec(p)?.[1] ?? '';
      expect(frame).toContain('w:vAnchor="margin"');
      expect(frame).toContain('w:wrap="through"');
      expect(frame).toContain('w:hRule="exact"');
      return Number(/w:y="(\d+)"/.exec(frame)?.[1]) + Number(/w:h="(\d+)"/.exec(frame)?.[1]);
    });
    expect(Math.abs((bottoms.at(-1) ?? 0) - typeBottom)).toBeLessThan(20);
    expect(bottoms[0]).toBeLessThan(bottoms[1] ?? 0);
    // After the note and an empty paragraph that keeps the frames' room free, chained to the closing lines, and
    // before the end of the letter's section (not after the attachment).
    const note = paras.findIndex((p) => compact(textOf(p)) === compact(document.note));
    const room = paras[note + 1] ?? '';
    expect(textOf(room)).toBe('');
    expect(room).toContain('<w:keepNext/>');
    expect(Number(/w:line="(\d+)"/.exec(room)?.[1])).toBeGreaterThanOrEqual(bottoms.at(-1)! - Number(/w:y="(\d+)"/.exec(frames[0] ?? '')?.[1]));
    expect(paras.indexOf(frames[0] ?? '')).toBe(note + 2);
    expect(xml.indexOf(frames[1] ?? '')).toBeLessThan(xml.indexOf('<w:sectPr>'));
  });

  it('lists each filing once in the attachment table, wide enough that no number wraps', async () => {
    const { document: xml } = await readDocx(docxFile);
    const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)?.[1] ?? '';
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(1 + document.table.rows.length);
    expect(rows.filter((r) => textOf(r).includes('71000001'))).toHaveLength(1);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // 注册号 and 申请号: half an em a digit in 五号, plus Word's cell margins, fit in their columns.
    for (const [column, longest] of [[0, '71000001'], [8, '99887766']] as const) {
      expect(grid[column] ?? 0).toBeGreaterThanOrEqual((longest.length * 0.5 * SIZE.五号 + 2 * 5.4) * 20);
    }
    const firstRow = rows[1] ?? '';
    expect(paragraphs(firstRow).map(textOf)).toEqual(expect.arrayContaining(['柴达木枸杞', '柴达木', '8888888', '99887766']));
  });
});
