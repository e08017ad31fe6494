// The generated files themselves: the DOCX's XML, the PDF's text (pdftotext) and a picture of its first page
// (pdftoppm), kept in test-results/letters/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFormatExtension } from '../../electron/letters/issue';
import type { LetterDetail } from '../../shared/contract/letters';
import { REPO_ROOT, openTestContext, tempDir } from './support/context';
import { lettersApi, seedConfirmedHits } from './support/letters';

const OUTPUT = path.join(REPO_ROOT, 'test-results', 'letters');

function requireTool(name: string): void {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is missing: install poppler-utils (apt-get install poppler-utils; .ci/run does it)`);
  }
}

let ctx: ReturnType<typeof openTestContext>;
let api: ReturnType<typeof lettersApi>;
let letter: LetterDetail;
const exports = tempDir('markguard-letter-export-');

beforeAll(async () => {
  requireTool('pdftotext');
  requireTool('pdftoppm');
  ctx = openTestContext();
  api = lettersApi(ctx);
  const hits = seedConfirmedHits(ctx);
  const settings = await api['letters.settings.get']({});
  await api['letters.settings.set']({
    settings: { ...settings, contactPerson: '李明', contactPhone: '0971-6300000', copyTo: '国家知识产权局商标局审查管理处' },
  });
  const draft = await api['letters.draftFromHits']({ hitIds: [...hits.gi, hits.lake], kind: 'referral' });
  const rows = draft.fields.rows.map((row, i) => (i === 0 ? { ...row, evidence: '申请人名下另有12件含“枸杞”商标申请' } : row));
  await api['letters.update']({ id: draft.id, fields: { ...draft.fields, rows } });
  letter = await api['letters.issue']({ id: draft.id });
  mkdirSync(OUTPUT, { recursive: true });
});
afterAll(() => {
  ctx.cleanup();
  exports.remove();
});

const compact = (text: string) => text.replace(/\s+/g, '');

/** Red pixels on page 1, read from pdftoppm's binary PPM (P6: header, then RGB bytes). */
function redPixels(pdf: string): number {
  const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a P6 image');
  let red = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if ((ppm[i] ?? 0) > 170 && (ppm[i + 1] ?? 255) < 110 && (ppm[i + 2] ?? 255) < 110) red++;
  }
  return red;
}

describe('issued letter files', () => {
  it('archives DOCX and PDF under letters/<year>/ named by the number, with their hashes', () => {
    expect(letter.documentNumber).toBe('青市监商函〔2026〕1号');
    expect(letter.files.map((f) => f.format)).toEqual(['docx', 'pdf']);
    for (const file of letter.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = ctx.db.prepare('SELECT path FROM letter_files WHERE letter_id = ? ORDER BY format').all(letter.id);
    expect(stored).toEqual([
      { path: path.join('letters', '2026', '青市监商函〔2026〕1号.docx') },
      { path: path.join('letters', '2026', '青市监商函〔2026〕1号.pdf') },
    ]);
  });

  it('DOCX: the number, title, recipient, fonts and every attachment row are in word/document.xml', async () => {
    const target = path.join(exports.dir, '导出.docx');
    const result = await api.exportTo(letter.id, 'docx', target);
    expect(result.sha256).toBe(letter.files[0]?.sha256);
    const zip = await JSZip.loadAsync(readFileSync(target));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('青市监商函〔2026〕1号');
    expect(text).toContain(letter.document?.title);
    expect(text).toContain('国家知识产权局商标局：');
    expect(text).toContain('有关证据：申请人名下另有12件含“枸杞”商标申请。');
    for (const row of letter.document?.table.rows ?? []) {
      for (const cell of [row.applicationNumber, row.markText, row.applicant, row.deadline, row.imitation, row.grounds]) expect(text).toContain(cell);
    }
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:color="E60012"');
    expect(xml).toContain('w:orient="landscape"');
    const fonts = (await zip.file('word/fontTable.xml')?.async('string')) ?? '';
    expect(fonts).toContain('<w:altName w:val="FangSong"/>');
  });

  it('PDF: pdftotext gives the letter text and the table; page 1 is rendered to PNG for review', async () => {
    const target = path.join(exports.dir, '导出.pdf');
    await api.exportTo(letter.id, 'pdf', target);
    const text = compact(execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' }));
    const document = letter.document;
    if (!document) throw new Error('issued letter without document');
    for (const expected of [document.issuingBody, document.documentNumber, document.title, `${document.recipient}：`, ...document.paragraphs, document.dateText, document.note, `抄送：${document.copyTo}。`, document.printedOn]) {
      expect(text).toContain(compact(expected));
    }
    for (const row of document.table.rows) for (const cell of [row.applicationNumber, row.applicant, row.protectedMark]) expect(text).toContain(compact(cell));
    const fonts = execFileSync('pdffonts', [target], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerifSC-Regular/);
    expect(fonts).not.toMatch(/\bno\s+no\s+no\b/); // every font embedded
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', target, path.join(OUTPUT, 'letter-page-1')]);
    writeFileSync(path.join(OUTPUT, 'letter.pdf'), readFileSync(target));
    expect(redPixels(target)).toBeGreaterThan(50); // the head and its rules are red
    const png = readFileSync(path.join(OUTPUT, 'letter-page-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('refuses to export an archive file that was changed after issue, and re-renders a missing one', async () => {
    const pdf = path.join(ctx.config.dataDir, 'letters', '2026', '青市监商函〔2026〕1号.pdf');
    writeFileSync(pdf, Buffer.concat([readFileSync(pdf), Buffer.from('\n%tampered')]));
    await expect(api.exportTo(letter.id, 'pdf', path.join(exports.dir, 'x.pdf'))).rejects.toThrow(/已被改动/);
    const docx = path.join(ctx.config.dataDir, 'letters', '2026', '青市监商函〔2026〕1号.docx');
    const { rmSync } = await import('node:fs');
    rmSync(docx);
    const again = await api.exportTo(letter.id, 'docx', path.join(exports.dir, 'y.docx.csv'));
    expect(again.sha256).toMatch(/^[0-9a-f]{64}$/);
    // A .csv appended by the save dialog's table filter is replaced by the right extension.
    expect(again.savedTo).toBe(path.join(exports.dir, 'y.docx'));
    expect(withFormatExtension('/a/函.xlsx', 'pdf')).toBe('/a/函.pdf');
    expect(withFormatExtension('/a/函', 'pdf')).toBe('/a/函.pdf');
    expect(withFormatExtension('/a/函.PDF', 'pdf')).toBe('/a/函.PDF');
  });
});
