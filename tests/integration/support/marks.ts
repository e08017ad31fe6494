import type { ProtectedMark } from '../../../shared/domain';
import type { AppContext } from '../../../electron/context';
import { markColumns } from '../../../electron/registry/marks';

export function sampleMark(overrides: Partial<ProtectedMark> = {}): ProtectedMark {
  return {
    id: 'T001',
    name: '昆仑雪',
    category: '省著名商标',
    classes: [32],
    registrationNumber: '1234567',
    holder: '青海昆仑雪饮品有限公司',
    aliases: ['KUNLUNXUE'],
    region: '',
    recognizedOn: '2009-06-01',
    notes: '',
    ...overrides,
  };
}

/**
 * A registry record written with SQL on the context's handle, for helpers that seed stored hits synchronously
 * (support/hits.ts, support/letters.ts); the record's columns are the repository's own. Returns its key.
 */
export function insertMarkRow(ctx: AppContext, mark: ProtectedMark, now: string): number {
  const row = { ...markColumns(mark), created_at: now, updated_at: now };
  const names = Object.keys(row);
  return Number(
    ctx.db.prepare(`INSERT INTO protected_marks (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row).lastInsertRowid,
  );
}
