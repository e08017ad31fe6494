// The quick check ("is this one a squat?"): the engine against the current registry, rebuilt only when the
// registry changed since the last question.
import { buildRegistryIndex, quickCheck, type RegistryIndex } from '../../shared/engine';
import type { Category } from '../../shared/domain';
import { duplicateKey } from '../../shared/registry-duplicates';
import type { AppContext } from '../context';

const SHOWN = 10;

export function createQuickCheckService(ctx: AppContext) {
  let cached: { version: string; index: RegistryIndex; byId: Map<string, { name: string; category: Category }> } | null = null;
  const registryVersion = () => {
    const row = ctx.db.prepare('SELECT count(*) AS n, max(updated_at) AS at, sum(key) AS keys FROM protected_marks').get() as {
      n: number;
      at: string | null;
      keys: number | null;
    };
    return `${row.n}|${row.at ?? ''}|${row.keys ?? 0}`;
  };
  const current = () => {
    const version = registryVersion();
    if (cached?.version !== version) {
      const marks = ctx.marks.list();
      cached = { version, index: buildRegistryIndex(marks), byId: new Map(marks.map((m) => [m.id, { name: m.name, category: m.category }])) };
    }
    return cached;
  };
  return {
    check(text: string, niceClass?: number) {
      if (text.trim() === '') return [];
      const { index, byId } = current();
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
