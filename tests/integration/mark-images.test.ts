// The registry's images channels (issue 12): add through a file token (purpose 'image'), list with thumbnails as
// data: URLs, the table's first thumbnails, remove; BMP and non-images refused in Chinese with nothing written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MarkImage, StoredMark } from '../../shared/api';
import { chosenFile, useRunningServices, valueOf } from './support/services';
import { sampleMark } from './support/marks';

const harness = useRunningServices();
const value = valueOf;

const chooseImage = (name: string, bytes: Buffer): Promise<string> => chosenFile(harness, 'image', name, bytes);

const star = (fill: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="240">
  <rect width="300" height="240" fill="#fff"/><polygon points="150,10 185,90 280,95 205,150 230,230 150,185 70,230 95,150 20,95 115,90" fill="${fill}"/>
  </svg>`)).png().toBuffer();

function bmp(): Buffer {
  // a 1 × 1 24-bit BMP: header, info header, one pixel row padded to 4 bytes
  const b = Buffer.alloc(58);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(58, 2); b.writeUInt32LE(54, 10); b.writeUInt32LE(40, 14);
  b.writeInt32LE(1, 18); b.writeInt32LE(1, 22); b.writeUInt16LE(1, 26); b.writeUInt16LE(24, 28); b.writeUInt32LE(4, 34);
  return b;
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

  it('refuses a BMP and a file that is not an image in Chinese, a table token, and an unknown mark, adding nothing', async () => {
    const mark = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark() }));
    const bmpAdd = await harness.services.dispatch('registry.addImage', { key: mark.key, fileToken: await chooseImage('旧图.bmp', bmp()) });
    expect(bmpAdd).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('不支持 BMP 格式的图片') } });
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
