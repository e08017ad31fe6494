// The registry on both stores (editing under concurrency is registry-concurrency.test.ts): the list in 编号 order,
// duplicates found by folded name, what a deletion touches, the history, importing a table with new, changed,
// duplicate and bad rows, and the export.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { AuditEntry, ImportPreview, StoredMark } from '../../../shared/api';
import type { ProtectedMark } from '../../../shared/domain';
import { readXlsxRows } from '../../../electron/tabular/xlsx';
import { importGazette, onBothStores, type OnStore } from './both-stores';

const mark = (id: string, name: string, more: Partial<ProtectedMark> = {}): ProtectedMark => ({
  id, name, category: '省著名商标', classes: [32], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '', ...more,
});
const HEADER = '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注';

async function importTable(store: OnStore, name: string, lines: string[]): Promise<ImportPreview> {
  const file = path.join(store.harness.folder.dir, name);
  writeFileSync(file, [HEADER, ...lines].join('\n'));
  return store.call<ImportPreview>('registry.importPreview', { fileToken: store.harness.services.files.grant(file, 'table').token });
}

onBothStores('the registry', (store) => {
  it('lists every record by 编号 byte for byte, finds duplicates by folded name, and tells what a deletion touches', async () => {
    for (const m of [mark('a-01', '雪山'), mark('Z-01', '冰川'), mark('QH-ZM-010', '高原红', { classes: [33, 32] })]) await store.call('registry.create', { mark: m });
    const ids = (await store.call<StoredMark[]>('registry.list')).map((m) => m.id);
    expect(ids).toHaveLength(48);
    expect(ids).toEqual([...ids].sort());
    expect(ids.slice(-2)).toEqual(['Z-01', 'a-01']);
    const created = (await store.call<StoredMark[]>('registry.list')).find((m) => m.id === 'QH-ZM-010');
    expect(created).toMatchObject({ classes: [32, 33], version: 0, createdAt: created?.updatedAt });

    const duplicates = await store.call<StoredMark[]>('registry.findDuplicates', { mark: mark('X-1', 'nike', { category: '涉外商标' }) });
    expect(duplicates.map((m) => m.id)).toEqual(['QH-SW-003']);
    const refused = await store.dispatch('registry.create', { mark: mark('X-1', '青海湖', { category: '公共资源' }) });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });

    await importGazette(store);
    const lake = (await store.call<StoredMark[]>('registry.list')).find((m) => m.id === 'QH-GG-001');
    if (!lake) throw new Error('the sample registry has 青海湖');
    expect(await store.call('registry.usage', { key: lake.key })).toEqual({ hits: 1, letters: 0 });
    expect(await store.call('registry.delete', { key: lake.key, version: lake.version })).toMatchObject({ deleted: true });
    const history = await store.call<AuditEntry[]>('registry.history', { key: lake.key });
    expect(history.map((e) => e.action)).toEqual(['delete', 'seed']);
    expect(history[0]).toMatchObject({ actor: '测试员', before: { id: 'QH-GG-001', name: '青海湖' }, after: null });
  });

  it('imports a table: new, changed and unchanged rows, bad rows listed, duplicates merged or skipped as chosen', async () => {
    await store.call('registry.create', { mark: mark('U-1', '冰川') });
    const preview = await importTable(store, '名录.csv', [
      'N-1,雪域金谷,省著名商标,30,,,,,,',
      'QH-GG-001,青海湖,公共资源,,,青海湖景区保护利用管理局,,青海,,已核实',
      'U-1,冰川,省著名商标,32,,,,,,',
      'N-2,,省著名商标,30,,,,,,',
      'N-3,可可西里,驰名商标,29,,,,,,',
    ]);
    expect(preview).toMatchObject({ totalRows: 5, newCount: 2, changedCount: 1, unchangedCount: 1 });
    expect(preview.problems.map((p) => p.rowNumber)).toEqual([5]);
    expect(preview.duplicates).toMatchObject([{ id: 'N-3', sameAsId: 'QH-CM-001', inFile: false }]);
    await store.call('registry.importChoose', { token: preview.token, duplicates: 'skip' });
    expect(await store.call('registry.importCommit', { token: preview.token })).toMatchObject({ created: 1, updated: 1, unchanged: 1, skipped: 1, merged: 0 });
    const list = await store.call<StoredMark[]>('registry.list');
    expect(list.find((m) => m.id === 'QH-GG-001')).toMatchObject({ holder: '青海湖景区保护利用管理局', notes: '已核实', version: 1 });
    expect(list.some((m) => m.id === 'N-3')).toBe(false);

    const merge = await importTable(store, '名录2.csv', ['N-4,可可西里,驰名商标,30,,,可可西里山,,,']);
    await store.call('registry.importChoose', { token: merge.token, duplicates: 'merge' });
    expect(await store.call('registry.importCommit', { token: merge.token })).toMatchObject({ created: 0, merged: 1 });
    const merged = (await store.call<StoredMark[]>('registry.list')).find((m) => m.id === 'QH-CM-001');
    expect(merged?.classes).toEqual([29, 30]);
    expect((await store.call<AuditEntry[]>('registry.history', { key: merged?.key ?? 0 }))[0]).toMatchObject({ action: 'update', actor: '测试员', after: { classes: [29, 30] } });
  });

  it('exports the whole registry in 编号 order', async () => {
    await store.call('registry.create', { mark: mark('a-01', '雪山') });
    const target = path.join(store.harness.folder.dir, '名录导出.xlsx');
    store.harness.dialogs.queue(target);
    expect(await store.call('registry.export', { format: 'xlsx' })).toMatchObject({ status: 'saved', rows: 46 });
    const ids: string[] = [];
    for await (const row of readXlsxRows(target)) ids.push(row.cells[0] ?? '');
    expect(ids.slice(1)).toEqual((await store.call<StoredMark[]>('registry.list')).map((m) => m.id));
  });
});
