// Issue 9, item 14: registry.create and registry.update go through the importer's validation — NUL characters,
// impossible dates and absurd alias lists are refused with the same Chinese message whichever way they come in,
// and screening keeps working.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueuedDialogs } from '../../electron/bridge/dialogs';
import { readRegistryFile } from '../../electron/registry/import';
import { startServices, type RunningServices } from '../../electron/startup';
import { mapHeaders } from '../../shared/formats/headers';
import { TEXT_LIST_LIMITS } from '../../shared/formats/limits';
import { parseRegistryRow, REGISTRY_HEADERS } from '../../shared/formats/registry';
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

async function create(overrides: Parameters<typeof sampleMark>[0]) {
  return services.dispatch('registry.create', { mark: sampleMark(overrides) });
}

/** The reason the importer gives for the same record written as a registry file row. */
async function importReason(cells: string[]): Promise<string | undefined> {
  // a CSV file with a NUL byte is refused whole as binary; the importer's row rule is checked directly then
  if (cells.some((c) => c.includes('\u0000'))) {
    const columns = mapHeaders(REGISTRY_HEADERS.map((h) => h.header), REGISTRY_HEADERS);
    if (!columns.ok) throw new Error(columns.error);
    const parsed = parseRegistryRow(cells, columns.columns);
    return parsed.ok ? undefined : parsed.reason;
  }
  const file = path.join(folder.dir, `r${Math.random()}.csv`);
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  writeFileSync(file, `编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注\n${cells.map(quote).join(',')}\n`);
  return (await readRegistryFile(file)).problems[0]?.reason;
}

const cellsOf = (m: ReturnType<typeof sampleMark>) => [m.id, m.name, m.category, m.classes.join(';'), m.registrationNumber, m.holder, m.aliases.join(';'), m.region, m.recognizedOn, m.notes];

describe('registry validation for every way in', () => {
  it.each([
    ['a NUL character', { holder: '青海\u0000昆仑雪' }, /「权利人」含有不可见的控制字符/],
    ['an impossible date', { recognizedOn: '2019-02-31' }, /认定日期「2019-02-31」无效/],
    ['invalid bytes', { name: '昆仑\uFFFD' }, /「商标名称」含有无法识别的字节/],
    ['an over-long holder', { holder: '甲'.repeat(1000) }, /「权利人」过长/],
  ])('refuses %s in create and update with the importer’s message', async (_what, overrides, message) => {
    const count = async () => {
      const list = await services.dispatch('registry.list', {});
      return list.ok ? (list.value as unknown[]).length : -1;
    };
    const before = await count(); // the sample registry of the first start
    const created = await create(overrides);
    expect(created).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(message) } });
    const good = await create({ id: 'T-good' });
    if (!good.ok) throw new Error(good.error.message);
    const { key, version } = good.value as { key: number; version: number };
    const updated = await services.dispatch('registry.update', { key, version, mark: sampleMark(overrides) });
    expect(updated).toEqual({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(message) } });
    expect(await importReason(cellsOf(sampleMark(overrides)))).toMatch(message);
    expect(await count()).toBe(before + 1);
  });

  it('refuses 130,000 aliases and keeps screening working', async () => {
    const aliases = Array.from({ length: 130_000 }, (_, i) => `别名${i}`);
    const created = await create({ aliases });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.message).toMatch(new RegExp(`别名.*最多 ${TEXT_LIST_LIMITS.aliases.max} 个`));
    expect(await importReason(cellsOf(sampleMark({ aliases })))).toMatch(/别名.*最多/);
    expect((await create({ aliases: aliases.slice(0, TEXT_LIST_LIMITS.aliases.max) })).ok).toBe(true);
    const check = await services.dispatch('quickCheck', { text: '昆仑雪', niceClass: 32 });
    expect(check.ok).toBe(true);
  });

  it('accepts the date forms the importer accepts and stores them as YYYY-MM-DD', async () => {
    const created = await create({ recognizedOn: '2015年6月1日', holder: '\u202e青海昆仑雪饮品有限公司' });
    expect(created).toMatchObject({ ok: true, value: { recognizedOn: '2015-06-01', holder: '青海昆仑雪饮品有限公司' } });
  });
});
