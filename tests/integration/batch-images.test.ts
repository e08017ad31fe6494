// Gazette batches with their images (issue 12): a ZIP named by 申请号 and a 图样 column of relative paths, through
// the contract as the app uses it (tokens from files.open); image screening joined to the text hits; the review's
// two figures. Logos are drawn by the test from SVG with sharp.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { HitImages } from '../../shared/api';
import type { JobProgress } from '../../shared/contract/screening';
import { useRunningServices, valueOf } from './support/services';
import { writeBmp } from '../fixtures/bmp-writer';
import { FILING_HEADER, FILING_MAPPING, filingLine, untilBatchDone } from './support/batches';
import { marksRepository } from '../../electron/registry/marks';
import { flagOutlineSvg, flagSvg, markWithLogo, ringShadowedSvg, ringSvg } from './support/drawn-logos';

const harness = useRunningServices();
const value = valueOf;

async function choose(file: string, purpose: 'table' | 'image' | 'images' | 'imageFolder'): Promise<string> {
  harness.dialogs.queue(file);
  return (await value<{ token: string }>(harness.services.dispatch('files.open', { purpose }))).token;
}


async function runBatch(table: string, mapping: Record<string, number>, images?: { file: string; purpose: 'images' | 'imageFolder' }): Promise<number> {
  const input = {
    fileToken: await choose(table, 'table'), kind: 'filing', mapping,
    ...(images ? { imagesToken: await choose(images.file, images.purpose) } : {}),
  };
  const { batchId } = await value<{ batchId: number }>(harness.services.dispatch('batches.startImport', input));
  await untilBatchDone(harness.services.dispatch, batchId);
  return batchId;
}

type HitRowDb = { id: number; application_number: string; mark_id: string; score: number; reasons: string; row_image: string | null; mark_image: string | null };
const hitsOf = (batchId: number) => harness.services.ctx.db.prepare<[number], HitRowDb>(
  `SELECT h.id, f.application_number, h.mark_id, h.score, h.reasons, h.row_image, h.mark_image
     FROM hits h JOIN filings f ON f.id = h.filing_id WHERE h.batch_id = ? ORDER BY f.application_number, h.mark_id`,
).all(batchId);
const problemsOf = async (batchId: number) =>
  (await value<{ problems: Array<{ rowNumber: number; reason: string }> }>(harness.services.dispatch('batches.problems', { batchId, offset: 0, limit: 50 }))).problems;

describe('a gazette batch with a ZIP of images', () => {
  const ringBmp = async () => {
    const { data, info } = await sharp(ringSvg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return writeBmp({ width: info.width, height: info.height, data: new Uint8Array(data) });
  };

  it('stores the good images, screens them against the registry logos, and lists the bad ones at their rows', async () => {
    await markWithLogo(harness, 'W1', '昆仑雪', flagSvg('#1d3f8f'));
    await markWithLogo(harness, 'R1', '圆环牌', ringSvg);
    const table = path.join(harness.folder.dir, '第1920期.csv');
    writeFileSync(table, [FILING_HEADER,
      filingLine('80000001', '雪莲花'), // image only: a mirrored, recoloured JPEG of W1's flag
      filingLine('80000002', '昆仑雪'), // name and image of W1
      filingLine('80000003', '向阳花'), // its "image" is not an image
      filingLine('80000004', '白云山'), // no image: a word mark
      filingLine('80000005', ''), // a device mark without a name: its image (a BMP) is in the ZIP
      filingLine('80000006', ''), // no name and no image: a bad row
    ].join('\r\n'));
    const copy = await sharp(flagSvg('#0a7d35')).flop().jpeg({ quality: 80 }).toBuffer();
    const same = await sharp(flagSvg('#1d3f8f')).png().toBuffer();
    const zip = path.join(harness.folder.dir, 'images.zip');
    writeFileSync(zip, zipSync({
      '80000001.jpg': copy,
      'pics/80000002.png': same,
      '80000003.png': new Uint8Array(Buffer.from('this is no picture')),
      '80000005.bmp': await ringBmp(), // saved by Windows 画图
      '99999999.png': same, // names no row
      '__MACOSX/._80000001.jpg': new Uint8Array([0, 5, 22]),
      'readme.txt': new Uint8Array(Buffer.from('图样')),
    }));

    const batchId = await runBatch(table, FILING_MAPPING, { file: zip, purpose: 'images' });

    // every row's text is imported, the bad image and the stray one are problems (row 0: it has no row)
    const batch = (await value<Array<{ id: number; newRows: number; badRows: number }>>(harness.services.dispatch('batches.list', {}))).find((b) => b.id === batchId);
    expect(batch).toMatchObject({ newRows: 5, badRows: 1, imageProblems: 2 });
    expect(await problemsOf(batchId)).toEqual([
      { rowNumber: 0, reason: '图样「99999999.png」没有对应的行：文件中没有申请号为「99999999」的行' },
      { rowNumber: 4, reason: expect.stringMatching(/^图样「80000003\.png」无法读取：.*不是可识别的图片文件/) },
      { rowNumber: 7, reason: '缺少商标名称' },
    ]);
    const linked = harness.services.ctx.db.prepare('SELECT f.application_number AS n FROM filing_images fi JOIN filings f ON f.id = fi.filing_id ORDER BY n').all();
    expect(linked).toEqual([{ n: '80000001' }, { n: '80000002' }, { n: '80000005' }]);

    const hits = hitsOf(batchId).filter((h) => h.mark_id === 'W1' || h.mark_id === 'R1');
    expect(hits.map((h) => [h.application_number, h.mark_id, JSON.parse(h.reasons).includes('figurative')])).toEqual([
      ['80000001', 'W1', true],
      ['80000002', 'W1', true],
      ['80000005', 'R1', true],
    ]);
    const imageOnly = hits[0]!;
    expect(JSON.parse(imageOnly.reasons)).toEqual(['figurative']);
    expect(imageOnly.row_image).toMatch(/^[0-9a-f]{64}$/);
    expect(imageOnly.mark_image).toMatch(/^[0-9a-f]{64}$/);
    // name and image: the text engine's reasons first, then 图形近似, and a score above either alone
    const both = hits[1]!;
    const reasons = JSON.parse(both.reasons) as string[];
    expect(reasons[0]).toBe('identical');
    expect(reasons).toContain('figurative');
    expect(both.score).toBeGreaterThan(imageOnly.score);

    // the review's figures: both thumbnails as data: URLs
    const images = await value<HitImages>(harness.services.dispatch('hits.images', { hitId: imageOnly.id }));
    expect(images.row).toMatch(/^data:image\/png;base64,/);
    expect(images.mark).toMatch(/^data:image\/png;base64,/);
    // a word mark's hit on a mark with a logo shows the mark's logo and no filing image
    const detail = await value<{ reasons: string[] }>(harness.services.dispatch('hits.get', { hitId: imageOnly.id }));
    expect(detail.reasons).toEqual(['figurative']);

    // the same gazette and ZIP again: every row is another batch's now, and their images name rows all the same
    const again = await runBatch(table, FILING_MAPPING, { file: zip, purpose: 'images' });
    expect(await problemsOf(again)).toEqual([
      { rowNumber: 0, reason: '图样「99999999.png」没有对应的行：文件中没有申请号为「99999999」的行' },
      { rowNumber: 7, reason: '缺少商标名称' },
    ]);
  });

  it('finds a registry logo in a gazette image drawn tilted, in a frame, on a label in a product photo, as line art or with a drop shadow', async () => {
    // the import stores a batch's images with a query's features (store.ts role 'query'): the figure turned back
    // square, inside its frame, held by its label, its outline filled in, or without its shadow is what meets the
    // registry logo
    await markWithLogo(harness, 'W2', '昆仑雪', flagSvg('#1d3f8f'));
    await markWithLogo(harness, 'W3', '圆环牌', ringSvg);
    const drawn = await sharp(flagSvg('#1d3f8f')).png().toBuffer();
    const tilted = await sharp(drawn).rotate(10, { background: '#fff' }).jpeg({ quality: 85 }).toBuffer();
    const framed = await sharp(drawn).extend({ top: 26, bottom: 26, left: 26, right: 26, background: '#fff' })
      .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="252" height="252">
        <rect x="16" y="16" width="220" height="220" fill="none" stroke="#333" stroke-width="4"/></svg>`), left: 0, top: 0 }])
      .jpeg({ quality: 80 }).toBuffer();
    const onProduct = await sharp({ create: { width: 560, height: 460, channels: 3, background: '#7a8a99' } })
      .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="560" height="460">
        <rect x="120" y="40" width="320" height="400" rx="40" fill="#c8b27a"/></svg>`), left: 0, top: 0 },
      { input: await sharp(drawn).resize(200).png().toBuffer(), left: 180, top: 130 }])
      .jpeg({ quality: 85 }).toBuffer();
    const outline = await sharp(flagOutlineSvg('#1d3f8f')).flatten({ background: '#fff' }).jpeg({ quality: 85 }).toBuffer();
    const shadowed = await sharp(ringShadowedSvg).flatten({ background: '#fff' }).jpeg({ quality: 85 }).toBuffer();
    const table = path.join(harness.folder.dir, '第1921期.csv');
    writeFileSync(table, [FILING_HEADER, ...['81000001', '81000002', '81000003', '81000004', '81000005'].map((n) => filingLine(n, ''))].join('\r\n'));
    const zip = path.join(harness.folder.dir, 'images-1921.zip');
    writeFileSync(zip, zipSync({ '81000001.jpg': tilted, '81000002.jpg': framed, '81000003.jpg': onProduct, '81000004.jpg': outline, '81000005.jpg': shadowed }));
    const batchId = await runBatch(table, FILING_MAPPING, { file: zip, purpose: 'images' });
    expect(await problemsOf(batchId)).toEqual([]);
    expect(hitsOf(batchId).map((h) => [h.application_number, h.mark_id, JSON.parse(h.reasons)])).toEqual([
      ['81000001', 'W2', ['figurative']],
      ['81000002', 'W2', ['figurative']],
      ['81000003', 'W2', ['figurative']],
      ['81000004', 'W2', ['figurative']],
      ['81000005', 'W3', ['figurative']],
    ]);
  });

  it('reads a 图样 column of paths relative to the table, and says which file is missing or outside its folder', async () => {
    await markWithLogo(harness, 'R1', '圆环牌', ringSvg);
    mkdirSync(path.join(harness.folder.dir, 'imgs'));
    writeFileSync(path.join(harness.folder.dir, 'imgs', 'ring.png'), await sharp(ringSvg).rotate(90).png().toBuffer());
    const table = path.join(harness.folder.dir, 'gazette.csv');
    writeFileSync(table, [`${FILING_HEADER},图片`,
      `${filingLine('81000001', '青山')},imgs/ring.png`,
      `${filingLine('81000002', '绿水')},imgs/none.png`,
      `${filingLine('81000003', '蓝天')},../secret.png`,
      `${filingLine('81000004', '白云')},`,
    ].join('\r\n'));
    const preview = await value<{ mapping: Record<string, number> }>(harness.services.dispatch('batches.previewFile', { fileToken: await choose(table, 'table'), kind: 'filing' }));
    expect(preview.mapping.image).toBe(10); // 图片 is the 图样 column
    const batchId = await runBatch(table, preview.mapping);
    expect(await problemsOf(batchId)).toEqual([
      { rowNumber: 3, reason: '图样「imgs/none.png」无法读取：文件不存在' },
      { rowNumber: 4, reason: '图样路径「../secret.png」指向表格文件所在文件夹之外' },
    ]);
    const hits = hitsOf(batchId).filter((h) => h.mark_id === 'R1');
    expect(hits.map((h) => [h.application_number, JSON.parse(h.reasons)])).toEqual([['81000001', ['figurative']]]);
  });

  it('reads a folder of images chosen beside the table, and refuses a ZIP that is no ZIP before starting', async () => {
    await markWithLogo(harness, 'R1', '圆环牌', ringSvg);
    const images = path.join(harness.folder.dir, 'images');
    mkdirSync(images);
    writeFileSync(path.join(images, '82000001.png'), await sharp(ringSvg).png().toBuffer());
    const table = path.join(harness.folder.dir, 'gazette.csv');
    writeFileSync(table, [FILING_HEADER, filingLine('82000001', '青山')].join('\r\n'));
    const batchId = await runBatch(table, FILING_MAPPING, { file: images, purpose: 'imageFolder' });
    expect(hitsOf(batchId).map((h) => [h.mark_id, JSON.parse(h.reasons)])).toContainEqual(['R1', ['figurative']]);

    const fake = path.join(harness.folder.dir, 'fake.zip');
    writeFileSync(fake, 'not a zip at all');
    const refused = await harness.services.dispatch('batches.startImport', {
      fileToken: await choose(table, 'table'), kind: 'filing', mapping: FILING_MAPPING, imagesToken: await choose(fake, 'images'),
    });
    expect(refused).toMatchObject({ ok: false, error: { message: '图样压缩包「fake.zip」不是有效的 ZIP 文件或已损坏' } });
  });

  it('takes a listing’s image from its 图样 column and screens it like a filing’s', async () => {
    // an asymmetric figure: a JPEG copy of a symmetric emblem (the ring) is not found yet — its perceptual hash has
    // bits that JPEG noise sets at random; npm run bench -- logos measures that weakness apart (symmetric emblems)
    await markWithLogo(harness, 'W1', '昆仑雪', flagSvg('#1d3f8f'));
    writeFileSync(path.join(harness.folder.dir, 'flag.jpg'), await sharp(flagSvg('#1d3f8f')).flop().jpeg({ quality: 80 }).toBuffer());
    const table = path.join(harness.folder.dir, 'listings.csv');
    writeFileSync(table, ['编号,平台,店铺,商品标题,链接,价格,所在地,图样', 'L-1,某宝,某店,纯棉短袖T恤,https://example.com/1,39,广州,flag.jpg'].join('\r\n'));
    const preview = await value<{ mapping: Record<string, number> }>(harness.services.dispatch('batches.previewFile', { fileToken: await choose(table, 'table'), kind: 'listing' }));
    const { batchId } = await value<{ batchId: number }>(harness.services.dispatch('batches.startImport', { fileToken: await choose(table, 'table'), kind: 'listing', mapping: preview.mapping }));
    await expect.poll(async () => (await value<JobProgress>(harness.services.dispatch('batches.progress', { batchId }))).phase, { timeout: 20_000 }).toBe('done');
    const hits = harness.services.ctx.db.prepare<[number], { id: number; mark_id: string; reasons: string; matched_text: string }>(
      "SELECT id, mark_id, reasons, matched_text FROM hits WHERE batch_id = ? AND source = 'listing'",
    ).all(batchId);
    expect(hits.map((h) => [h.mark_id, JSON.parse(h.reasons), h.matched_text])).toEqual([['W1', ['figurative'], '纯棉短袖T恤']]);
    const images = await value<HitImages>(harness.services.dispatch('hits.images', { hitId: hits[0]!.id }));
    expect(images.row).toMatch(/^data:image\/png;base64,/);
    expect(images.mark).toMatch(/^data:image\/png;base64,/);
  });
});

describe('a damaged ZIP entry', () => {
  it('is a problem at its row (CRC or inflation fails), and the other entries are still read', async () => {
    await markWithLogo(harness, 'R1', '圆环牌', ringSvg);
    const table = path.join(harness.folder.dir, 'gazette.csv');
    writeFileSync(table, [FILING_HEADER, filingLine('84000001', '青山'), filingLine('84000002', '绿水')].join('\r\n'));
    const ring = await sharp(ringSvg).png().toBuffer();
    // stored (not deflated) entries: the second image's bytes are found in the archive and one of them flipped
    const bytes = Buffer.from(zipSync({ '84000001.png': ring, '84000002.png': ring }, { level: 0 }));
    const second = bytes.indexOf(ring, bytes.indexOf(ring) + ring.length);
    bytes[second + 100] = bytes[second + 100]! ^ 0xff;
    const zip = path.join(harness.folder.dir, 'damaged.zip');
    writeFileSync(zip, bytes);
    const batchId = await runBatch(table, FILING_MAPPING, { file: zip, purpose: 'images' });
    expect(await problemsOf(batchId)).toEqual([{ rowNumber: 3, reason: '图样「84000002.png」无法读取：压缩包中的该文件已损坏，无法解压' }]);
    expect(hitsOf(batchId).filter((h) => h.mark_id === 'R1').map((h) => h.application_number)).toEqual(['84000001']);
  });
});

describe('cancelling while the images are read', () => {
  it('keeps the rows, and a resumed import reads the ZIP again and links every image once', async () => {
    const count = 160;
    const lines = [FILING_HEADER];
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < count; i++) {
      const number = String(85000000 + i);
      lines.push(filingLine(number, `青山${i}`));
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="#fff"/><rect x="${20 + i}" y="40" width="80" height="${60 + i}" fill="#333"/></svg>`;
      files[`${number}.png`] = await sharp(Buffer.from(svg)).png().toBuffer();
    }
    const table = path.join(harness.folder.dir, 'gazette.csv');
    writeFileSync(table, lines.join('\r\n'));
    const zip = path.join(harness.folder.dir, 'images.zip');
    writeFileSync(zip, zipSync(files));
    const { batchId } = await value<{ batchId: number }>(harness.services.dispatch('batches.startImport', {
      fileToken: await choose(table, 'table'), kind: 'filing', mapping: FILING_MAPPING, imagesToken: await choose(zip, 'images'),
    }));
    await expect.poll(async () => (await value<JobProgress>(harness.services.dispatch('batches.progress', { batchId }))).message, { interval: 2, timeout: 20_000 })
      .toMatch(/^正在读取图样 \d+ \/ 160 张$/);
    await value(harness.services.dispatch('batches.cancel', { batchId }));
    await expect.poll(async () => (await value<JobProgress>(harness.services.dispatch('batches.progress', { batchId }))).phase, { timeout: 20_000 }).toBe('cancelled');
    const linked = () => (harness.services.ctx.db.prepare('SELECT count(*) AS n FROM filing_images fi JOIN filings f ON f.id = fi.filing_id WHERE f.batch_id = ?').get(batchId) as { n: number }).n;
    expect(linked()).toBeLessThan(count);

    await value(harness.services.dispatch('batches.resume', { batchId }));
    await expect.poll(async () => (await value<JobProgress>(harness.services.dispatch('batches.progress', { batchId }))).phase, { timeout: 30_000 }).toBe('done');
    expect(linked()).toBe(count);
    expect(await problemsOf(batchId)).toEqual([]);
  });
});

describe('图形要素 (Vienna codes)', () => {
  it('adds 图形要素相同 to a hit whose filing shares a code with the mark, never makes a hit of codes alone, and refuses a bad code', async () => {
    const registry = path.join(harness.folder.dir, '名录.csv');
    writeFileSync(registry, [
      '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注,图形要素',
      'V1,雪豹王,驰名商标,32,10000001,某公司,,,,,26.1.1; 3.1.8',
      'V2,金葵花,驰名商标,32,10000002,某公司,,,,,3.1.8',
      'V3,红杜鹃,驰名商标,32,10000003,某公司,,,,,27.1.1',
      'V4,蓝鲸鱼,驰名商标,32,10000004,某公司,,,,,99.1',
    ].join('\r\n'));
    const preview = await value<{ token: string; problems: Array<{ rowNumber: number; reason: string }> }>(
      harness.services.dispatch('registry.importPreview', { fileToken: await choose(registry, 'table') }),
    );
    expect(preview.problems).toEqual([{ rowNumber: 5, reason: expect.stringContaining('图形要素「99.1」不是有效的维也纳分类代码') }]);
    await value(harness.services.dispatch('registry.importCommit', { token: preview.token }));
    const stored = harness.services.ctx.db.prepare('SELECT m.mark_id AS id, c.code FROM mark_vienna_codes c JOIN protected_marks m ON m.key = c.mark_key ORDER BY id, code').all();
    expect(stored).toEqual([{ id: 'V1', code: '26.1.1' }, { id: 'V1', code: '3.1.8' }, { id: 'V2', code: '3.1.8' }, { id: 'V3', code: '27.1.1' }]);

    const table = path.join(harness.folder.dir, 'gazette.csv');
    writeFileSync(table, [`${FILING_HEADER},维也纳分类`,
      `${filingLine('83000001', '雪豹王', { niceClass: 32 })},26.01.01`, // name and a shared code
      `${filingLine('83000002', '金葵花', { niceClass: 32 })},5.3.13`, // name, no shared code
      `${filingLine('83000003', '白桦林', { niceClass: 32 })},27.1.1`, // a shared code only: no hit
      `${filingLine('83000004', '红杜鹃', { niceClass: 32 })},圆形`, // not a code
    ].join('\r\n'));
    const mapping = (await value<{ mapping: Record<string, number> }>(harness.services.dispatch('batches.previewFile', { fileToken: await choose(table, 'table'), kind: 'filing' }))).mapping;
    expect(mapping.viennaCodes).toBe(10);
    const batchId = await runBatch(table, mapping);
    expect(await problemsOf(batchId)).toEqual([{ rowNumber: 5, reason: expect.stringContaining('图形要素「圆形」不是有效的维也纳分类代码') }]);
    const hits = hitsOf(batchId).filter((h) => h.mark_id.startsWith('V'));
    expect(hits.map((h) => [h.application_number, h.mark_id, JSON.parse(h.reasons)])).toEqual([
      ['83000001', 'V1', ['identical', 'viennaCodes']],
      ['83000002', 'V2', ['identical']],
    ]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);

    // the mark editor's 图形要素: codes typed replace the mark's, a bad one is refused, the audit log notes it
    const v2 = (await marksRepository(harness.services.ctx.data).getByMarkId('V2'))!;
    expect(await value(harness.services.dispatch('registry.setViennaCodes', { key: v2.key, codes: '5.03.13；3.1.8' }))).toEqual(['3.1.8', '5.3.13']);
    expect(await harness.services.dispatch('registry.setViennaCodes', { key: v2.key, codes: '圆形' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是有效的维也纳分类代码') } });
    expect(await value(harness.services.dispatch('registry.viennaCodes', { key: v2.key }))).toEqual(['3.1.8', '5.3.13']);
    const note = harness.services.ctx.db.prepare("SELECT note FROM audit_log WHERE entity_key = ? ORDER BY id DESC LIMIT 1").get(String(v2.key));
    expect(note).toEqual({ note: '图形要素：3.1.8 → 3.1.8、5.3.13' });
    // the registry changed: a re-screen now finds 金葵花's shared code 5.3.13
    await value(harness.services.dispatch('batches.rescreen', { batchId }));
    await expect.poll(() => hitsOf(batchId).find((h) => h.mark_id === 'V2')?.reasons, { timeout: 20_000 }).toBe('["identical","viennaCodes"]');
  });
});
