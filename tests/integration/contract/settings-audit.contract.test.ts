// Settings and who acted, on both stores: the 经办人 of 设置 names the desktop's changes, a signed-in user of the
// server names hers (ahead of any 经办人), in the audit log of the registry and of decisions alike. (The letter
// settings are letters.contract.test.ts's.)
import { expect, it } from 'vitest';
import { actAs, type ActingUser } from '../../../electron/accounts/acting-user';
import { auditRepository } from '../../../electron/data/audit';
import type { AuditEntry, StoredMark } from '../../../shared/api';
import type { LetterDetail } from '../../../shared/contract/letters';
import type { HitDetail, HitRow } from '../../../shared/contract/screening';
import { importGazette, onBothStores, type OnStore } from './both-stores';

const ZHANG: ActingUser = { id: 7, login: 'zhangsan', displayName: '张三', role: '处长' };
const MARK = { id: 'S1', name: '昆仑雪', category: '省著名商标', classes: [32], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '' };

async function lakeHit(store: OnStore): Promise<number> {
  await importGazette(store);
  const [row] = (await store.call<{ rows: HitRow[] }>('hits.query', { source: 'filing', markId: 'QH-GG-001' })).rows;
  if (!row) throw new Error('the gazette hits 青海湖');
  return row.hitId;
}

onBothStores('settings and the audit log', (store) => {
  it('records the 经办人 of 设置 as the one who acted, and the start-up name again once it is cleared', async () => {
    expect(await store.call('settings.operator')).toMatchObject({ operator: '', effective: '测试员' });
    expect(await store.call('settings.setOperator', { operator: '  李四 ' })).toMatchObject({ operator: '李四', effective: '李四' });
    const created = await store.call<StoredMark>('registry.create', { mark: MARK });
    const hitId = await lakeHit(store);
    await store.call('hits.decide', { hitIds: [hitId], decision: 'confirmed', note: '近似' });
    expect(await store.call<HitDetail>('hits.get', { hitId })).toMatchObject({ decision: 'confirmed', decidedBy: '李四', decisionNote: '近似' });
    const [decided] = await auditRepository(store.harness.services.ctx.data).history('hit', String(hitId));
    expect(decided).toMatchObject({ actor: '李四', action: 'update', entity: 'hit' });

    await store.call('settings.setOperator', { operator: '' });
    await store.call('registry.update', { key: created.key, version: created.version, mark: { ...MARK, holder: '昆仑雪集团' } });
    const history = await store.call<AuditEntry[]>('registry.history', { key: created.key });
    expect(history.map((e) => [e.action, e.actor])).toEqual([['update', '测试员'], ['create', '李四']]);
  });

  it('names the signed-in user of a server request, ahead of the 经办人, in every record of what she did', async () => {
    await store.call('settings.setOperator', { operator: '李四' });
    const hitId = await lakeHit(store);
    const asZhang = <T>(channel: string, input: unknown) => actAs(ZHANG, () => store.call<T>(channel, input));
    const created = await asZhang<StoredMark>('registry.create', { mark: MARK });
    await asZhang('hits.decide', { hitIds: [hitId], decision: 'confirmed' });
    const draft = await asZhang<LetterDetail>('letters.draftFromHits', { hitIds: [hitId], kind: 'referral' });
    const issued = await asZhang<LetterDetail>('letters.issue', { id: draft.id });

    expect((await store.call<AuditEntry[]>('registry.history', { key: created.key }))[0]).toMatchObject({ action: 'create', actor: '张三（zhangsan）' });
    expect(await store.call<HitDetail>('hits.get', { hitId })).toMatchObject({ decidedBy: '张三（zhangsan）' });
    const [decided] = await auditRepository(store.harness.services.ctx.data).history('hit', String(hitId));
    expect(decided?.actor).toBe('张三（zhangsan）');
    expect(issued).toMatchObject({ createdBy: '张三（zhangsan）', issuedBy: '张三（zhangsan）' });
    // outside the request the 经办人 acts again
    await store.call('registry.update', { key: created.key, version: created.version, mark: { ...MARK, notes: '复核' } });
    expect((await store.call<AuditEntry[]>('registry.history', { key: created.key }))[0]?.actor).toBe('李四');
  });
});
