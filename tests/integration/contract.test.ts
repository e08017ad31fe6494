// The contract wrapper and both of its transports' shared parts, against real services on a real database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { startServices, type RunningServices } from '../../electron/startup';
import { AppFailure } from '../../shared/result';
import { tempDir, testConfig } from './support/context';
import { sampleMark } from './support/marks';

let services: RunningServices;
let folder: ReturnType<typeof tempDir>;
beforeEach(async () => {
  folder = tempDir();
  services = await startServices(testConfig(folder.dir), createQueuedDialogs());
});
afterEach(() => {
  services.close();
  folder.remove();
});

describe('contract dispatcher', () => {
  it('serves every channel of the contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(10);
  });

  it('rejects bad input with a clear Chinese message and changes nothing', async () => {
    const before = await services.dispatch('registry.list', {});
    const result = await services.dispatch('registry.create', { mark: { ...sampleMark(), classes: [46] } });
    expect(result).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/请求参数无效：mark\.classes\.0/) } });
    const wrongType = await services.dispatch('registry.delete', { key: '1; DROP TABLE protected_marks' });
    expect(wrongType.ok).toBe(false);
    const extra = await services.dispatch('registry.list', { sql: 'SELECT 1' });
    expect(extra).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await services.dispatch('registry.list', {})).toEqual(before);
  });

  it('names an unknown channel', async () => {
    expect(await services.dispatch('registry.drop', {})).toEqual({
      ok: false,
      error: { kind: 'invalid-input', message: '未知的请求「registry.drop」' },
    });
  });

  it('returns service failures as values with their kind', async () => {
    const created = await services.dispatch('registry.create', { mark: sampleMark() });
    expect(created.ok).toBe(true);
    const duplicate = await services.dispatch('registry.create', { mark: sampleMark() });
    expect(duplicate).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringContaining('T001') } });
    const missing = await services.dispatch('registry.history', { key: 999_999 });
    expect(missing).toEqual({ ok: true, value: [] });
    const dialog = await services.dispatch('files.open', { purpose: 'table' });
    expect(dialog).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });

  it('turns an unexpected exception into an internal error value, never a throw', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatcher(
      {
        'app.info': () => {
          throw new TypeError('boom');
        },
      } as never,
      (_message, error) => logged.push(error),
    );
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('boom') } });
    expect(logged).toHaveLength(1);
    const failing = createDispatcher({ 'app.info': () => { throw new AppFailure('not-found', '没有'); } } as never, () => {});
    expect(await failing('app.info', {})).toEqual({ ok: false, error: { kind: 'not-found', message: '没有' } });
  });
});

describe('first start', () => {
  it('fills an empty database with the sample registry once, and backs up at the next start', async () => {
    const info = await services.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { seededOnThisStart: true, schemaVersion: LATEST_SCHEMA_VERSION } });
    const list = await services.dispatch('registry.list', {});
    const names = list.ok ? (list.value as { name: string; category: string }[]) : [];
    expect(names.map((m) => m.name)).toEqual(expect.arrayContaining(['青海湖', '柴达木枸杞', '塔尔寺', '金诃', '西宁宾馆']));
    expect(new Set(names.map((m) => m.category)).size).toBe(6);

    services.close();
    services = await startServices(testConfig(folder.dir), createQueuedDialogs());
    expect(await services.dispatch('app.info', {})).toMatchObject({ ok: true, value: { seededOnThisStart: false } });
    const backups = await services.dispatch('backup.listAutomatic', {});
    expect(backups.ok && backups.value).toHaveLength(1);
  });

  it('does not bring the sample back after the user deleted every record', async () => {
    const list = await services.dispatch('registry.list', {});
    for (const mark of list.ok ? (list.value as { key: number; version: number }[]) : []) {
      await services.dispatch('registry.delete', { key: mark.key, version: mark.version });
    }
    services.close();
    services = await startServices(testConfig(folder.dir), createQueuedDialogs());
    expect(await services.dispatch('registry.list', {})).toEqual({ ok: true, value: [] });
  });
});
