// Applicant and agency profiles and the dashboard's figures on both stores: counts, searches, sorts, the weeks hits
// are counted in, and the one definition of overdue that the dashboard and the queue share.
import { expect, it } from 'vitest';
import type { Dashboard, HitRow, ProfileRow } from '../../../shared/contract/screening';
import { importGazette, onBothStores } from './both-stores';

type Profiles = { total: number; rows: ProfileRow[] };

onBothStores('profiles', (store) => {
  it('counts what each applicant filed and hit, searches names without regard to Latin case, and sorts', async () => {
    await importGazette(store);
    const byName = await store.call<Profiles>('profiles.list', { kind: 'applicant', sortBy: 'name', sortDir: 'asc' });
    expect(byName.rows.map((row) => [row.name, row.filings, row.hits])).toEqual([
      ['Alpha贸易有限公司', 2, 4],
      ['Beta商贸有限公司', 2, 2],
      ['alpha贸易有限公司', 1, 1],
    ]);
    const alpha = byName.rows[0];
    expect(alpha).toMatchObject({ classes: 2, distinctMarksHit: 4, publicResourceHits: 1, firstDate: '2026-05-01', lastDate: '2026-05-01' });
    const searched = await store.call<Profiles>('profiles.list', { kind: 'applicant', search: 'ALPHA', sortBy: 'name', sortDir: 'asc' });
    expect(searched.rows.map((row) => row.name)).toEqual(['Alpha贸易有限公司', 'alpha贸易有限公司']);
    // % and _ are letters a clerk types, not wildcards
    expect((await store.call<Profiles>('profiles.list', { kind: 'applicant', search: '%' })).total).toBe(0);
    const byHits = await store.call<Profiles>('profiles.list', { kind: 'applicant', sortBy: 'hits', sortDir: 'desc', limit: 2 });
    expect(byHits).toMatchObject({ total: 3 });
    expect(byHits.rows.map((row) => row.name)).toEqual(['Alpha贸易有限公司', 'Beta商贸有限公司']);
    const paged = await store.call<Profiles>('profiles.list', { kind: 'applicant', sortBy: 'hits', sortDir: 'desc', offset: 2, limit: 2 });
    expect(paged.rows.map((row) => row.name)).toEqual(['alpha贸易有限公司']);
    expect((await store.call<Profiles>('profiles.list', { kind: 'applicant', onlyWithHits: false })).total).toBe(3);
    const agencies = await store.call<Profiles>('profiles.list', { kind: 'agency', sortBy: 'name', sortDir: 'asc' });
    expect(agencies.rows.map((row) => row.name)).toEqual(['某某知识产权代理有限公司', '西宁某知识产权代理有限公司']);
  });

  it('opens one profile with its hits, exactly by name', async () => {
    await importGazette(store);
    const profile = await store.call<ProfileRow & { hitRows: HitRow[] }>('profiles.get', { kind: 'applicant', name: 'alpha贸易有限公司' });
    expect(profile).toMatchObject({ name: 'alpha贸易有限公司', filings: 1, hits: 1 });
    expect(profile.hitRows.map((hit) => hit.filing?.applicationNumber)).toEqual(['81000002']);
  });
});

onBothStores('the dashboard', (store) => {
  it('totals, counts hits per category and per week, and counts as overdue what the queue lists as overdue', async () => {
    await importGazette(store);
    const dashboard = await store.call<Dashboard>('dashboard.summary', {});
    expect(dashboard.totals).toEqual({ filings: 5, listings: 0, hits: 7, undecided: 7, confirmed: 0, dismissed: 0, overdue: 1, dueWithin14: 1 });
    const overdue = await store.call<{ total: number }>('hits.query', { source: 'filing', deadline: 'overdue', decision: 'undecided' });
    expect(overdue.total).toBe(dashboard.totals.overdue);
    expect(dashboard.dueSoon.map((hit) => hit.filing?.applicationNumber)).toEqual(['81000003', '81000003']);
    // the deadlines page: open ones nearest first, then the overdue ones
    const upcoming = await store.call<HitRow[]>('deadlines.upcoming', { withinDays: 30 });
    expect(upcoming.map((hit) => [hit.filing?.applicationNumber, hit.filing?.daysLeft])).toEqual([['81000003', 11], ['81000003', 11], ['81000001', -9], ['81000001', -9]]);
    expect(dashboard.hitsByCategory.filter((c) => c.hits > 0)).toEqual([
      { category: '驰名商标', hits: 2, confirmed: 0 },
      { category: '地理标志', hits: 1, confirmed: 0 },
      { category: '省著名商标', hits: 1, confirmed: 0 },
      { category: '公共资源', hits: 3, confirmed: 0 },
    ]);
    // by gazette publication: 08-20 (Thursday), 09-10 (Thursday), 11-20 (Friday); each under its Monday
    expect(dashboard.hitsPerWeek).toEqual([
      { week: '2026-08-17', hits: 2, confirmed: 0 },
      { week: '2026-09-07', hits: 2, confirmed: 0 },
      { week: '2026-11-16', hits: 3, confirmed: 0 },
    ]);
    expect(dashboard.topApplicants.map((row) => row.name)).toEqual(['Alpha贸易有限公司', 'Beta商贸有限公司', 'alpha贸易有限公司']);

    const [hit] = (await store.call<{ rows: HitRow[] }>('hits.query', { source: 'filing', deadline: 'overdue' })).rows;
    if (!hit) throw new Error('no overdue hit');
    await store.call('hits.decide', { hitIds: [hit.hitId], decision: 'confirmed' });
    const found = await store.call<Dashboard>('dashboard.summary', { weekBasis: 'found', period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(found.totals).toMatchObject({ overdue: 0, confirmed: 2, undecided: 5 });
    // the test clock's today is Sunday 2026-11-29: every hit was found in the week of Monday 2026-11-23
    expect(found.hitsPerWeek).toEqual([{ week: '2026-11-23', hits: 7, confirmed: 2 }]);
    expect(found.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', hitsFound: 7, confirmed: 2, dismissed: 0, lettersIssued: 0 });
    const before = await store.call<Dashboard>('dashboard.summary', { period: { from: '2026-10-01', to: '2026-10-31' } });
    expect(before.period).toMatchObject({ hitsFound: 0, confirmed: 0 });
  });
});
