// The archive side of letters: reading them, the letters covering hits, and starting a correction (更正重发)
// that supersedes an issued letter once it is itself issued.
import type { LetterDetail, LetterRef, LetterSummary } from '../../shared/contract/letters';
import type { LetterStatus } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { detailOf, requireLetter } from './service';
import { createLetterStore, fieldsOf } from './store';

export function createLetterArchive(ctx: AppContext) {
  const store = () => createLetterStore(ctx.db);
  return {
    supersede(id: number): LetterDetail {
      const s = store();
      return ctx.db.transaction(() => {
        const old = requireLetter(s, id);
        if (old.status !== 'issued') throw new AppFailure('conflict', '只有已签发且未被替代的函件可以更正重发。');
        const pending = s.list('draft').find((r) => r.supersedes === id);
        if (pending) return detailOf(ctx, s, pending);
        const kept = s.hits(id).filter((h): h is typeof h & { hit_id: number } => h.hit_id !== null);
        const keptIds = new Set(kept.map((h) => h.hit_id));
        const fields = fieldsOf(old);
        const rows = fields.rows.filter((r) => keptIds.has(r.hitId));
        if (rows.length === 0) throw new AppFailure('not-found', '该函件涉及的筛查结果均已删除，无法更正重发。');
        const now = ctx.now();
        const draftId = s.insertDraft(old.kind, { ...fields, rows }, now, ctx.config.actor, id);
        s.setHits(draftId, kept.filter((h) => rows.some((r) => r.hitId === h.hit_id)).map((h) => ({ hitId: h.hit_id, applicationNumber: h.application_number, markId: h.mark_id })));
        s.audit({ at: now, actor: ctx.config.actor, action: 'supersede-draft', key: id, before: null, after: { draftId }, note: `起草更正函以替代 ${old.document_number}` });
        return detailOf(ctx, s, requireLetter(s, draftId));
      }).immediate();
    },

    list(status?: LetterStatus): LetterSummary[] {
      const s = store();
      return s.list(status).map((row) => s.summary(row));
    },

    get: (id: number): LetterDetail => detailOf(ctx, store(), requireLetter(store(), id)),

    forHits(hitIds: readonly number[]): { hitId: number; letters: LetterRef[] }[] {
      const s = store();
      return [...new Set(hitIds)].map((hitId) => ({ hitId, letters: s.refsOfHit(hitId) }));
    },
  };
}
