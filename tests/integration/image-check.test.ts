// 以图查询 (issue 12): the registry marks whose images are near a chosen image, by the fitted rule, nothing stored.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ImageCheck, StoredMark } from '../../shared/api';
import { chosenFile, useRunningServices, valueOf } from './support/services';
import { sampleMark } from './support/marks';
import { writeBmp } from '../fixtures/bmp-writer';
import { flagSvg, ringSvg } from './support/drawn-logos';

const harness = useRunningServices();
const value = valueOf;

const token = (name: string, bytes: Buffer): Promise<string> => chosenFile(harness, 'image', name, bytes);


describe('registry.checkImage', () => {
  it('finds the mark whose logo a mirrored, recoloured JPEG copies, once per mark, and not the other mark', async () => {
    const flag = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark({ id: 'F1', name: '旗帜' }) }));
    const ring = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark({ id: 'R1', name: '圆环' }) }));
    await value(harness.services.dispatch('registry.addImage', { key: flag.key, fileToken: await token('f.png', await sharp(flagSvg('#1d3f8f')).png().toBuffer()) }));
    await value(harness.services.dispatch('registry.addImage', { key: flag.key, fileToken: await token('f.svg', flagSvg('#333333')) }));
    await value(harness.services.dispatch('registry.addImage', { key: ring.key, fileToken: await token('r.png', await sharp(ringSvg).png().toBuffer()) }));

    const copy = await sharp(flagSvg('#0a7d35')).flop().jpeg({ quality: 70 }).toBuffer();
    const found = await value<ImageCheck>(harness.services.dispatch('registry.checkImage', { fileToken: await token('copy.jpg', copy) }));
    expect(found.registryImages).toBe(3);
    expect(found.thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(found.matches.map((m) => [m.id, m.name, m.orientation])).toEqual([['F1', '旗帜', 1]]);
    expect(found.matches[0]!.score).toBeGreaterThan(0.9);
    expect(found.matches[0]!.thumbnail).toMatch(/^data:image\/png;base64,/);

    const triangle = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#fff"/><polygon points="50,10 90,90 10,90" fill="#000"/></svg>');
    const none = await value<ImageCheck>(harness.services.dispatch('registry.checkImage', { fileToken: await token('t.svg', triangle) }));
    expect(none.matches).toEqual([]);
    // checking stores nothing
    expect((await value<unknown[]>(harness.services.dispatch('registry.images', { key: flag.key })))).toHaveLength(2);

    // after an upgrade, before the background pass reaches them: the registry's images are computed first
    await harness.services.ctx.imageFeatures.whenIdle();
    harness.services.ctx.db.prepare('UPDATE images SET thumb = substr(thumb, 1, 1024)').run();
    const again = await value<ImageCheck>(harness.services.dispatch('registry.checkImage', { fileToken: await token('copy2.jpg', copy) }));
    expect(again.matches.map((m) => [m.id, m.orientation])).toEqual([['F1', 1]]);
    expect(again.registryImages).toBe(3);
  });

  it('checks a BMP like any image, and refuses a damaged BMP and a blank image in Chinese', async () => {
    const flag = await value<StoredMark>(harness.services.dispatch('registry.create', { mark: sampleMark({ id: 'F2', name: '旗' }) }));
    await value(harness.services.dispatch('registry.addImage', { key: flag.key, fileToken: await token('f.png', await sharp(flagSvg('#1d3f8f')).png().toBuffer()) }));
    const { data, info } = await sharp(flagSvg('#0a7d35')).flop().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const copy = writeBmp({ width: info.width, height: info.height, data: new Uint8Array(data) });
    const found = await value<ImageCheck>(harness.services.dispatch('registry.checkImage', { fileToken: await token('copy.bmp', copy) }));
    expect(found.thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(found.matches.map((m) => [m.id, m.orientation])).toEqual([['F2', 1]]);
    const bmp = await harness.services.dispatch('registry.checkImage', { fileToken: await token('a.bmp', Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])) });
    expect(bmp).toMatchObject({ ok: false, error: { message: expect.stringContaining('无法读取 BMP 图片') } });
    const blank = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#fff' } }).png().toBuffer();
    const empty = await harness.services.dispatch('registry.checkImage', { fileToken: await token('blank.png', blank) });
    expect(empty).toMatchObject({ ok: false, error: { message: '图片为空白，没有可比对的图形' } });
  });
});
