// The image features pool (electron/logos/features-pool.ts) with its bundled worker: the same stored features as
// this thread computes, the same reason for an image without any, a thread that dies failing only the images it
// held, and the refresh of older features (features-refresh.ts) on the pool's threads.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodedFeatures } from '../../electron/logos/encoded-features';
import { eachInHand, FEATURES_WORKER, featuresPool, featuresPoolIn, inThreadFeatures } from '../../electron/logos/features-pool';
import { addMarkImage, loadRegistryLogos } from '../../electron/logos/store';
import { createFeaturesRefresh } from '../../electron/logos/features-refresh';
import { createRegistryService } from '../../electron/registry/service';
import { writeBmp } from '../fixtures/bmp-writer';
import { openTestContext } from './support/context';
import { sampleMark } from './support/marks';

// inside the project, as out/ is, so that the worker resolves sharp from node_modules
const cache = path.resolve(__dirname, '../../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'markguard-features-pool-'));
const script = path.join(work, FEATURES_WORKER);

beforeAll(async () => {
  await build({
    entryPoints: [path.resolve(__dirname, '../../electron/workers/image-features-worker.ts')], outfile: script,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'sharp', 'pg-native'], logLevel: 'warning',
  });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const logo = (fill: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="14" height="160" fill="${fill}"/>
  <polygon points="44,24 160,50 44,96" fill="#c22"/><circle cx="140" cy="150" r="30" fill="${fill}"/></svg>`));

describe('image features pool', () => {
  it('stores the same features as this thread, for either role, and the same reason for an image without any', async () => {
    const images = [
      await logo('#1d3f8f').png().toBuffer(),
      await logo('#207040').jpeg({ quality: 70 }).toBuffer(),
      await logo('#a02080').ensureAlpha().raw().toBuffer({ resolveWithObject: true }).then(({ data, info }) => writeBmp({ width: info.width, height: info.height, data })),
      Buffer.from('not an image'),
    ];
    const pool = featuresPool(script, 2);
    try {
      for (const role of ['registry', 'query'] as const) {
        const inPool = await Promise.all(images.map((bytes) => pool.features(bytes, role)));
        const here = await Promise.all(images.map((bytes) => encodedFeatures(bytes, role)));
        expect(inPool).toEqual(here);
        expect(inPool.slice(0, 3).every((r) => r.ok && Buffer.isBuffer(r.value.thumb))).toBe(true);
        expect(inPool[3]).toMatchObject({ ok: false });
      }
    } finally {
      await pool.close();
    }
  });

  it('computes a large image on threads whose young generation is held to FEATURES_THREAD_LIMITS, as this thread does', async () => {
    // a 1,000 × 1,000 PNG read in the thread (./png.ts: 3 MB of pixels, inflated whole) and a 2,400 px JPEG libvips shrinks
    const images = [await logo('#333').resize(1000, 1000).png().toBuffer(), await logo('#1d3f8f').resize(2400, 2400).jpeg().toBuffer()];
    const pool = featuresPool(script, 2);
    try {
      for (const role of ['registry', 'query'] as const) {
        const inPool = await Promise.all(images.map((bytes) => pool.features(bytes, role)));
        expect(inPool.every((r) => r.ok)).toBe(true);
        expect(inPool).toEqual(await Promise.all(images.map((bytes) => encodedFeatures(bytes, role))));
      }
    } finally {
      await pool.close();
    }
  });

  it('fails the images a dying thread held with a message, and computes the rest in this thread', async () => {
    const dying = path.join(work, 'exits.cjs');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const pool = featuresPool(dying, 1);
    const bytes = await logo('#1d3f8f').png().toBuffer();
    try {
      const held = await pool.features(bytes, 'query');
      expect(held).toEqual({ ok: false, error: { kind: 'internal', message: '图形特征线程意外退出（退出码 3），该图样未能存入，请重新导入' } });
      expect(await pool.features(bytes, 'query')).toEqual(await encodedFeatures(bytes, 'query'));
    } finally {
      await pool.close();
    }
  });

  it('keeps as many images in hand as asked, the next starting as one ends, and starts none after a failure', async () => {
    let inHand = 0;
    let most = 0;
    const started: number[] = [];
    const items = Array.from({ length: 20 }, (_, i) => i);
    await eachInHand(items, 3, async (i) => {
      started.push(i);
      most = Math.max(most, ++inHand);
      await new Promise((resolve) => setTimeout(resolve, i % 4));
      inHand--;
    });
    expect(most).toBe(3);
    expect(started.sort((a, b) => a - b)).toEqual(items);
    const tried: number[] = [];
    await expect(eachInHand(items, 2, async (i) => {
      tried.push(i);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (i === 4) throw new Error('写入失败');
    })).rejects.toThrow('写入失败');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Math.max(...tried)).toBeLessThanOrEqual(5);
  });

  it('is this thread without the bundled worker', () => {
    expect(featuresPoolIn(undefined)).toBe(inThreadFeatures);
    expect(featuresPoolIn(path.join(work, 'elsewhere'))).toBe(inThreadFeatures);
  });

  it('computes older stored features again on its threads, as this thread does', async () => {
    const results = [];
    for (const makePool of [() => inThreadFeatures, () => featuresPoolIn(work)]) {
      const ctx = openTestContext();
      const refresh = createFeaturesRefresh(ctx, makePool);
      try {
        for (const [i, fill] of ['#1d3f8f', '#207040', '#a02080'].entries()) {
          const mark = await createRegistryService(ctx).create(sampleMark({ id: `P${i}`, name: `图样${i}` }));
          expect((await addMarkImage(ctx, mark.key, await logo(fill).png().toBuffer())).ok).toBe(true);
        }
        const current = ctx.db.prepare('SELECT sha256, thumb FROM images ORDER BY sha256').all();
        // the layout before the trailer: the thumbnail alone
        ctx.db.prepare('UPDATE images SET thumb = substr(thumb, 1, 1024)').run();
        expect(await loadRegistryLogos(ctx)).toMatchObject({ entries: [], stale: 3 });
        refresh.start();
        await refresh.whenIdle();
        expect(refresh.status()).toEqual({ running: false, done: 3, total: 3, failed: [] });
        expect(ctx.db.prepare('SELECT sha256, thumb FROM images ORDER BY sha256').all()).toEqual(current);
        results.push((await loadRegistryLogos(ctx)).entries.map((e) => e.markId));
      } finally {
        await refresh.stop();
        ctx.cleanup();
      }
    }
    expect(results).toEqual([['P0', 'P1', 'P2'], ['P0', 'P1', 'P2']]);
  });
});
