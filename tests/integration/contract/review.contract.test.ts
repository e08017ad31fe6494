// The review queue on both stores: one row per filing, paged and sorted, filtered, its facets, decisions that name
// the version they were made on (a stale one is refused and writes nothing), undo, and the export of a query.
import path from 'node:path';
import { expect, it } from 'vitest';
import { readXlsxRows } from '../../../electron/tabular/xlsx';
import type { HitRow } from '../../../shared/contract/screening';
import { importGazette, onBothStores, type OnStore } from './both-stores';

type Page = { total: number; rows: HitRow[] };
const numbersOf = (page: Page) => page.rows.map((row) => row.filing?.applicationNumber);

async function queue(store: OnStore, query: Record<string, unknown>): Promise<Page> {
  return store.call<Page>('hits.query', { source: 'filing', ...query });
}

onBothStores('the review queue', (store) => {
  it('lists each filing once, sorts by every column the table offers, and pages without overlap', async () => {
    await importGazette(store);
    const all = await queue(store, { limit: 100 });
    expect(all.total).toBe(4);
    expect(new Set(numbersOf(all)).size).toBe(4);
    for (const row of all.rows) expect(row.marksHit?.some((m) => m.hitId === row.hitId)).toBe(true);
    // text is compared byte-wise on both stores: upper-case Latin sorts before lower-case
    expect(numbersOf(await queue(store, { sortBy: 'applicant', sortDir: 'asc' }))).toEqual(['81000001', '81000005', '81000003', '81000002']);
    expect(numbersOf(await queue(store, { sortBy: 'deadline', sortDir: 'asc' })).slice(0, 2)).toEqual(['81000001', '81000003']);
    expect(numbersOf(await queue(store, { sortBy: 'publishedOn', sortDir: 'desc' })).slice(2)).toEqual(['81000003', '81000001']);
    const byClass = await queue(store, { sortBy: 'niceClass', sortDir: 'asc' });
    expect(byClass.rows.map((row) => row.filing?.niceClass)).toEqual([5, 29, 29, 33]);
    for (const sortBy of ['score', 'mark', 'foundAt', 'applicant', 'deadline'] as const) {
      const whole = numbersOf(await queue(store, { sortBy, sortDir: 'desc' }));
      const paged = [...numbersOf(await queue(store, { sortBy, sortDir: 'desc', limit: 3 })), ...numbersOf(await queue(store, { sortBy, sortDir: 'desc', offset: 3, limit: 3 }))];
      expect(paged, sortBy).toEqual(whole);
    }
  });

  it('filters by text without regard to case, by exact applicant, deadline, class, category and decision', async () => {
    await importGazette(store);
    expect(numbersOf(await queue(store, { text: 'ALPHA', sortBy: 'applicant', sortDir: 'asc' }))).toEqual(['81000001', '81000005', '81000002']);
    expect(numbersOf(await queue(store, { applicant: 'alpha贸易有限公司' }))).toEqual(['81000002']);
    expect(numbersOf(await queue(store, { deadline: 'overdue' }))).toEqual(['81000001']);
    expect(numbersOf(await queue(store, { deadline: 'within14' }))).toEqual(['81000003']);
    expect((await queue(store, { deadline: 'open' })).total).toBe(3);
    expect(numbersOf(await queue(store, { niceClass: 5 }))).toEqual(['81000005']);
    expect(numbersOf(await queue(store, { category: '地理标志' }))).toEqual(['81000001']);
    expect(numbersOf(await queue(store, { gazetteIssue: '第1920期', text: '81000002' }))).toEqual(['81000002']);
    expect((await queue(store, { decision: 'confirmed' })).total).toBe(0);
  });

  it('counts the facets: marks by hits (ties by 编号), issues, classes, decisions and deadlines', async () => {
    await importGazette(store);
    const facets = await store.call<{
      marks: { markId: string; count: number }[]; gazetteIssues: string[]; classes: number[];
      counts: Record<string, number>; undecidedByDeadline: { actionable: number; overdue: number };
    }>('hits.facets', { source: 'filing' });
    const ordered = [...facets.marks].sort((a, b) => b.count - a.count || (a.markId < b.markId ? -1 : 1));
    expect(facets.marks).toEqual(ordered);
    expect(facets.marks.map((m) => m.markId)).toContain('QH-GG-001');
    expect(facets.gazetteIssues).toEqual(['第1920期']);
    expect(facets.classes).toEqual([5, 29, 33]);
    expect(facets.counts).toEqual({ undecided: 4, confirmed: 0, dismissed: 0 });
    expect(facets.undecidedByDeadline).toEqual({ actionable: 3, overdue: 1 });
  });

  it('decides on the versions seen, refuses a stale decision writing nothing, undoes, and decides all matching', async () => {
    await importGazette(store);
    const [row] = (await queue(store, { applicant: 'alpha贸易有限公司' })).rows;
    if (!row?.marksHit) throw new Error('no queue row');
    const seen = row.marksHit.map((m) => ({ hitId: m.hitId, version: m.version }));
    const decided = await store.call<{ updated: number; undoToken: number | null; versions: { hitId: number; version: number }[] }>('hits.decide', {
      hitIds: [row.hitId], seen, decision: 'dismissed', dismissReason: '权利人自有', note: '本地企业',
    });
    expect(decided.updated).toBe(row.marksHit.length);
    expect(decided.versions.every((v) => v.version === 1)).toBe(true);
    const stale = await store.dispatch('hits.decide', { hitIds: [row.hitId], seen, decision: 'confirmed' });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    const detail = await store.call<{ decision: string; dismissReason: string; decidedBy: string | null; version: number }>('hits.get', { hitId: row.hitId });
    expect(detail).toMatchObject({ decision: 'dismissed', dismissReason: '权利人自有', decidedBy: '测试员', version: 1 });

    if (decided.undoToken === null) throw new Error('a decision can be undone');
    expect((await store.call<{ restored: number }>('hits.undo', { undoToken: decided.undoToken })).restored).toBe(row.marksHit.length);
    expect((await store.call<{ decision: string }>('hits.get', { hitId: row.hitId })).decision).toBe('undecided');

    const matching = await store.call<{ updated: number }>('hits.decideMatching', { query: { source: 'filing', text: 'alpha' }, decision: 'confirmed' });
    expect(matching.updated).toBeGreaterThanOrEqual(3);
    expect(numbersOf(await queue(store, { decision: 'confirmed', sortBy: 'applicant', sortDir: 'asc' }))).toEqual(['81000001', '81000005', '81000002']);
    expect(await store.call('hits.facets', { source: 'filing' })).toMatchObject({ counts: { undecided: 1, confirmed: 3, dismissed: 0 } });
  });

  it('exports what a query matches, in its order, as XLSX', async () => {
    await importGazette(store);
    const target = path.join(store.harness.folder.dir, '复核.xlsx');
    store.harness.dialogs.queue(target);
    const saved = await store.call<{ status: string; rows: number }>('hits.export', { query: { source: 'filing', sortBy: 'applicant', sortDir: 'asc' } });
    expect(saved).toMatchObject({ status: 'saved' });
    const cells: string[] = [];
    for await (const row of readXlsxRows(target)) cells.push(row.cells.join('|'));
    const numbers = cells.map((line) => /8100000\d/.exec(line)?.[0]).filter((n) => n !== undefined);
    // a filing hitting two marks is exported once per mark, next to each other
    expect([...new Set(numbers)]).toEqual(['81000001', '81000005', '81000003', '81000002']);
    expect(numbers).toHaveLength(saved.rows);
  });
});
