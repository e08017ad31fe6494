// An image hit in a letter (issue 12): the attachment table prints the filing's image and the protected mark's
// side by side, in the DOCX (two pictures in word/media, drawn in the table's cells) and in the PDF (two images
// that pdfimages lists, on the landscape attachment page); the preview gets the same two as data: URLs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeImage } from '../../electron/logos/store';
import type { LetterDetail } from '../../shared/contract/letters';
import { openTestContext, tempDir } from './support/context';
import { lettersApi, seedConfirmedHits } from './support/letters';
import { requireTool } from './support/pdf';

let ctx: ReturnType<typeof openTestContext>;
let api: ReturnType<typeof lettersApi>;
let letter: LetterDetail;
const exports = tempDir('markguard-letter-figures-');
const drawn = (fill: string, shape: string) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#fff"/>${shape.replace('FILL', fill)}</svg>`)).png().toBuffer();

beforeAll(async () => {
  requireTool('pdfimages');
  ctx = openTestContext();
  api = lettersApi(ctx);
  const hits = seedConfirmedHits(ctx);
  const filing = await storeImage(ctx, await drawn('#0a7d35', '<circle cx="150" cy="150" r="90" fill="FILL"/><rect x="40" y="250" width="220" height="20" fill="FILL"/>'));
  const mark = await storeImage(ctx, await drawn('#1d3f8f', '<circle cx="150" cy="150" r="90" fill="FILL"/><rect x="40" y="250" width="220" height="20" fill="FILL"/>'));
  if (!filing.ok || !mark.ok) throw new Error('images not stored');
  // what screening writes for an image hit joined to a text hit
  ctx.db.prepare(`UPDATE hits SET reasons = '["identical","figurative"]', row_image = ?, mark_image = ? WHERE id = ?`)
    .run(filing.value.sha256, mark.value.sha256, hits.lake);
  const draft = await api['letters.draftFromHits']({ hitIds: [hits.lake, ...hits.gi], kind: 'referral' });
  const preview = await api['letters.preview']({ id: draft.id });
  expect(Object.keys(preview.figures).sort()).toEqual([filing.value.sha256, mark.value.sha256].sort());
  const images = preview.layout.pages.flatMap((p) => p.items).filter((item) => item.type === 'image');
  expect(images.map((i) => i.sha256)).toEqual([filing.value.sha256, mark.value.sha256]);
  letter = await api['letters.issue']({ id: draft.id });
});
afterAll(() => {
  ctx.cleanup();
  exports.remove();
});

describe('a letter with an image hit', () => {
  it('DOCX: two pictures in word/media, drawn in the attachment table beside the rows without any', async () => {
    const target = path.join(exports.dir, '函.docx');
    await api.exportTo(letter.id, 'docx', target);
    const zip = await JSZip.loadAsync(readFileSync(target));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const name of media) {
      const bytes = await zip.file(name)!.async('nodebuffer');
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect((await sharp(bytes).metadata()).width).toBeGreaterThan(50);
    }
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const table = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(table.match(/<w:drawing>/g)).toHaveLength(2);
    // the lake row (申请号 71000004) holds both, the GI rows none
    const lakeRow = table.split('</w:tr>').find((row) => row.includes('71000004')) ?? '';
    expect(lakeRow.match(/<w:drawing>/g)).toHaveLength(2);
  });

  it('PDF: pdfimages lists the two images on the attachment page, and the text still renders', async () => {
    const target = path.join(exports.dir, '函.pdf');
    await api.exportTo(letter.id, 'pdf', target);
    const list = execFileSync('pdfimages', ['-list', target], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(list).toHaveLength(2);
    const pages = execFileSync('pdfinfo', [target], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1];
    // both on the last page, where the attachment table is
    for (const line of list) expect(line.trim().split(/\s+/)[0]).toBe(pages);
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('71000004');
    expect(text).toContain('图形近似');
  });
});
