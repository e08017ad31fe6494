// The small ones of issue 10, item 8, through the real dispatcher: the 首次启动 notice ends with an import or a
// restore and counts the sample; the 经办人 of 设置 wins over the OS user; deleting a mark can say what it touches.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppInfo, AuditEntry, OperatorInfo, StoredMark } from '../../shared/api';
import { createRegistryService } from '../../electron/registry/service';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { startServices } from '../../electron/startup';
import { openTestContext, testConfig } from './support/context';
import { lettersApi, seedConfirmedHits } from './support/letters';
import { useRunningServices } from './support/services';
import { marksRepository } from '../../electron/registry/marks';

const harness = useRunningServices();

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await harness.services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

describe('first start', () => {
  it('reports the sample until a registry is imported, with the count of the sample', async () => {
    const first = await call<AppInfo>('app.info');
    expect(first).toMatchObject({ seededOnThisStart: true, batchCount: 0 });
    expect(first.seededCount).toBe(first.markCount);
    const file = path.join(harness.folder.dir, '名录.csv');
    writeFileSync(file, '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注\nN1,雪域金谷,省著名商标,30,,,,,,\n');
    const fileToken = harness.services.files.grant(file, 'table').token;
    const preview = await call<{ token: string }>('registry.importPreview', { fileToken });
    await call('registry.importCommit', { token: preview.token });
    const after = await call<AppInfo>('app.info');
    expect(after).toMatchObject({ seededOnThisStart: false, seededCount: first.seededCount, markCount: first.markCount + 1 });
  });

  it('ends the notice with a restore too', async () => {
    const backup = path.join(harness.folder.dir, 'b.sqlite');
    harness.dialogs.queue(backup);
    await call('backup.create');
    await call('backup.restore', { fileToken: harness.services.files.grant(backup, 'backup').token });
    expect((await call<AppInfo>('app.info')).seededOnThisStart).toBe(false);
  });
});

describe('经办人', () => {
  it('records the start-up name until 设置 holds another, which then wins', async () => {
    expect(await call<OperatorInfo>('settings.operator')).toEqual({ operator: '', systemName: '测试员', effective: '测试员' });
    const set = await call<OperatorInfo>('settings.setOperator', { operator: ' 王丽 ' });
    expect(set).toMatchObject({ operator: '王丽', effective: '王丽' });
    const mark = await call<StoredMark>('registry.create', {
      mark: { id: 'T1', name: '昆仑玉泉', category: '省著名商标', classes: [32], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '2015年6月1日', notes: '' },
    });
    expect(mark.recognizedOn).toBe('2015-06-01');
    const [entry] = await call<AuditEntry[]>('registry.history', { key: mark.key });
    expect(entry?.actor).toBe('王丽');
    // an empty name goes back to the OS user
    expect(await call<OperatorInfo>('settings.setOperator', { operator: '' })).toMatchObject({ effective: '测试员' });
  });

  it('is read again from the file after a restore and at the next start', async () => {
    await call('settings.setOperator', { operator: '王丽' });
    const backup = path.join(harness.folder.dir, 'with-wang.sqlite');
    harness.dialogs.queue(backup);
    await call('backup.create');
    await call('settings.setOperator', { operator: '李强' });
    expect(harness.services.ctx.config.actor).toBe('李强');
    await call('backup.restore', { fileToken: harness.services.files.grant(backup, 'backup').token });
    expect(harness.services.ctx.config.actor).toBe('王丽');
    harness.services.close();
    const again = await startServices(testConfig(path.join(harness.folder.dir, 'data')), createQueuedDialogs());
    try {
      expect(again.ctx.config.actor).toBe('王丽');
    } finally {
      again.close();
    }
  });

  it('refuses a name with control characters, in Chinese', async () => {
    const result = await harness.services.dispatch('settings.setOperator', { operator: '王\u0007丽' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/经办人/);
  });
});

describe('deleting a mark', () => {
  it('says how many hits and letters it touches (none for a fresh record)', async () => {
    const [first] = await call<StoredMark[]>('registry.list');
    expect(await call('registry.usage', { key: first!.key })).toEqual({ hits: 0, letters: 0 });
    const missing = await harness.services.dispatch('registry.usage', { key: 999_999 });
    expect(!missing.ok && missing.error.kind).toBe('not-found');
  });
});

describe('deleting a mark with hits and a letter', () => {
  it('counts the hits of the mark and the letters that cite them', async () => {
    const ctx = openTestContext();
    try {
      const hits = seedConfirmedHits(ctx);
      await lettersApi(ctx)['letters.draftFromHits']({ hitIds: [...hits.gi], kind: 'referral' });
      const gi = (await marksRepository(ctx.data).getByMarkId('GI-001'))!;
      expect(await createRegistryService(ctx).usage(gi.key)).toEqual({ hits: 3, letters: 1 });
    } finally {
      ctx.cleanup();
    }
  });
});
