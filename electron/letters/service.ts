// Drafting, editing and reading letters. Issuing and exporting are in issue.ts. Every call goes through the
// context's current data (a restore may have replaced the database since the last call). A write's transaction
// awaits only its own queries: what the settings and the default templates say is read before it begins.
import type { LetterCandidate, LetterDetail, LetterPreview, LetterRef } from '../../shared/contract/letters';
import { composeLetter, draftFields } from '../../shared/letters/compose';
import type { LetterDocument, LetterFields, LetterHitFacts, LetterKind } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { inTransaction, type DataExecutor } from '../data/queries';
import { readSettings, templatesState } from './config';
import { figureUrls, loadLetterFigures } from './figures';
import { createHitFactsQueries } from './hit-facts';
import { layOut } from './pdf';
import { fontLookupOf } from './pdf-fonts';
import { createLetterStore, fieldsOf, issuedRecordOf, type LetterRow, type LetterStore } from './store';

/** The calendar day of the context's clock, on this machine's time zone (the bureau's). */
export function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const refLabel = (ref: LetterRef): string => ref.documentNumber ?? `草稿（编号 ${ref.id}）`;

export async function requireLetter(store: LetterStore, id: number): Promise<LetterRow> {
  const row = await store.get(id);
  if (!row) throw new AppFailure('not-found', '该函件不存在，可能已被删除。请刷新列表。');
  return row;
}

export async function requireDraft(store: LetterStore, id: number): Promise<LetterRow> {
  const row = await requireLetter(store, id);
  if (row.status !== 'draft') {
    throw new AppFailure('conflict', `函件 ${row.document_number ?? ''} 已签发，不能再修改；如需更正，请使用“更正重发”生成替代函件。`);
  }
  return row;
}

/** Facts of a draft's filings as they are now; a hit no longer confirmed stops the letter. */
export async function currentFacts(db: DataExecutor, hitIds: readonly number[]): Promise<LetterHitFacts[]> {
  const found = await createHitFactsQueries(db).byHitIds(hitIds);
  const missing = hitIds.filter((id) => !found.some((f) => f.hitId === id));
  if (missing.length > 0) {
    throw new AppFailure('not-found', `以下筛查结果不存在或不是商标申请：${missing.join('、')}。请刷新后重新选择。`);
  }
  const unconfirmed = found.filter((f) => f.decision !== 'confirmed');
  if (unconfirmed.length > 0) {
    const numbers = unconfirmed.map((f) => f.applicationNumber).join('、');
    throw new AppFailure('invalid-input', `只能为已确认的筛查结果起草函件，以下申请号的结果尚未确认或已排除：${numbers}`);
  }
  return found.map(({ decision: _decision, ...facts }) => facts);
}

function checkOneHolder(kind: LetterKind, facts: readonly LetterHitFacts[]): void {
  if (kind !== 'holder-notice') return;
  const holders = [...new Set(facts.map((f) => f.holder.trim()))];
  if (holders.includes('')) {
    const marks = facts.filter((f) => f.holder.trim() === '').map((f) => f.protectedMarkName);
    throw new AppFailure('invalid-input', `保护名录中「${[...new Set(marks)].join('、')}」没有填写权利人，无法起草告知函。请先在保护名录中补充。`);
  }
  if (holders.length > 1) {
    throw new AppFailure('invalid-input', `一份告知函只能发给一个权利人，所选结果涉及：${holders.join('、')}。请按权利人分别起草。`);
  }
}

async function checkNotCovered(store: LetterStore, kind: LetterKind, facts: readonly LetterHitFacts[], except: number | null): Promise<void> {
  const refs = await store.refsOfHits(facts.map((f) => f.hitId));
  for (const f of facts) {
    const taken = (refs.get(f.hitId) ?? []).find((r) => r.kind === kind && r.status !== 'superseded' && r.id !== except);
    if (taken) throw new AppFailure('conflict', `申请号 ${f.applicationNumber} 已在函件 ${refLabel(taken)} 中，不能重复起草。`);
  }
}

/** The letter as the clerk sees it, read on `db` (the data, or the transaction that just wrote it). */
export async function detailOf(ctx: AppContext, db: DataExecutor, row: LetterRow): Promise<LetterDetail> {
  const record = issuedRecordOf(row);
  const fields = fieldsOf(row);
  const facts = record ? record.facts : (await createHitFactsQueries(db).byHitIds(fields.rows.map((r) => r.hitId))).map(({ decision: _d, ...f }) => f);
  const [summary] = await createLetterStore(db).summaries([row]);
  if (!summary) throw new AppFailure('not-found', '该函件不存在，可能已被删除。请刷新列表。');
  return { ...summary, fields, facts, document: record?.document ?? null, today: localDate(ctx.now()) };
}

async function composeDraft(ctx: AppContext, row: LetterRow): Promise<LetterDocument> {
  const fields = fieldsOf(row);
  const facts = await currentFacts(ctx.data, fields.rows.map((r) => r.hitId));
  return composeLetter({ kind: row.kind, settings: await readSettings(ctx), fields, facts, documentNumber: null, date: localDate(ctx.now()) });
}

const linksOf = (facts: readonly LetterHitFacts[]) =>
  facts.map((f) => ({ hitId: f.hitId, applicationNumber: f.applicationNumber, markId: f.protectedMarkId }));

export function createLetterDrafts(ctx: AppContext) {
  return {
    async candidates(kind: LetterKind): Promise<LetterCandidate[]> {
      const candidates = await createHitFactsQueries(ctx.data).candidates(kind);
      const refs = await createLetterStore(ctx.data).refsOfHits(candidates.map((facts) => facts.hitId));
      return candidates.map((facts) => ({ facts, letters: refs.get(facts.hitId) ?? [] }));
    },

    async draftFromHits(hitIds: readonly number[], kind: LetterKind): Promise<LetterDetail> {
      const unique = [...new Set(hitIds)];
      const template = (await templatesState(ctx)).templates[kind];
      const settings = await readSettings(ctx);
      const actor = ctx.config.actor;
      return inTransaction(ctx.data, async (tx) => {
        const s = createLetterStore(tx);
        const facts = await currentFacts(tx, unique);
        checkOneHolder(kind, facts);
        await checkNotCovered(s, kind, facts, null);
        const profiles = await createHitFactsQueries(tx).profiles(facts.map((f) => f.applicant));
        const now = ctx.now();
        const fields = draftFields(kind, template, settings, facts, profiles, localDate(now));
        const id = await s.insertDraft(kind, fields, now, actor, null);
        await s.setHits(id, linksOf(facts));
        await s.audit({ at: now, actor, action: 'create', key: id, before: null, after: { kind, hitIds: unique }, note: '起草函件' });
        return detailOf(ctx, tx, await requireLetter(s, id));
      });
    },

    update(id: number, fields: LetterFields): Promise<LetterDetail> {
      return inTransaction(ctx.data, async (tx) => {
        const s = createLetterStore(tx);
        const row = await requireDraft(s, id);
        const allowed = new Set((await s.hits(id)).map((h) => h.hit_id));
        const unknown = fields.rows.filter((r) => !allowed.has(r.hitId));
        if (unknown.length > 0) throw new AppFailure('invalid-input', '只能修改或移除草稿中已有的申请；要增加申请，请重新起草。');
        const facts = await currentFacts(tx, fields.rows.map((r) => r.hitId));
        await s.updateDraft(id, fields, ctx.now());
        await s.setHits(id, linksOf(facts));
        return detailOf(ctx, tx, await requireLetter(s, row.id));
      });
    },

    /** The letter laid out as its PDF is (or will be), with the PDF's body font. */
    async preview(id: number): Promise<LetterPreview> {
      const row = await requireLetter(createLetterStore(ctx.data), id);
      const record = issuedRecordOf(row);
      const document = record ? record.document : await composeDraft(ctx, row);
      const { layout, fonts } = layOut(document, fontLookupOf(ctx.config));
      const figures = await loadLetterFigures(ctx, document);
      return { document, layout, pdfFont: fonts.info, figures: figureUrls(figures) };
    },

    discard(id: number): Promise<{ discarded: boolean }> {
      const actor = ctx.config.actor;
      return inTransaction(ctx.data, async (tx) => {
        const s = createLetterStore(tx);
        await requireDraft(s, id);
        const now = ctx.now();
        await s.audit({ at: now, actor, action: 'delete', key: id, before: null, after: null, note: '删除草稿' });
        return { discarded: await s.deleteDraft(id) };
      });
    },
  };
}
