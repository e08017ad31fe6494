// The archive side of letters: reading them, the letters covering hits, and starting a correction (更正重发)
// that supersedes an issued letter once it is itself issued.
import type { LetterDetail, LetterRef, LetterSummary } from '../../shared/contract/letters';
import type { LetterStatus } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { inTransaction } from '../data/queries';
import { detailOf, requireLetter } from './service';
import { createLetterStore, fieldsOf } from './store';

export function createLetterArchive(ctx: AppContext) {
  const store = () => createLetterStore(ctx.data);
  return {
    supersede(id: number): Promise<LetterDetail> {
      const actor = ctx.config.actor;
      return inTransaction(ctx.data, async (tx) => {
        const s = createLetterStore(tx);
        const old = await requireLetter(s, id);
        if (old.status !== 'issued') throw new AppFailure('conflict', '只有已签发且未被替代的函件可以更正重发。');
        const pending = (await s.list('draft')).find((r) => r.supersedes === id);
        if (pending) return detailOf(ctx, tx, pending);
        const kept = (await s.hits(id)).filter((h): h is typeof h & { hit_id: number } => h.hit_id !== null);
        const keptIds = new Set(kept.map((h) => h.hit_id));
        const fields = fieldsOf(old);
        const rows = fields.rows.filter((r) => keptIds.has(r.hitId));
        if (rows.length === 0) throw new AppFailure('not-found', '该函件涉及的筛查结果均已删除，无法更正重发。');
        const now = ctx.now();
        const draftId = await s.insertDraft(old.kind, { ...fields, rows }, now, actor, id);
        const links = kept.filter((h) => rows.some((r) => r.hitId === h.hit_id));
        await s.setHits(draftId, links.map((h) => ({ hitId: h.hit_id, applicationNumber: h.application_number, markId: h.mark_id })));
        await s.audit({ at: now, actor, action: 'supersede-draft', key: id, before: null, after: { draftId }, note: `起草更正函以替代 ${old.document_number}` });
        return detailOf(ctx, tx, await requireLetter(s, draftId));
      });
    },

    async list(status?: LetterStatus): Promise<LetterSummary[]> {
      const s = store();
      return s.summaries(await s.list(status));
    },

    get: async (id: number): Promise<LetterDetail> => detailOf(ctx, ctx.data, await requireLetter(store(), id)),

    async forHits(hitIds: readonly number[]): Promise<{ hitId: number; letters: LetterRef[] }[]> {
      const refs = await store().refsOfHits(hitIds);
      return [...new Set(hitIds)].map((hitId) => ({ hitId, letters: refs.get(hitId) ?? [] }));
    },
  };
}
