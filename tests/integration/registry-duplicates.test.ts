// One mark once (issue 10, item 3): the same name after folding in the same category is a duplicate, on create and
// on import, and is written only with the clerk's choice.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryService } from '../../electron/registry/service';
import { createRegistryImportService } from '../../electron/registry/import';
import { duplicateKey, foldedName } from '../../shared/registry-duplicates';
import { openTestContext, tempDir } from './support/context';
import { sampleMark } from './support/marks';

const HEADER = '编号,商标名称,类别,国际分类,注册号,权利人,别名,地域,认定日期,备注';

let ctx: ReturnType<typeof openTestContext>;
let registry: ReturnType<typeof createRegistryService>;
let imports: ReturnType<typeof createRegistryImportService>;
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  ctx = openTestContext();
  registry = createRegistryService(ctx);
  imports = createRegistryImportService(ctx);
  folder = tempDir();
});
afterEach(() => {
  ctx.cleanup();
  folder.remove();
});

function csv(name: string, rows: string[]): string {
  const file = path.join(folder.dir, name);
  writeFileSync(file, [HEADER, ...rows].join('\n'));
  return file;
}

const yak = (overrides: Parameters<typeof sampleMark>[0] = {}) =>
  sampleMark({ id: 'G01', name: '玉树牦牛', category: '地理标志', classes: [29], holder: '', aliases: [], ...overrides });

describe('duplicate names', () => {
  it('folds the name as the engine does: traditional, full-width and case are the same name', () => {
    expect(foldedName('玉樹犛牛')).toBe(foldedName('玉树牦牛'));
    expect(foldedName('ＫＵＮＬＵＮ 雪')).toBe(foldedName('kunlun雪'));
    // the note that the mark has a figure is not part of its name
    expect(foldedName('玉树牦牛及图')).toBe(foldedName('玉树牦牛'));
    expect(foldedName('图形')).not.toBe(foldedName('（图形）'));
    expect(duplicateKey({ name: '玉树牦牛', category: '地理标志' })).not.toBe(duplicateKey({ name: '玉树牦牛', category: '公共资源' }));
  });

  it('refuses a create that repeats a mark without a choice, and writes nothing', async () => {
    await registry.create(yak());
    await expect(registry.create(yak({ id: 'G02', name: '玉樹牦牛' }))).rejects.toThrow(/已有同名同类别的记录 G01「玉树牦牛」/);
    expect(await registry.list()).toHaveLength(1);
    expect((await registry.findDuplicates(yak({ id: 'G02' }))).map((m) => m.id)).toEqual(['G01']);
    // another category is another mark
    expect(await registry.findDuplicates(yak({ id: 'G02', category: '公共资源', classes: [] }))).toEqual([]);
  });

  it('merges on create: aliases and classes joined into the existing record, audited', async () => {
    const first = await registry.create(yak({ aliases: ['YUSHU YAK'] }));
    const merged = await registry.create(yak({ id: 'G02', name: '玉樹牦牛', classes: [29, 31], aliases: ['牦牛肉'], holder: '玉树州牦牛协会' }), 'merge');
    expect(merged.key).toBe(first.key);
    expect(merged).toMatchObject({ id: 'G01', classes: [29, 31], aliases: ['YUSHU YAK', '玉樹牦牛', '牦牛肉'], holder: '玉树州牦牛协会' });
    expect(await registry.list()).toHaveLength(1);
    expect((await registry.history(first.key))[0]).toMatchObject({ action: 'update', note: expect.stringContaining('合并') });
  });

  it('keeps both on create when the clerk says so', async () => {
    await registry.create(yak());
    await registry.create(yak({ id: 'G02' }), 'keep');
    expect((await registry.list()).map((m) => m.id)).toEqual(['G01', 'G02']);
  });

  it('reports duplicates within the file and against the registry, and refuses to commit without a choice', async () => {
    await registry.create(yak());
    const file = csv('名录.csv', [
      'G02,玉樹牦牛,地理标志,29;31,,,,,,', // repeats the registry's G01
      'N01,昆仑雪,省著名商标,32,,,,,,',
      'N02,崑崙雪,省著名商标,33,,,KLX,,,', // repeats row 2 of the file
      'G01,玉树牦牛,地理标志,29,,玉树州,,,,', // an update of G01 itself: not a duplicate
    ]);
    const preview = await imports.preview(file);
    expect(preview.duplicates).toEqual([
      { rowNumber: 2, id: 'G02', name: '玉樹牦牛', category: '地理标志', sameAsId: 'G01', sameAsName: '玉树牦牛', inFile: false },
      { rowNumber: 4, id: 'N02', name: '崑崙雪', category: '省著名商标', sameAsId: 'N01', sameAsName: '昆仑雪', inFile: true },
    ]);
    await expect(imports.commit(preview.token)).rejects.toThrow(/2 行与已有记录同名同类别/);
    expect(await registry.list()).toHaveLength(1);
  });

  it('merges all duplicates of an import: no triplicates after a create and an import', async () => {
    await registry.create(yak());
    const preview = await imports.preview(
      csv('名录.csv', ['G02,玉樹牦牛,地理标志,29;31,,,,,,', 'G03,玉树牦牛,地理标志,29,,,,,,', 'N01,昆仑雪,省著名商标,32,,,,,,', 'N02,崑崙雪,省著名商标,33,,,KLX,,,']),
    );
    imports.choose(preview.token, 'merge');
    expect(await imports.commit(preview.token)).toEqual({ created: 1, updated: 0, unchanged: 0, merged: 3, skipped: 0 });
    const marks = await registry.list();
    expect(marks.map((m) => m.id)).toEqual(['G01', 'N01']);
    expect(marks[0]).toMatchObject({ classes: [29, 31], aliases: ['玉樹牦牛'] });
    expect(marks[1]).toMatchObject({ classes: [32, 33], aliases: ['崑崙雪', 'KLX'] });
  });

  it('skips or keeps all duplicates of an import', async () => {
    await registry.create(yak());
    const rows = ['G02,玉樹牦牛,地理标志,29,,,,,,', 'N01,昆仑雪,省著名商标,32,,,,,,'];
    const skipped = await imports.preview(csv('a.csv', rows));
    imports.choose(skipped.token, 'skip');
    expect(await imports.commit(skipped.token)).toMatchObject({ created: 1, skipped: 1 });
    expect((await registry.list()).map((m) => m.id)).toEqual(['G01', 'N01']);

    const kept = await imports.preview(csv('b.csv', ['G02,玉樹牦牛,地理标志,29,,,,,,']));
    imports.choose(kept.token, 'keep');
    expect(await imports.commit(kept.token)).toMatchObject({ created: 1, merged: 0, skipped: 0 });
    expect((await registry.list()).map((m) => m.id)).toEqual(['G01', 'G02', 'N01']);
  });
});
