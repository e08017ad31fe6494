// Issue 9, item 19: the main process owns every path. No channel's input accepts a path (the zod schemas are walked,
// every key at every depth), files to read are named by tokens bound to the main process's dialog, files to write are
// chosen and written in one call, and a cancelled dialog is a clear answer of its own.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, contract } from '../../shared/api';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { createFileGrants } from '../../electron/files/grants';
import { startServices, type RunningServices } from '../../electron/startup';
import { tempDir, testConfig } from './support/context';

/** Every object key an input schema accepts, with where it is ("registry.export.format"). */
function inputKeys(schema: z.ZodType, at: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (inner: unknown, where = at) => inputKeys(inner as z.ZodType, where, seen);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const catchall = def.catchall ? walk(def.catchall, `${at}.*`) : [];
      return [...Object.entries(shape).flatMap(([key, value]) => [`${at}.${key}`, ...walk(value, `${at}.${key}`)]), ...catchall];
    }
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return walk(def.innerType);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((o) => walk(o));
    case 'intersection':
      return [...walk(def.left), ...walk(def.right)];
    case 'array':
      return walk(def.element, `${at}[]`);
    case 'tuple':
      return (def.items as z.ZodType[]).flatMap((item) => walk(item, `${at}[]`));
    case 'record':
      return [...walk(def.keyType, `${at}{key}`), ...walk(def.valueType, `${at}{}`)];
    case 'pipe':
      return [...walk(def.in), ...walk(def.out)];
    case 'lazy':
      return walk((def.getter as () => unknown)());
    default:
      return [];
  }
}

const PATH_LIKE = /path|^dir$|directory|folder|^file$|filename|target|destination|location/i;

describe('no file paths in the contract', () => {
  it('the schema walk finds a path key at any depth (so that the next test means something)', async () => {
    const { z: zod } = await import('zod');
    const probe = zod.object({ a: zod.array(zod.union([zod.object({ b: zod.string() }), zod.object({ deep: zod.object({ savePath: zod.string() }).optional() })])) });
    expect(inputKeys(probe, 'probe').filter((key) => PATH_LIKE.test(key.split('.').pop() ?? ''))).toEqual(['probe.a[].deep.savePath']);
  });

  it('no channel’s input schema accepts a path-like field', () => {
    const found = CHANNELS.flatMap((channel) => inputKeys(contract[channel].input, channel)).filter((key) =>
      PATH_LIKE.test(key.split('.').pop()?.replace(/[[\]{}]/g, '') ?? ''),
    );
    expect(found).toEqual([]);
    // and the walk did see the channels' fields
    expect(inputKeys(contract['batches.startImport'].input, 'batches.startImport')).toContain('batches.startImport.fileToken');
  });

  it('refuses a path where a token is expected, in Chinese', () => {
    const parsed = contract['batches.previewFile'].input.safeParse({ fileToken: '/etc/passwd', kind: 'filing' });
    expect(parsed.success).toBe(false);
    expect(contract['registry.importPreview'].input.safeParse({ path: '/etc/passwd' }).success).toBe(false);
  });
});

describe('files chosen in the main process', () => {
  let services: RunningServices;
  let folder: ReturnType<typeof tempDir>;
  let dialogs: ReturnType<typeof createQueuedDialogs>;
  beforeEach(async () => {
    folder = tempDir();
    dialogs = createQueuedDialogs();
    services = await startServices(testConfig(path.join(folder.dir, 'data')), dialogs);
  });
  afterEach(() => {
    services.close();
    folder.remove();
  });

  it('a token from the open dialog previews and imports; a cancelled dialog says so', async () => {
    const file = path.join(folder.dir, '名录.csv');
    writeFileSync(file, '\uFEFF编号,商标名称,类别,国际分类\r\nX1,测试商标,省著名商标,29\r\n');
    dialogs.queue(null);
    expect(await services.dispatch('files.open', { purpose: 'table' })).toEqual({ ok: true, value: { status: 'cancelled' } });
    dialogs.queue(file);
    const chosen = await services.dispatch('files.open', { purpose: 'table' });
    expect(chosen).toEqual({ ok: true, value: { status: 'chosen', token: expect.stringMatching(/^ft-/), fileName: '名录.csv' } });
    const token = (chosen as { value: { token: string } }).value.token;
    const preview = await services.dispatch('registry.importPreview', { fileToken: token });
    expect(preview).toMatchObject({ ok: true, value: { fileName: '名录.csv', goodRows: 1 } });
  });

  it('a token only opens files for the purpose it was chosen for, and an unknown token is refused', async () => {
    const file = path.join(folder.dir, 'a.csv');
    writeFileSync(file, '编号\r\n');
    dialogs.queue(file);
    const chosen = (await services.dispatch('files.open', { purpose: 'table' })) as { value: { token: string } };
    const restore = await services.dispatch('backup.restore', { fileToken: chosen.value.token });
    expect(restore).toEqual({ ok: false, error: { kind: 'invalid-input', message: '所选文件已失效，请重新选择文件' } });
    const forged = await services.dispatch('batches.previewFile', { fileToken: 'ft-AAAAAAAAAAAAAAAAAAAAAAAA', kind: 'filing' });
    expect(forged).toMatchObject({ ok: false, error: { message: '所选文件已失效，请重新选择文件' } });
  });

  it('exports ask where to save and write in the same call; cancelling writes nothing', async () => {
    dialogs.queue(null);
    expect(await services.dispatch('registry.export', { format: 'xlsx' })).toEqual({ ok: true, value: { status: 'cancelled' } });
    const target = path.join(folder.dir, '名录导出');
    dialogs.queue(target);
    const saved = await services.dispatch('registry.export', { format: 'xlsx' });
    expect(saved).toMatchObject({ ok: true, value: { status: 'saved', savedTo: `${target}.xlsx` } });
    expect(readFileSync(`${target}.xlsx`).subarray(0, 2).toString()).toBe('PK');
    dialogs.queue(path.join(folder.dir, '备份.sqlite'));
    expect(await services.dispatch('backup.create', {})).toMatchObject({ ok: true, value: { status: 'saved', fileName: '备份.sqlite' } });
  });

  it('restores an automatic backup by its name only', async () => {
    const list = (await services.dispatch('backup.listAutomatic', {})) as { value: { fileName: string }[] };
    const bad = await services.dispatch('backup.restore', { automaticBackup: '../markguard.sqlite' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    if (list.value[0]) {
      expect(await services.dispatch('backup.restore', { automaticBackup: list.value[0].fileName })).toMatchObject({ ok: true });
    }
  });
});

describe('dropped files (the preload registers them for a token)', () => {
  it('grants only an existing CSV or XLSX file given by an absolute path', () => {
    const folder = tempDir();
    try {
      const grants = createFileGrants();
      const file = path.join(folder.dir, '公告.csv');
      writeFileSync(file, '申请号\n');
      const granted = grants.grantDropped(file);
      expect(granted).toEqual({ token: expect.stringMatching(/^ft-/), fileName: '公告.csv' });
      expect(grants.resolve(granted?.token ?? '', 'table')).toBe(file);
      expect(grants.grantDropped(folder.dir)).toBeNull();
      expect(grants.grantDropped(path.join(folder.dir, 'missing.csv'))).toBeNull();
      expect(grants.grantDropped('公告.csv')).toBeNull();
      expect(grants.grantDropped('/etc/passwd')).toBeNull();
      expect(() => grants.resolve(granted?.token ?? '', 'backup')).toThrow('所选文件已失效');
    } finally {
      folder.remove();
    }
  });
});
