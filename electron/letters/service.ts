// Drafting, editing and reading letters. Issuing and exporting are in issue.ts. Every service call builds its
// statements on the context's current database, which a restore may have replaced since the last call. Writes
// read first, so they begin IMMEDIATE: another connection's write then waits instead of failing with BUSY_SNAPSHOT.
import type { LetterCandidate, LetterDetail, LetterPreview, LetterRef } from '../../shared/contract/letters';
import { composeLetter, draftFields } from '../../shared/letters/compose';
import type { LetterDocument, LetterFields, LetterHitFacts, LetterKind } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { readSettings, templatesState } from './config';
import { createHitFactsQueries } from './hit-facts';
import { layOut } from './pdf';
import { fontLookupOf } from './pdf-fonts';
import { createLetterStore, fieldsOf, issuedRecordOf, type LetterRow, type LetterStore } from './store';
import { figureUrls, loadLetterFigures } from './figures';

/** The calendar day of the context's clock, on this machine's time zone (the bureau's). */
export function localDate(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const refLabel = (ref: LetterRef): string => ref.documentNumber ?? `草稿（编号 ${ref.id}）`;

export function requireLetter(store: LetterStore, id: number): LetterRow {
  const row = store.get(id);
  if (!row) throw new AppFailure('not-found', '该函件不存在，可能已被删除。请刷新列表。');
  return row;
}

export function requireDraft(store: LetterStore, id: number): LetterRow {
  const row = requireLetter(store, id);
  if (row.status !== 'draft') {
    throw new AppFailure('conflict', `函件 ${row.document_number ?? ''} 已签发，不能再修改；如需更正，请使用“更正重发”生成替代函件。`);
  }
  return row;
}

/** Facts of a draft's filings as they are now; a hit no longer confirmed stops the letter. */
export function currentFacts(ctx: AppContext, hitIds: readonly number[]): LetterHitFacts[] {
  const found = createHitFactsQueries(ctx.db).byHitIds(hitIds);
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

function checkNotCovered(store: LetterStore, kind: LetterKind, facts: readonly LetterHitFacts[], except: number | null): void {
  for (const f of facts) {
    const taken = store.refsOfHit(f.hitId).find((r) => r.kind === kind && r.status !== 'superseded' && r.id !== except);
    if (taken) throw new AppFailure('conflict', `申请号 ${f.applicationNumber} 已在函件 ${refLabel(taken)} 中，不能重复起草。`);
  }
}

export function detailOf(ctx: AppContext, store: LetterStore, row: LetterRow): LetterDetail {
  const record = issuedRecordOf(row);
  const fields = fieldsOf(row);
  const facts = record ? record.facts : createHitFactsQueries(ctx.db).byHitIds(fields.rows.map((r) => r.hitId)).map(({ decision: _d, ...f }) => f);
  return { ...store.summary(row), fields, facts, document: record?.document ?? null, today: localDate(ctx.now()) };
}

function composeDraft(ctx: AppContext, row: LetterRow): LetterDocument {
  const fields = fieldsOf(row);
  const facts = currentFacts(ctx, fields.rows.map((r) => r.hitId));
  return composeLetter({ kind: row.kind, settings: readSettings(ctx), fields, facts, documentNumber: null, date: localDate(ctx.now()) });
}

export function createLetterDrafts(ctx: AppContext) {
  const store = () => createLetterStore(ctx.db);
  return {
    candidates(kind: LetterKind): LetterCandidate[] {
      const s = store();
      return createHitFactsQueries(ctx.db).candidates(kind).map((facts) => ({ facts, letters: s.refsOfHit(facts.hitId) }));
    },

    draftFromHits(hitIds: readonly number[], kind: LetterKind): LetterDetail {
      const s = store();
      const unique = [...new Set(hitIds)];
      return ctx.db.transaction(() => {
        const facts = currentFacts(ctx, unique);
        checkOneHolder(kind, facts);
        checkNotCovered(s, kind, facts, null);
        const queries = createHitFactsQueries(ctx.db);
        const template = templatesState(ctx).templates[kind];
        const now = ctx.now();
        const fields = draftFields(kind, template, readSettings(ctx), facts, queries.profiles(facts.map((f) => f.applicant)), localDate(now));
        const id = s.insertDraft(kind, fields, now, ctx.config.actor, null);
        s.setHits(id, facts.map((f) => ({ hitId: f.hitId, applicationNumber: f.applicationNumber, markId: f.protectedMarkId })));
        s.audit({ at: now, actor: ctx.config.actor, action: 'create', key: id, before: null, after: { kind, hitIds: unique }, note: '起草函件' });
        return detailOf(ctx, s, requireLetter(s, id));
      }).immediate();
    },

    update(id: number, fields: LetterFields): LetterDetail {
      const s = store();
      return ctx.db.transaction(() => {
        const row = requireDraft(s, id);
        const allowed = new Set(s.hits(id).map((h) => h.hit_id));
        const unknown = fields.rows.filter((r) => !allowed.has(r.hitId));
        if (unknown.length > 0) throw new AppFailure('invalid-input', '只能修改或移除草稿中已有的申请；要增加申请，请重新起草。');
        const facts = currentFacts(ctx, fields.rows.map((r) => r.hitId));
        s.updateDraft(id, fields, ctx.now());
        s.setHits(id, facts.map((f) => ({ hitId: f.hitId, applicationNumber: f.applicationNumber, markId: f.protectedMarkId })));
        return detailOf(ctx, s, requireLetter(s, row.id));
      }).immediate();
    },

    /** The letter laid out as its PDF is (or will be), with the PDF's body font. */
    // not async: a letter that cannot be composed throws here and now, as before the figures were added
    preview(id: number): Promise<LetterPreview> {
      const s = store();
      const row = requireLetter(s, id);
      const record = issuedRecordOf(row);
      const document = record ? record.document : composeDraft(ctx, row);
      const { layout, fonts } = layOut(document, fontLookupOf(ctx.config));
      return loadLetterFigures(ctx, document).then((figures) => ({ document, layout, pdfFont: fonts.info, figures: figureUrls(figures) }));
    },

    discard(id: number): { discarded: boolean } {
      const s = store();
      return ctx.db.transaction(() => {
        requireDraft(s, id);
        const now = ctx.now();
        s.audit({ at: now, actor: ctx.config.actor, action: 'delete', key: id, before: null, after: null, note: '删除草稿' });
        return { discarded: s.deleteDraft(id) };
      }).immediate();
    },
  };
}
