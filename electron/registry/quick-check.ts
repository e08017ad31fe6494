// The quick check ("is this one a squat?"): the engine against the current registry, rebuilt only when the
// registry changed since the last question.
import { buildRegistryIndex, quickCheck, type RegistryIndex } from '../../shared/engine';
import type { Category } from '../../shared/domain';
import { duplicateKey } from '../../shared/registry-duplicates';
import type { AppContext } from '../context';
import { marksRepository } from './marks';

const SHOWN = 10;

export function createQuickCheckService(ctx: AppContext) {
  let cached: { version: string; index: RegistryIndex; byId: Map<string, { name: string; category: Category }> } | null = null;
  const current = async () => {
    const version = await marksRepository(ctx.data).version();
    if (cached?.version !== version) {
      const marks = await marksRepository(ctx.data).list();
      cached = { version, index: buildRegistryIndex(marks), byId: new Map(marks.map((m) => [m.id, { name: m.name, category: m.category }])) };
    }
    return cached;
  };
  return {
    async check(text: string, niceClass?: number) {
      if (text.trim() === '') return [];
      const { index, byId } = await current();
      // the same mark entered twice (kept by the clerk) is named once, at its best score
      const named = new Set<string>();
      return quickCheck(index, text, niceClass)
        .flatMap((hit) => {
          const mark = byId.get(hit.markId);
          if (!mark) return [];
          const key = duplicateKey(mark);
          if (named.has(key)) return [];
          named.add(key);
          return [{ markId: hit.markId, markName: mark.name, markCategory: mark.category, matchedMark: hit.markText, score: hit.score, reasons: hit.reasons, alignment: hit.alignment ?? [] }];
        })
        .slice(0, SHOWN);
    },
  };
}
