// Images of figurative marks (issue 12, item 5): migration 7's tables, content-addressed files beside the database,
// refusal of what is not an image, and the registry's images found again from a mirrored copy.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import logoImages from '../../electron/db/migrations/009-logo-images';
import { addMarkImage, IMAGES_FOLDER, imageFile, loadRegistryLogos, storeImage } from '../../electron/logos/store';
import { decodeFeatures, queryFromStored } from '../../electron/logos/stored-features';
import { logoFeatures } from '../../electron/logos/features';
import { createRegistryService } from '../../electron/registry/service';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import type { ProtectedMark } from '../../shared/domain';
import { openTestContext, tempDir } from './support/context';
import { IMAGE_FORMATS_LABEL } from '../../shared/formats/images';

const contexts: Array<{ cleanup(): void }> = [];
afterEach(() => contexts.splice(0).forEach((c) => c.cleanup()));
function context() {
  const ctx = openTestContext();
  contexts.push(ctx);
  return ctx;
}

const flag = (fill: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="14" height="160" fill="${fill}"/>
  <polygon points="44,24 160,50 44,96" fill="#c22"/><circle cx="140" cy="150" r="30" fill="${fill}"/></svg>`)).png().toBuffer();
const ring = () => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
  <rect width="200" height="200" fill="#fff"/><circle cx="100" cy="100" r="60" fill="none" stroke="#222" stroke-width="24"/>
  <rect x="20" y="170" width="160" height="12" fill="#222"/></svg>`)).png().toBuffer();

const mark = (id: string, name: string): ProtectedMark => ({
  id, name, category: '省著名商标', classes: [30], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '',
});

describe('migration 7 (logo images)', () => {
  it('creates images, mark_images and filing_images; a mark removed takes its image links with it', () => {
    const folder = tempDir();
    try {
      const db = new Database(path.join(folder.dir, 't.sqlite'));
      applyMigrations(db, MIGRATIONS.filter((m) => m.version <= logoImages.version));
      const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining(['images', 'mark_images', 'filing_images']));
      db.pragma('foreign_keys = ON');
      db.prepare("INSERT INTO protected_marks (key, mark_id, name, category, created_at, updated_at) VALUES (1, 'A', '甲', '老字号', 'x', 'x')").run();
      db.prepare("INSERT INTO images VALUES (?, 'png', 1, 1, 1, '0000000000000000', '0000000000000000', x'00', 'x')").run('a'.repeat(64));
      db.prepare("INSERT INTO mark_images VALUES (1, ?, 1, 'x')").run('a'.repeat(64));
      expect(() => db.prepare("INSERT INTO images VALUES ('short', 'png', 1, 1, 1, '0', '0', x'00', 'x')").run()).toThrow(/CHECK/);
      db.prepare('DELETE FROM protected_marks WHERE key = 1').run();
      expect(db.prepare('SELECT count(*) AS n FROM mark_images').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 1 });
      db.close();
    } finally {
      folder.remove();
    }
  });
});

/** A registry with one mark, F1 旗帜, given the flag as its image. */
async function withFlagMark(): Promise<ReturnType<typeof context>> {
  const ctx = context();
  const flagMark = await createRegistryService(ctx).create(mark('F1', '旗帜'));
  expect((await addMarkImage(ctx, flagMark.key, await flag('#1d3f8f'))).ok).toBe(true);
  return ctx;
}

describe('logo image store', () => {
  it('stores an image once under its SHA-256 beside the database, with its hashes', async () => {
    const ctx = context();
    const bytes = await flag('#1d3f8f');
    const a = await storeImage(ctx, bytes);
    const b = await storeImage(ctx, bytes);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok) return;
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(a.value).toEqual({ sha256: sha, format: 'png', width: 200, height: 200 });
    expect(readFileSync(imageFile(ctx, a.value))).toEqual(bytes);
    expect(path.dirname(path.dirname(imageFile(ctx, a.value)))).toBe(path.join(path.dirname(ctx.databasePath), IMAGES_FOLDER));
    expect(ctx.db.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 1 });
    const row = ctx.db.prepare('SELECT phash, thumb FROM images').get() as { phash: string; thumb: Buffer };
    expect(row.phash).toMatch(/^[0-9a-f]{16}$/);
    // the 32 × 32 figure, then the versioned trailer with its box shape and its crops
    expect(decodeFeatures(row.thumb)?.variants.filter((v) => v.kind === 'crop').length).toBe(8);
  });

  it('refuses what is not an image, an empty figure and an empty file in Chinese, writing nothing', async () => {
    const ctx = context();
    const blank = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#fff' } }).png().toBuffer();
    const results = [await storeImage(ctx, Buffer.from('%PDF-1.4 not an image')), await storeImage(ctx, blank), await storeImage(ctx, Buffer.alloc(0))];
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual([
      `无法读取图片：不是可识别的图片文件（支持 ${IMAGE_FORMATS_LABEL}）`,
      '图片为空白，没有可比对的图形',
      '图片文件为空',
    ]);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM images').get()).toEqual({ n: 0 });
    expect(existsSync(path.join(ctx.config.dataDir, IMAGES_FOLDER)) ? readdirSync(path.join(ctx.config.dataDir, IMAGES_FOLDER)) : []).toEqual([]);
  });

  it('gives a mark its images, notes it in the audit log, and finds the mark from a mirrored copy but not from another figure', async () => {
    const ctx = context();
    const registry = createRegistryService(ctx);
    const flagMark = await registry.create(mark('F1', '旗帜'));
    const ringMark = await registry.create(mark('R1', '圆环'));
    expect((await addMarkImage(ctx, flagMark.key, await flag('#1d3f8f'))).ok).toBe(true);
    expect((await addMarkImage(ctx, ringMark.key, await ring())).ok).toBe(true);
    expect(await addMarkImage(ctx, 9999, await ring())).toEqual({ ok: false, error: { kind: 'not-found', message: '找不到该保护名录记录' } });
    expect((await registry.history(flagMark.key)).map((e) => e.note)).toContainEqual(expect.stringMatching(/^添加图样 [0-9a-f]{12}$/));

    const { index, entries } = await loadRegistryLogos(ctx);
    expect(entries.map((e) => e.markId)).toEqual(['F1', 'R1']);
    const mirrored = await logoFeatures(await sharp(await flag('#0a7d35')).flop().jpeg({ quality: 70 }).toBuffer());
    if (!mirrored.ok) throw new Error(mirrored.error.message);
    const found = index.search(mirrored.value, LOGO_RULE).map((m) => entries[m.index]!.markId);
    expect(found).toEqual(['F1']);
    const other = await logoFeatures(await sharp({ create: { width: 100, height: 100, channels: 3, background: '#fff' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><polygon points="30,0 60,60 0,60" fill="#000"/></svg>'), left: 20, top: 20 }])
      .png().toBuffer());
    if (!other.ok) throw new Error(other.error.message);
    expect(index.search(other.value, LOGO_RULE)).toEqual([]);
  });

  it('finds the mark from a copy with an element added at the side and from a copy cut on one side', async () => {
    const ctx = await withFlagMark();
    const { index, entries } = await loadRegistryLogos(ctx);
    const withStar = await sharp(await flag('#1d3f8f')).extend({ right: 60, background: '#fff' })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="30"><circle cx="15" cy="15" r="14" fill="#e80"/></svg>'), left: 215, top: 30 }])
      .png().toBuffer();
    const cut = await sharp(await flag('#1d3f8f')).extract({ left: 40, top: 0, width: 160, height: 200 }).png().toBuffer();
    for (const [name, bytes, via] of [['added', withStar, 'peel'], ['cut', cut, 'crop']] as const) {
      const query = await logoFeatures(bytes, { crops: false });
      if (!query.ok) throw new Error(query.error.message);
      const found = index.search(query.value, LOGO_RULE).map((m) => ({ name, id: entries[m.index]!.markId, via: m.via }));
      expect(found).toEqual([{ name, id: 'F1', via }]);
    }
  });

  it('finds a badge stored in the registry from a small JPEG of it, through the symmetric hash and inner detail it stored', async () => {
    const badge = (inner: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240">
      <rect width="100%" height="100%" fill="#fff"/><circle cx="120" cy="112" r="90" fill="#1d3f8f"/>${inner}
      <rect x="60" y="208" width="120" height="16" fill="#1d3f8f"/></svg>`)).flatten({ background: '#fff' });
    const star = '<polygon points="120,52 136,100 186,100 146,128 160,176 120,148 80,176 94,128 54,100 104,100" fill="#e8c020"/>';
    const ringInside = '<circle cx="120" cy="112" r="42" fill="none" stroke="#e8c020" stroke-width="16"/>';
    const ctx = context();
    const registry = createRegistryService(ctx);
    for (const [id, inner] of [['B1', star], ['B2', ringInside]] as const) {
      const created = await registry.create(mark(id, `徽章${id}`));
      expect((await addMarkImage(ctx, created.key, await badge(inner).png().toBuffer())).ok).toBe(true);
    }
    // the detail went into the database and comes back with the features
    const stored = ctx.db.prepare('SELECT thumb FROM images').all() as Array<{ thumb: Buffer }>;
    expect(stored.every((r) => decodeFeatures(r.thumb)?.symmetric !== undefined)).toBe(true);
    const { index, entries } = await loadRegistryLogos(ctx);
    const copy = await logoFeatures(await badge(star).resize(130).jpeg({ quality: 45 }).toBuffer(), { crops: false });
    if (!copy.ok) throw new Error(copy.error.message);
    // the symmetric path alone finds it (the difference hashes with the colours, LogoRule.byDhash, find it as well)
    expect(index.search(copy.value, { ...LOGO_RULE, byDhash: undefined, colourCells: undefined }).map((m) => ({ id: entries[m.index]!.markId, via: m.via }))).toEqual([{ id: 'B1', via: 'symmetric' }]);
    expect(index.search(copy.value, LOGO_RULE).map((m) => entries[m.index]!.markId)).toEqual(['B1']);
  });

  it('finds a filing whose logo changed one element of a registry logo, through the parts both stored', async () => {
    const ctx = await withFlagMark();
    // the pole, the pennant and the disc are the logo's parts, kept in the database with its features
    const [registered] = ctx.db.prepare('SELECT thumb FROM images').all() as Array<{ thumb: Buffer }>;
    expect(decodeFeatures(registered!.thumb)!.parts).toHaveLength(3);
    // the filing: the disc became a bar, printed as a JPEG
    const changed = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200">
      <rect width="200" height="200" fill="#fff"/><rect x="30" y="20" width="14" height="160" fill="#1d3f8f"/>
      <polygon points="44,24 160,50 44,96" fill="#c22"/><rect x="96" y="150" width="96" height="18" fill="#1d3f8f"/></svg>`))
      .jpeg({ quality: 75 }).toBuffer();
    const stored = await storeImage(ctx, changed);
    if (!stored.ok) throw new Error(stored.error.message);
    const row = ctx.db.prepare('SELECT thumb FROM images WHERE sha256 = ?').get(stored.value.sha256) as { thumb: Buffer };
    const query = queryFromStored(row.thumb)!;
    expect(query.parts).toHaveLength(3);
    const { index, entries } = await loadRegistryLogos(ctx);
    expect(index.search(query, LOGO_RULE).map((m) => ({ id: entries[m.index]!.markId, via: m.via }))).toEqual([{ id: 'F1', via: 'parts' }]);
    // the same filing without its parts compared is not found: the whole figure changed too much
    expect(index.search(query, { ...LOGO_RULE, parts: undefined })).toEqual([]);
  });

  it('screens a stored gazette image as a query: the logo in a drawn frame, tilted, or on a label in a product photo', async () => {
    // a batch's images are stored as a registry's are (one images table, by SHA-256), and screened from what was
    // stored: the figure inside a frame, the query turned back square and the figure a label holds must be there
    const ctx = await withFlagMark();
    const { index, entries } = await loadRegistryLogos(ctx);
    const drawnFlag = await flag('#1d3f8f');
    const framed = await sharp(drawnFlag).extend({ top: 26, bottom: 26, left: 26, right: 26, background: '#fff' })
      .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="252" height="252">
        <rect x="16" y="16" width="220" height="220" fill="none" stroke="#333" stroke-width="4"/></svg>`), left: 0, top: 0 }])
      .jpeg({ quality: 80 }).toBuffer();
    const tilted = await sharp(drawnFlag).rotate(10, { background: '#fff' }).jpeg({ quality: 85 }).toBuffer();
    const label = await sharp(drawnFlag).resize(200).png().toBuffer();
    const onProduct = await sharp({ create: { width: 560, height: 460, channels: 3, background: '#7a8a99' } })
      .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="560" height="460">
        <rect x="120" y="40" width="320" height="400" rx="40" fill="#c8b27a"/></svg>`), left: 0, top: 0 }, { input: label, left: 180, top: 130 }])
      .jpeg({ quality: 85 }).toBuffer();
    const inRegistryMode: string[] = [];
    for (const [name, bytes] of [['framed', framed], ['tilted', tilted], ['on a product', onProduct]] as const) {
      const fresh = await logoFeatures(bytes, { crops: false });
      if (!fresh.ok) throw new Error(fresh.error.message);
      expect({ name, found: index.search(fresh.value, LOGO_RULE).map((m) => entries[m.index]!.markId) }).toEqual({ name, found: ['F1'] });
      const stored = await storeImage(ctx, bytes, 'query');
      if (!stored.ok) throw new Error(stored.error.message);
      const row = ctx.db.prepare('SELECT thumb FROM images WHERE sha256 = ?').get(stored.value.sha256) as { thumb: Buffer };
      const query = queryFromStored(row.thumb)!;
      expect({ name, found: index.search(query, LOGO_RULE).map((m) => entries[m.index]!.markId) }).toEqual({ name, found: ['F1'] });
      const registryOnly = await logoFeatures(bytes, { queryVariants: false });
      if (!registryOnly.ok) throw new Error(registryOnly.error.message);
      if (index.search(registryOnly.value, LOGO_RULE).length > 0) inRegistryMode.push(name);
    }
    // the registry's features alone (no query variants) find none of the three: the query's own variants find them
    expect(inRegistryMode).toEqual([]);
  });

  it('hashes a gazette image again for the registry when a mark is given it, so that a cut copy of it is found', async () => {
    const ctx = context();
    const registry = createRegistryService(ctx);
    const flagMark = await registry.create(mark('F1', '旗帜'));
    const bytes = await flag('#1d3f8f');
    const asQuery = await storeImage(ctx, bytes, 'query');
    if (!asQuery.ok) throw new Error(asQuery.error.message);
    const thumbOf = () => (ctx.db.prepare('SELECT thumb FROM images WHERE sha256 = ?').get(asQuery.value.sha256) as { thumb: Buffer }).thumb;
    // stored for a query: no crops
    expect(decodeFeatures(thumbOf())!.variants.some((v) => v.kind === 'crop')).toBe(false);
    expect((await addMarkImage(ctx, flagMark.key, bytes)).ok).toBe(true);
    expect(decodeFeatures(thumbOf())!.variants.filter((v) => v.kind === 'crop').length).toBeGreaterThan(0);
    const { index, entries } = await loadRegistryLogos(ctx);
    const cut = await logoFeatures(await sharp(bytes).extract({ left: 40, top: 0, width: 160, height: 200 }).png().toBuffer(), { crops: false });
    if (!cut.ok) throw new Error(cut.error.message);
    expect(index.search(cut.value, LOGO_RULE).map((m) => ({ id: entries[m.index]!.markId, via: m.via }))).toEqual([{ id: 'F1', via: 'crop' }]);
    // and the same image in a gazette again keeps the features the registry needs
    expect((await storeImage(ctx, bytes, 'query')).ok).toBe(true);
    expect(decodeFeatures(thumbOf())!.variants.filter((v) => v.kind === 'crop').length).toBeGreaterThan(0);
  });

  it('computes again the features an older version stored, and leaves them out of the index until then', async () => {
    const ctx = await withFlagMark();
    // the layout before the trailer: the thumbnail alone
    ctx.db.prepare('UPDATE images SET thumb = substr(thumb, 1, 1024)').run();
    expect(await loadRegistryLogos(ctx)).toMatchObject({ entries: [], stale: 1 });
    await ctx.imageFeatures.ensureCurrent({});
    expect(ctx.imageFeatures.status().failed).toEqual([]);
    expect(await loadRegistryLogos(ctx)).toMatchObject({ entries: [{ markId: 'F1' }], stale: 0 });
    // nothing older is left for a pass to find
    ctx.imageFeatures.start();
    await ctx.imageFeatures.whenIdle();
    expect(ctx.imageFeatures.status()).toEqual({ running: false, done: 0, total: 0, failed: [] });
  });
});
