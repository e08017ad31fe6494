// Older stored image features computed again without holding the clerk up (electron/logos/features-refresh.ts): the
// app starts while the pass runs, a screening first brings up to date what it compares (the registry's images and
// its own batch's, not another's), an image whose file is gone is reported, and a restore stops the pass — nothing
// written into the database being replaced — and starts it again afterwards. The first two on SQLite and PostgreSQL.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { StoredMark } from '../../shared/api';
import type { FeaturesRefreshStatus } from '../../shared/contract/logos';
import type { AppContext } from '../../electron/context';
import { imageFile, loadRegistryLogos } from '../../electron/logos/store';
import { featuresCurrent } from '../../electron/logos/stored-features';
import { startServices } from '../../electron/startup';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { tempDir, testConfig } from './support/context';
import { FILING_HEADER, FILING_MAPPING, filingLine, untilBatchDone } from './support/batches';
import { sampleMark } from './support/marks';
import { useRunningServices, valueOf } from './support/services';
import { STORE_KINDS } from './support/stores';
import { flagSvg, markWithLogo, ringSvg, starSvg } from './support/drawn-logos';

/** Every stored image's features as an older version left them: the figure alone, without the trailer. */
async function makeAllOlder(ctx: AppContext): Promise<void> {
  for (const row of await ctx.data.selectFrom('images').select(['sha256', 'thumb']).execute()) {
    await ctx.data.updateTable('images').set({ thumb: Buffer.from(row.thumb.subarray(0, 1024)) }).where('sha256', '=', row.sha256).execute();
  }
}
const thumbs = async (ctx: AppContext) => (await ctx.data.selectFrom('images').select('thumb').execute()).map((r) => r.thumb);
const currentCount = async (ctx: AppContext) => (await thumbs(ctx)).filter(featuresCurrent).length;

describe.each(STORE_KINDS)('older image features in a running app on %s', (kind) => {
  const harness = useRunningServices(kind);
  const value = valueOf;

  async function choose(file: string, purpose: 'table' | 'image' | 'images'): Promise<string> {
    harness.dialogs.queue(file);
    return (await value<{ token: string }>(harness.services.dispatch('files.open', { purpose }))).token;
  }

  /** A gazette of one filing whose image is `image`, imported (and screened). */
  async function gazette(issue: string, number: string, image: Buffer): Promise<number> {
    const table = path.join(harness.folder.dir, `第${issue}期.csv`);
    writeFileSync(table, [FILING_HEADER, filingLine(number, '')].join('\r\n'));
    const zip = path.join(harness.folder.dir, `第${issue}期.zip`);
    writeFileSync(zip, zipSync({ [`${number}.png`]: new Uint8Array(image) }));
    const input = { fileToken: await choose(table, 'table'), kind: 'filing', mapping: FILING_MAPPING, imagesToken: await choose(zip, 'images') };
    const { batchId } = await value<{ batchId: number }>(harness.services.dispatch('batches.startImport', input));
    await untilBatchDone(harness.services.dispatch, batchId);
    return batchId;
  }

  const imageHitsOf = async (batchId: number) => (await harness.services.ctx.data.selectFrom('hits').select('mark_id')
    .where('batch_id', '=', batchId).where('reasons', 'like', '%figurative%').orderBy('mark_id').execute()).map((h) => h.mark_id);
  const imageOfBatch = async (batchId: number) => (await harness.services.ctx.data.selectFrom('images as i')
    .innerJoin('filing_images as fi', 'fi.sha256', 'i.sha256').innerJoin('filings as f', 'f.id', 'fi.filing_id')
    .select('i.thumb').where('f.batch_id', '=', batchId).executeTakeFirstOrThrow()).thumb;

  it('brings up to date what a screening compares before it compares, and leaves the rest to the pass', async () => {
    const { ctx } = harness.services;
    await ctx.imageFeatures.whenIdle();
    await markWithLogo(harness, 'W1', '昆仑雪', flagSvg('#1d3f8f'));
    // a mirrored, recoloured copy of W1's flag in one gazette, an unrelated ring in another
    const copied = await gazette('1930', '81000001', await sharp(flagSvg('#0a7d35')).flop().png().toBuffer());
    const other = await gazette('1931', '81000002', await sharp(ringSvg).png().toBuffer());
    expect(await imageHitsOf(copied)).toEqual(['W1']);

    // an upgrade's new features version: the registry's logo is in no index until it is computed again
    await makeAllOlder(ctx);
    expect(await loadRegistryLogos(ctx)).toMatchObject({ entries: [], stale: 1 });
    await value(harness.services.dispatch('batches.rescreen', { batchId: copied }));
    await untilBatchDone(harness.services.dispatch, copied);
    expect(await imageHitsOf(copied)).toEqual(['W1']);
    expect(await loadRegistryLogos(ctx)).toMatchObject({ entries: [{ markId: 'W1' }], stale: 0 });
    expect(featuresCurrent(await imageOfBatch(copied))).toBe(true);
    // the other gazette's image waits for the pass
    expect(featuresCurrent(await imageOfBatch(other))).toBe(false);

    ctx.imageFeatures.start();
    expect(ctx.imageFeatures.status().running).toBe(true);
    await ctx.imageFeatures.whenIdle();
    expect(featuresCurrent(await imageOfBatch(other))).toBe(true);
    expect(await value<FeaturesRefreshStatus>(harness.services.dispatch('registry.featuresRefresh', {}))).toEqual({ running: false, done: 1, total: 1, failed: [] });
  });

  it('stops for a restore, writes nothing meanwhile, refuses to compare, and starts again after it', async () => {
    const { ctx } = harness.services;
    for (const [id, logo] of [['S1', starSvg], ['S2', ringSvg], ['S3', flagSvg('#a02080')]] as const) await markWithLogo(harness, id, `图样${id}`, logo);
    await makeAllOlder(ctx);
    ctx.imageFeatures.start();
    await ctx.jobs.quiesce('正在从备份恢复数据，请等恢复完成后再操作', async () => {
      const before = await currentCount(ctx);
      expect(ctx.imageFeatures.status().running).toBe(false);
      await expect(ctx.imageFeatures.ensureCurrent({})).rejects.toThrow('暂时不能比对图样');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await currentCount(ctx)).toBe(before);
      // what a restored backup made by an older version brings
      await makeAllOlder(ctx);
    });
    expect(ctx.imageFeatures.status().running).toBe(true);
    await ctx.imageFeatures.whenIdle();
    expect(await currentCount(ctx)).toBe((await thumbs(ctx)).length);
    expect(ctx.imageFeatures.status()).toMatchObject({ running: false, done: 3, total: 3, failed: [] });
  });
});

describe('starting with older image features', () => {
  it('answers while the pass runs, and reports an image whose file is gone', async () => {
    const folder = tempDir();
    const config = testConfig(path.join(folder.dir, 'data'));
    const dialogs = createQueuedDialogs();
    try {
      const first = await startServices(config, dialogs);
      const logos = [starSvg, ringSvg, flagSvg('#1d3f8f')];
      let gone = '';
      for (const [i, logo] of logos.entries()) {
        const mark = await valueOf<StoredMark>(first.dispatch('registry.create', { mark: sampleMark({ id: `Q${i}`, name: `图样${i}` }) }));
        const file = path.join(folder.dir, `Q${i}.png`);
        writeFileSync(file, await sharp(logo).png().toBuffer());
        dialogs.queue(file);
        const { token } = await valueOf<{ token: string }>(first.dispatch('files.open', { purpose: 'image' }));
        const image = await valueOf<{ sha256: string; format: string }>(first.dispatch('registry.addImage', { key: mark.key, fileToken: token }));
        if (i === 1) gone = imageFile(first.ctx, image);
      }
      await makeAllOlder(first.ctx);
      first.close();
      await first.ctx.imageFeatures.stop();
      rmSync(gone);

      const next = await startServices(config, dialogs);
      try {
        // started, not awaited: the app answers while the images are computed
        expect(next.ctx.imageFeatures.status().running).toBe(true);
        expect(await valueOf<{ markCount: number }>(next.dispatch('app.info', {}))).toMatchObject({ markCount: expect.any(Number) });
        await next.ctx.imageFeatures.whenIdle();
        const status = next.ctx.imageFeatures.status();
        expect(status).toMatchObject({ running: false, done: 3, total: 3 });
        // named by the mark that has it, as the clerk knows it
        expect(status.failed).toEqual([`保护名录中「图样1」（Q1）的图样文件缺失（${path.basename(gone).slice(0, 12)}），无法重新计算图形特征，暂不参与图形比对`]);
        expect(await loadRegistryLogos(next.ctx)).toMatchObject({ stale: 1 });
        expect((await loadRegistryLogos(next.ctx)).entries.map((e) => e.markId)).toEqual(['Q0', 'Q2']);
      } finally {
        next.close();
        await next.ctx.imageFeatures.stop();
      }
    } finally {
      folder.remove();
    }
  });
});
