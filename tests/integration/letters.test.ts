import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppContext } from '../../electron/context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { openTestContext, testConfig } from './support/context';
import { lettersApi, seedConfirmedHits, type SeededHits } from './support/letters';

let ctx: ReturnType<typeof openTestContext>;
let api: ReturnType<typeof lettersApi>;
let hits: SeededHits;

beforeEach(() => {
  ctx = openTestContext();
  api = lettersApi(ctx);
  hits = seedConfirmedHits(ctx);
});
afterEach(() => ctx.cleanup());

const numberOf = async (id: number) => (await api['letters.issue']({ id })).documentNumber;

describe('drafting', () => {
  it('lists confirmed filing hits not yet in a letter, and drafts from them with suggested requests and grounds', async () => {
    const candidates = await api['letters.candidates']({ kind: 'referral' });
    expect(candidates.map((c) => c.facts.hitId).sort()).toEqual([...hits.gi, hits.lake].sort());
    const draft = await api['letters.draftFromHits']({ hitIds: [...hits.gi, hits.lake], kind: 'referral' });
    expect(draft.status).toBe('draft');
    expect(draft.documentNumber).toBeNull();
    // Three squats by one applicant: art. 4 joins art. 16, and the published filings are opposed under art. 33
    // (never art. 44, which is for registered marks); the lake filing is past its deadline: invalidation.
    expect(draft.today).toBe('2026-11-29');
    expect(draft.fields.rows[0]).toMatchObject({ stage: null, request: '不予核准注册', grounds: ['第四条', '第十六条第一款', '第三十三条'] });
    expect(draft.fields.rows[3]).toMatchObject({ stage: null, request: '宣告无效', grounds: ['第四条', '第十条第二款', '第四十四条第一款'] });
    expect(draft.facts[2]?.oppositionDeadline).toBe('2027-02-28');
    expect(await api['letters.candidates']({ kind: 'referral' })).toEqual([]);
    expect((await api['letters.candidates']({ kind: 'holder-notice' })).length).toBe(4);
  });

  it('refuses undecided hits, hits already in a letter of the kind, and a notice to two right holders', async () => {
    await expect(api['letters.draftFromHits']({ hitIds: [hits.undecided], kind: 'referral' })).rejects.toThrow(/已确认/);
    await expect(api['letters.draftFromHits']({ hitIds: [999], kind: 'referral' })).rejects.toThrow(/不存在/);
    await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    await expect(api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' })).rejects.toThrow(/已在函件 草稿/);
    await expect(api['letters.draftFromHits']({ hitIds: [...hits.gi, hits.lake], kind: 'holder-notice' })).rejects.toThrow(/一份告知函只能发给一个权利人/);
    const notice = await api['letters.draftFromHits']({ hitIds: hits.gi, kind: 'holder-notice' });
    expect((await api['letters.preview']({ id: notice.id })).document.recipient).toBe('海西州枸杞协会');
  });

  it('edits a draft, previews with a provisional number, and names an unknown placeholder', async () => {
    const draft = await api['letters.draftFromHits']({ hitIds: hits.gi, kind: 'referral' });
    const fields = { ...draft.fields, body: `${draft.fields.body}\n请联系{{经办人}}。`, rows: draft.fields.rows.slice(0, 2) };
    const edited = await api['letters.update']({ id: draft.id, fields });
    expect(edited.hitCount).toBe(2);
    await expect(api['letters.preview']({ id: draft.id })).rejects.toThrow(/「\{\{经办人\}\}」无法识别/);
    await expect(api['letters.issue']({ id: draft.id })).rejects.toThrow(/经办人/);
    await api['letters.update']({ id: draft.id, fields: { ...fields, body: draft.fields.body } });
    const { document: preview, layout, pdfFont } = await api['letters.preview']({ id: draft.id });
    expect(preview.documentNumber).toBe('青市监商函〔2026〕（签发时编号）号');
    expect(preview.table.rows).toHaveLength(2);
    // Laid out with the PDF's fonts: here (not Windows) the shipped serif, and the preview says so.
    expect(pdfFont).toMatchObject({ source: 'shipped', note: '本机不是 Windows，没有系统仿宋字体' });
    expect(layout.pages.length).toBeGreaterThanOrEqual(2);
    // The failed issue above took no number.
    expect(await numberOf(draft.id)).toBe('青市监商函〔2026〕1号');
  });
});

describe('numbering and the archive', () => {
  it('numbers per year, never reuses a number after a supersede or a discarded draft, and freezes issued letters', async () => {
    const first = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    const second = await api['letters.draftFromHits']({ hitIds: [hits.gi[1] ?? 0], kind: 'referral' });
    const abandoned = await api['letters.draftFromHits']({ hitIds: [hits.gi[2] ?? 0], kind: 'referral' });
    expect(await api['letters.discard']({ id: abandoned.id })).toEqual({ discarded: true });
    expect(await numberOf(second.id)).toBe('青市监商函〔2026〕1号');
    expect(await numberOf(first.id)).toBe('青市监商函〔2026〕2号');
    await expect(api['letters.update']({ id: first.id, fields: first.fields })).rejects.toThrow(/已签发，不能再修改/);
    await expect(api['letters.discard']({ id: first.id })).rejects.toThrow(/已签发/);

    const correction = await api['letters.supersede']({ id: first.id });
    expect(correction.supersedes?.documentNumber).toBe('青市监商函〔2026〕2号');
    const issued = await api['letters.issue']({ id: correction.id });
    expect(issued.documentNumber).toBe('青市监商函〔2026〕3号');
    const old = await api['letters.get']({ id: first.id });
    expect(old.status).toBe('superseded');
    expect(old.supersededBy?.documentNumber).toBe('青市监商函〔2026〕3号');
    expect(old.document?.documentNumber).toBe('青市监商函〔2026〕2号');
    await expect(api['letters.supersede']({ id: first.id })).rejects.toThrow(/只有已签发且未被替代/);

    const coverage = await api['letters.forHits']({ hitIds: [hits.gi[0] ?? 0, hits.lake] });
    expect(coverage[0]?.letters.map((l) => [l.documentNumber, l.status])).toEqual([
      ['青市监商函〔2026〕2号', 'superseded'],
      ['青市监商函〔2026〕3号', 'issued'],
    ]);
    expect(coverage[1]?.letters).toEqual([]);

    const audit = ctx.db.prepare("SELECT action, entity_key AS key, note FROM audit_log WHERE entity = 'letter' AND action IN ('issue', 'supersede') ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'issue', key: String(second.id), note: '签发 青市监商函〔2026〕1号' },
      { action: 'issue', key: String(first.id), note: '签发 青市监商函〔2026〕2号' },
      { action: 'issue', key: String(correction.id), note: '签发 青市监商函〔2026〕3号' },
      { action: 'supersede', key: String(first.id), note: '青市监商函〔2026〕2号 由 青市监商函〔2026〕3号 替代' },
    ]);
    const archive = await api['letters.list']({});
    expect(archive.map((l) => l.documentNumber)).toEqual(['青市监商函〔2026〕3号', '青市监商函〔2026〕2号', '青市监商函〔2026〕1号']);
    expect(archive[0]?.files.map((f) => f.format)).toEqual(['docx', 'pdf']);
  });

  it('numbers referrals and notices from the one sequence of the body code, and addresses a notice to the holder', async () => {
    const referral = await api['letters.draftFromHits']({ hitIds: hits.gi, kind: 'referral' });
    const notice = await api['letters.draftFromHits']({ hitIds: hits.gi, kind: 'holder-notice' });
    expect(await numberOf(referral.id)).toBe('青市监商函〔2026〕1号');
    const issued = await api['letters.issue']({ id: notice.id });
    expect(issued.documentNumber).toBe('青市监商函〔2026〕2号');
    expect(issued.recipient).toBe('海西州枸杞协会');
    expect(issued.document?.table.rows.map((r) => r.request)).toEqual(['提出异议', '提出异议', '提出异议']);
    expect(issued.document?.paragraphs.join('')).toContain('已于第1965期商标公告初步审定');
    const coverage = await api['letters.forHits']({ hitIds: [hits.gi[0] ?? 0] });
    expect(coverage[0]?.letters.map((l) => l.kind)).toEqual(['referral', 'holder-notice']);
  });

  it('starts again at 1 in a new year, with the body code from the settings', async () => {
    await api['letters.settings.set']({ settings: { ...(await api['letters.settings.get']({})), bodyCode: '青市监知函' } });
    const a = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    expect(await numberOf(a.id)).toBe('青市监知函〔2026〕1号');
    const nextYear = createAppContext(testConfig(ctx.config.dataDir, { now: () => new Date('2027-01-04T02:00:00Z') }));
    try {
      const later = lettersApi(nextYear);
      const b = await later['letters.draftFromHits']({ hitIds: [hits.gi[1] ?? 0], kind: 'referral' });
      expect((await later['letters.issue']({ id: b.id })).documentNumber).toBe('青市监知函〔2027〕1号');
      expect((await later['letters.get']({ id: b.id })).issuedOn).toBe('2027-01-04');
    } finally {
      nextYear.close();
    }
  });

  // Two connections in one thread cannot both hold a transaction across awaits (the second would wait on the file
  // lock while blocking the first), so they take turns here; letters-concurrency.test.ts races two threads.
  it('gives drafts issued in turn on two connections to the same file distinct numbers', async () => {
    const other = createAppContext(testConfig(ctx.config.dataDir));
    try {
      const otherApi = lettersApi(other);
      const ids = [];
      for (const hitId of [...hits.gi, hits.lake]) ids.push((await api['letters.draftFromHits']({ hitIds: [hitId], kind: 'referral' })).id);
      const numbers = [];
      for (const [i, id] of ids.entries()) numbers.push((await (i % 2 === 0 ? api : otherApi)['letters.issue']({ id })).documentNumber);
      expect(new Set(numbers).size).toBe(4);
      expect([...numbers].sort()).toEqual(['1', '2', '3', '4'].map((n) => `青市监商函〔2026〕${n}号`));
      const [issuedTwice] = ids;
      await expect(otherApi['letters.issue']({ id: issuedTwice ?? 0 })).rejects.toThrow(/已签发/);
    } finally {
      other.close();
    }
  });

  it('gives requests issuing at once distinct, gapless numbers, and issues a draft asked twice at once only once', async () => {
    const ids = [];
    for (const hitId of [...hits.gi, hits.lake]) ids.push((await api['letters.draftFromHits']({ hitIds: [hitId], kind: 'referral' })).id);
    const [first = 0] = ids;
    const results = await Promise.allSettled([...ids, first].map((id) => api['letters.issue']({ id })));
    const issued = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.documentNumber] : []));
    expect([...issued].sort()).toEqual(['1', '2', '3', '4'].map((n) => `青市监商函〔2026〕${n}号`));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/已签发/);
    expect(ctx.db.prepare('SELECT last_number AS n FROM letter_sequences').all()).toEqual([{ n: 4 }]);
  });
});

describe('settings, templates and errors over the contract', () => {
  it('rejects a template with an unknown placeholder in Chinese, and resets to the default', async () => {
    const dispatch = createDispatcher(api as unknown as Parameters<typeof createDispatcher>[0], () => undefined);
    const state = await api['letters.templates.get']({});
    const template = { ...state.templates.referral, title: '{{发文机关}}关于{{事由}}的函' };
    expect(await dispatch('letters.templates.set', { kind: 'referral', template })).toEqual({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringMatching(/^标题中的占位符「\{\{事由\}\}」无法识别/) },
    });
    const changed = await api['letters.templates.set']({ kind: 'referral', template: { ...template, title: '{{发文机关}}关于商标的函' } });
    expect(changed.customised.referral).toBe(true);
    const reset = await api['letters.templates.reset']({ kind: 'referral' });
    expect(reset.customised.referral).toBe(false);
    expect(reset.templates.referral).toEqual(reset.defaults.referral);
    expect(await dispatch('letters.settings.set', { settings: { ...(await api['letters.settings.get']({})), bodyCode: '青 市监' } })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
  });
});

describe('stages', () => {
  it('the clerk overrides a stage in the draft; a request the stage forbids is refused with the filing named, and no number is taken', async () => {
    const draft = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0, hits.lake], kind: 'referral' });
    // Asking to invalidate the published GI filing under art. 44.1 is refused at preview and at issue.
    const wrong = draft.fields.rows.map((r, i) => (i === 0 ? { ...r, request: '宣告无效' as const, grounds: ['第十六条第一款', '第四十四条第一款'] } : r));
    await api['letters.update']({ id: draft.id, fields: { ...draft.fields, rows: wrong } });
    await expect(api['letters.preview']({ id: draft.id })).rejects.toThrow(/申请号 71000001（公告期内）尚未注册，不能依据第四十四条第一款请求宣告无效/);
    await expect(api['letters.issue']({ id: draft.id })).rejects.toThrow(/第四十四条第一款/);
    // The clerk knows it was registered: the same request now stands, and the stage is kept with the draft.
    const registered = wrong.map((r, i) => (i === 0 ? { ...r, stage: 'registered' as const, registeredOn: '2026-11-20', grounds: ['第十六条第一款', '第四十五条第一款'] } : r));
    const saved = await api['letters.update']({ id: draft.id, fields: { ...draft.fields, rows: registered } });
    expect(saved.fields.rows[0]).toMatchObject({ stage: 'registered', registeredOn: '2026-11-20' });
    const { document } = await api['letters.preview']({ id: draft.id });
    expect(document.table.rows.map((r) => r.request)).toEqual(['宣告无效', '宣告无效']);
    expect(document.paragraphs.join('')).toContain('请求宣告无效的期限最早将于2031年11月20日届满');
    expect(await numberOf(draft.id)).toBe('青市监商函〔2026〕1号');
  });

  it('reads a draft saved before stages existed with the stage decided automatically', async () => {
    const draft = await api['letters.draftFromHits']({ hitIds: [hits.gi[0] ?? 0], kind: 'referral' });
    const old = { ...draft.fields, rows: draft.fields.rows.map(({ stage: _s, registeredOn: _r, ...rest }) => rest) };
    ctx.db.prepare('UPDATE letters SET fields_json = ? WHERE id = ?').run(JSON.stringify(old), draft.id);
    const read = await api['letters.get']({ id: draft.id });
    expect(read.fields.rows[0]).toMatchObject({ stage: null, registeredOn: '' });
    expect((await api['letters.preview']({ id: draft.id })).document.table.rows[0]?.request).toBe('不予核准注册');
  });
});
