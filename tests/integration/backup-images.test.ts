// Backups carry the images the database refers to (issue 12): inside the backup file, written back by a restore.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logoFeatures } from '../../electron/logos/features';
import { addMarkImage, imageFile, loadRegistryLogos } from '../../electron/logos/store';
import { createBackupService } from '../../electron/backup/service';
import { createRegistryService } from '../../electron/registry/service';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { startServices } from '../../electron/startup';
import { openTestContext, tempDir, testConfig } from './support/context';
import { sampleMark } from './support/marks';
import { marksRepository } from '../../electron/registry/marks';

let ctx: ReturnType<typeof openTestContext>;
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  ctx = openTestContext();
  folder = tempDir();
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

const emblem = () => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160">
  <rect width="160" height="160" fill="#fff"/><polygon points="80,10 150,150 10,150" fill="#b22"/>
  <circle cx="80" cy="105" r="22" fill="#fff"/></svg>`)).png().toBuffer();

describe('backups carry the images', () => {
  it('brings back a mark image whose file and row were deleted after the backup, and it loads and is found', async () => {
    const mark = await createRegistryService(ctx).create(sampleMark());
    const bytes = await emblem();
    const added = await addMarkImage(ctx, mark.key, bytes);
    if (!added.ok) throw new Error(added.error.message);
    const file = path.join(folder.dir, '备份.sqlite');
    await createBackupService(ctx).create(file);

    const packed = new Database(file, { readonly: true });
    expect(packed.prepare('SELECT sha256, length(bytes) AS n FROM backup_image_files').all()).toEqual([{ sha256: added.value.sha256, n: bytes.length }]);
    packed.close();

    rmSync(imageFile(ctx, added.value));
    ctx.db.prepare('DELETE FROM mark_images').run();
    ctx.db.prepare('DELETE FROM images').run();
    const restored = await createBackupService(ctx).restore(file);
    expect(restored.markCount).toBe(1);

    expect(readFileSync(imageFile(ctx, added.value))).toEqual(bytes);
    expect(ctx.db.prepare("SELECT name FROM sqlite_master WHERE name = 'backup_image_files'").get()).toBeUndefined();
    const { index, entries } = await loadRegistryLogos(ctx);
    expect(entries.map((e) => e.sha256)).toEqual([added.value.sha256]);
    const query = await logoFeatures(readFileSync(imageFile(ctx, added.value)));
    if (!query.ok) throw new Error(query.error.message);
    expect(index.search(query.value, LOGO_RULE).map((m) => entries[m.index]!.markKey)).toEqual([mark.key]);
    expect((await createRegistryService(ctx).history(mark.key)).length).toBeGreaterThan(0);
  });

  it('the automatic backup carries them too, and a restore never removes an image file of the replaced database', async () => {
    const mark = await createRegistryService(ctx).create(sampleMark());
    const backups = createBackupService(ctx);
    const before = await backups.automatic();
    const added = await addMarkImage(ctx, mark.key, await emblem());
    if (!added.ok) throw new Error(added.error.message);
    const after = await backups.automatic();
    const packed = new Database(after.path, { readonly: true });
    expect(packed.prepare('SELECT sha256 FROM backup_image_files').all()).toEqual([{ sha256: added.value.sha256 }]);
    packed.close();

    await backups.restore(before.path);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM mark_images').get()).toEqual({ n: 0 });
    // the replaced database (kept aside) still refers to it: the file stays
    expect(existsSync(imageFile(ctx, added.value))).toBe(true);
  });

  it('notes an image missing from disk and from the backup in the restore audit, restoring the rest', async () => {
    const mark = await createRegistryService(ctx).create(sampleMark());
    const added = await addMarkImage(ctx, mark.key, await emblem());
    if (!added.ok) throw new Error(added.error.message);
    rmSync(imageFile(ctx, added.value));
    const file = path.join(folder.dir, 'b.sqlite');
    await createBackupService(ctx).create(file);
    await createBackupService(ctx).restore(file);
    const note = (ctx.db.prepare("SELECT note FROM audit_log WHERE action = 'restore'").get() as { note: string }).note;
    expect(note).toContain('1 个图样文件缺失');
  });

  it('the start-up backup (taken before the database opens) carries them too', async () => {
    const dataDir = path.join(folder.dir, 'data');
    const first = await startServices(testConfig(dataDir), createQueuedDialogs());
    const added = await addMarkImage(first.ctx, (await marksRepository(first.ctx.data).list())[0]!.key, await emblem());
    if (!added.ok) throw new Error(added.error.message);
    first.close();
    const second = await startServices(testConfig(dataDir), createQueuedDialogs());
    try {
      const autos = createBackupService(second.ctx).listAutomatic();
      const packed = new Database(autos[0]!.path, { readonly: true });
      expect(packed.prepare('SELECT sha256 FROM backup_image_files').all()).toEqual([{ sha256: added.value.sha256 }]);
      packed.close();
    } finally {
      second.close();
    }
  });
});
