// The registry's images channels (issue 12): add through a file token (purpose 'image'), list with thumbnails as
// data: URLs, the table's first thumbnails, remove; a BMP stored as the PNG of its pixels; non-images refused in Chinese
// with nothing written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MarkImage, StoredMark } from '../../shared/api';
import { chosenFile, useRunningServices, valueOf } from './support/services';
import { sampleMark } from './support/marks';
import { writeBmp } from '../fixtures/bmp-writer';

const harness = useRunningServices();
const value = valueOf;

const chooseImage = (name: string, bytes: Buffer): Promise<string> => chosenFile(harness, 'image', name, bytes);

const star = (fill: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="240">
  <rect width="300" height="240" fill="#fff"/><polygon points="150,10 185,90 280,95 205,150 230,230 150,185 70,230 95,150 20,95 115,90" fill="${fill}"/>
  </svg>`)).png().toBuffer();

/** The star as Windows 画图 saves it: a 24-bit BMP. */
async function starBmp(fill: string): Promise<Buffer> {
  const { data, info } = await sharp(await star(fill)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return writeBmp({ width: info.width, height: info.height, data: new Uint8Array(data) });
}

describe('registry images channels', () => {
  it('adds an image chosen by token, lists it with a 96 px PNG thumbnail, shows it in the table thumbnails, removes it', async () => {
    const mark = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark() }));
    const added = await value<MarkImage>(harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('星.png', await star('#c22')) }));
    expect(added).toMatchObject({ format: 'png', width: 300, height: 240, thumbnail: expect.stringMatching(/^data:image\/png;base64,/) });
    const thumb = await sharp(Buffer.from(added.thumbnail!.split(',')[1]!, 'base64')).metadata();
    expect([thumb.width, thumb.height]).toEqual([96, 77]);

    const second = await value<MarkImage>(harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('星2.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><circle cx="25" cy="25" r="20" fill="#036"/></svg>')) }));
    expect(second.format).toBe('svg');
    const listed = await value<MarkImage[]>(harness.services.dispatch('registry.images', { key: mark.key }));
    expect(listed.map((i) => i.sha256)).toEqual([added.sha256, second.sha256]);
    expect(await value(harness.services.dispatch('registry.thumbnails', {}))).toEqual([{ key: mark.key, count: 2, thumbnail: added.thumbnail }]);

    expect(await value(harness.services.dispatch('registry.removeImage', { key: mark.key, sha256: added.sha256 }))).toEqual({ removed: true });
    expect((await value<MarkImage[]>(harness.services.dispatch('registry.images', { key: mark.key }))).map((i) => i.sha256)).toEqual([second.sha256]);
    const history = await value<Array<{ note: string }>>(harness.services.dispatch('registry.history', { key: mark.key }));
    expect(history.map((h) => h.note)).toEqual(expect.arrayContaining([`删除图样 ${added.sha256.slice(0, 12)}`]));
  });

  it('adds a BMP as the PNG of its pixels, once however often it is added, with its thumbnail', async () => {
    const mark = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark() }));
    const bmp = await starBmp('#c22');
    const added = await value<MarkImage>(harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('旧图.bmp', bmp) }));
    expect(added).toMatchObject({ format: 'png', width: 300, height: 240, thumbnail: expect.stringMatching(/^data:image\/png;base64,/) });
    const again = await value<MarkImage>(harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('旧图副本.bmp', bmp) }));
    expect(again.sha256).toBe(added.sha256);
    expect(await value<MarkImage[]>(harness.services.dispatch('registry.images', { key: mark.key }))).toHaveLength(1);
    // the PNG stored is the star's pixels, and the same figure as the star added as PNG
    const png = await value<MarkImage>(harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('星.png', await star('#c22')) }));
    const pixels = async (sha: string) => {
      const dir = path.join(harness.folder.dir, 'data', 'images', sha.slice(0, 2));
      return sharp(path.join(dir, `${sha}.png`)).ensureAlpha().raw().toBuffer();
    };
    expect((await pixels(added.sha256)).equals(await pixels(png.sha256))).toBe(true);
  });

  it('refuses a damaged BMP and a file that is not an image in Chinese, a table token, and an unknown mark, adding nothing', async () => {
    const mark = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark() }));
    const cut = (await starBmp('#c22')).subarray(0, 100);
    const bmpAdd = await harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('旧图.bmp', cut) });
    expect(bmpAdd).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('无法读取 BMP 图片') } });
    const text = await harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('说明.png', Buffer.from('不是图片')) });
    expect(text).toMatchObject({ ok: false, error: { message: expect.stringContaining('无法读取图片') } });

    writeFileSync(path.join(harness.folder.dir, 'a.csv'), '编号\r\n');
    harness.dialogs.queue(path.join(harness.folder.dir, 'a.csv'));
    const tableToken = (await value<{ token: string }>(harness.services.dispatch('files.open', { purpose: 'table' }))).token;
    expect(await harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: tableToken })).toMatchObject({ ok: false, error: { message: '所选文件已失效，请重新选择文件' } });
    const unknown = await harness.services.dispatch('registry.addImage', { key: 9999, fileToken: await chooseImage('星.png', await star('#333')) });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await value(harness.services.dispatch('registry.images', { key: mark.key }))).toEqual([]);
    expect(await value(harness.services.dispatch('registry.thumbnails', {}))).toEqual([]);
  });
});
