// Letters on both stores: candidates from confirmed hits, a draft edited and issued under the next number of the
// year (two issued at once get two numbers) with the body code of the letter settings, discarded and superseded
// letters, and the archive's list.
import { expect, it } from 'vitest';
import type { LetterCandidate, LetterDetail, LetterSummary } from '../../../shared/contract/letters';
import type { LetterSettings } from '../../../shared/letters/model';
import type { Dashboard, HitRow } from '../../../shared/contract/screening';
import { importGazette, onBothStores, type OnStore } from './both-stores';

/** Confirms every hit of the gazette through the queue and answers the hit ids of each filing. */
async function confirmedGazette(store: OnStore): Promise<Map<string, number[]>> {
  await importGazette(store);
  await store.call('hits.decideMatching', { query: { source: 'filing' }, decision: 'confirmed' });
  const hits = await store.call<{ rows: HitRow[] }>('hits.query', { source: 'filing', limit: 100 });
  const byFiling = new Map<string, number[]>();
  for (const row of hits.rows) byFiling.set(row.filing?.applicationNumber ?? '', (row.marksHit ?? []).map((m) => m.hitId));
  return byFiling;
}

const first = (hits: Map<string, number[]>, number: string) => {
  const id = hits.get(number)?.[0];
  if (id === undefined) throw new Error(`no hit on ${number}`);
  return id;
};

onBothStores('letters', (store) => {
  it('drafts from confirmed hits, keeps an edit, and issues drafts under unique consecutive numbers, also at once', async () => {
    const hits = await confirmedGazette(store);
    const candidates = await store.call<LetterCandidate[]>('letters.candidates', { kind: 'referral' });
    expect(new Set(candidates.map((c) => c.facts.applicationNumber))).toEqual(new Set(['81000001', '81000002', '81000003', '81000005']));

    const draft = await store.call<LetterDetail>('letters.draftFromHits', { hitIds: [first(hits, '81000002')], kind: 'referral' });
    expect(draft).toMatchObject({ status: 'draft', documentNumber: null, createdBy: '测试员', applicationNumbers: ['81000002'] });
    const edited = await store.call<LetterDetail>('letters.update', { id: draft.id, fields: { ...draft.fields, recipient: '国家知识产权局商标局（测试）' } });
    expect(edited.recipient).toBe('国家知识产权局商标局（测试）');
    expect((await store.call<LetterCandidate[]>('letters.candidates', { kind: 'referral' })).map((c) => c.facts.applicationNumber)).not.toContain('81000002');

    const issued = await store.call<LetterDetail>('letters.issue', { id: draft.id });
    expect(issued).toMatchObject({ status: 'issued', documentNumber: '青市监商函〔2026〕1号', issuedBy: '测试员', recipient: '国家知识产权局商标局（测试）' });
    expect(issued.files.map((f) => f.format).sort()).toEqual(['docx', 'pdf']);

    const a = await store.call<LetterDetail>('letters.draftFromHits', { hitIds: [first(hits, '81000003')], kind: 'referral' });
    const b = await store.call<LetterDetail>('letters.draftFromHits', { hitIds: [first(hits, '81000005')], kind: 'referral' });
    const both = await Promise.all([store.call<LetterDetail>('letters.issue', { id: a.id }), store.call<LetterDetail>('letters.issue', { id: b.id })]);
    expect(both.map((l) => l.documentNumber).sort()).toEqual(['青市监商函〔2026〕2号', '青市监商函〔2026〕3号']);
    const again = await store.dispatch('letters.issue', { id: a.id });
    expect(again).toMatchObject({ ok: false });
    expect((await store.call<Dashboard>('dashboard.summary', {})).period.lettersIssued).toBe(3);
  });

  it('numbers with the body code of the letter settings, lists the archive, discards a draft and supersedes an issued letter', async () => {
    const settings = await store.call<LetterSettings>('letters.settings.get');
    const refused = await store.dispatch('letters.settings.set', { settings: { ...settings, bodyCode: '青 市监' } });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('机关代字不能含空格') as unknown } });
    expect(await store.call('letters.settings.get')).toEqual(settings);
    await store.call('letters.settings.set', { settings: { ...settings, bodyCode: '青知函', contactPerson: '王五' } });
    expect(await store.call('letters.settings.get')).toMatchObject({ bodyCode: '青知函', contactPerson: '王五' });
    const hits = await confirmedGazette(store);
    const issuedDraft = await store.call<LetterDetail>('letters.draftFromHits', { hitIds: [first(hits, '81000001')], kind: 'referral' });
    const issued = await store.call<LetterDetail>('letters.issue', { id: issuedDraft.id });
    const kept = await store.call<LetterDetail>('letters.draftFromHits', { hitIds: [first(hits, '81000005')], kind: 'referral' });
    const dropped = await store.call<LetterDetail>('letters.draftFromHits', { hitIds: [first(hits, '81000003')], kind: 'referral' });
    expect(await store.call('letters.discard', { id: dropped.id })).toEqual({ discarded: true });

    const list = await store.call<LetterSummary[]>('letters.list', {});
    expect(list.map((l) => [l.id, l.status])).toEqual([[kept.id, 'draft'], [issued.id, 'issued']]);
    expect((await store.call<LetterSummary[]>('letters.list', { status: 'issued' })).map((l) => l.id)).toEqual([issued.id]);
    const refs = await store.call<{ hitId: number; letters: { id: number }[] }[]>('letters.forHits', { hitIds: [first(hits, '81000001'), first(hits, '81000003')] });
    expect(refs.find((r) => r.hitId === first(hits, '81000001'))?.letters.map((l) => l.id)).toEqual([issued.id]);
    expect(refs.find((r) => r.hitId === first(hits, '81000003'))?.letters ?? []).toEqual([]);

    const successor = await store.call<LetterDetail>('letters.supersede', { id: issued.id });
    expect(successor).toMatchObject({ status: 'draft', supersedes: { id: issued.id, documentNumber: '青知函〔2026〕1号' } });
    const reissued = await store.call<LetterDetail>('letters.issue', { id: successor.id });
    expect(reissued.documentNumber).toBe('青知函〔2026〕2号');
    const archive = await store.call<LetterSummary[]>('letters.list', {});
    expect(archive.find((l) => l.id === issued.id)).toMatchObject({ status: 'superseded', supersededBy: { id: successor.id } });
    expect(archive[0]?.id).toBe(successor.id);
  });
});
