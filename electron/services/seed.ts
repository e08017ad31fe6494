// First start: an empty database gets the sample Qinghai registry from seeds/, so a new user sees real names at
// once. Seeding happens once per database; a user who later deletes every record does not get the sample back.
import path from 'node:path';
import type { AppContext } from '../context';
import { MARK_ENTITY } from './registry';
import { readRegistryFile } from './registry-import';

export const SAMPLE_REGISTRY_FILE = 'sample-registry.csv';
const SEEDED_KEY = 'registry.seeded';

export async function seedSampleRegistry(ctx: AppContext): Promise<boolean> {
  if (ctx.settings.get<string>(SEEDED_KEY) !== undefined || ctx.marks.count() > 0) return false;
  const parsed = await readRegistryFile(path.join(ctx.config.seedsDir, SAMPLE_REGISTRY_FILE));
  if (parsed.problems.length > 0) {
    // The sample ships with the program; a bad row there is a bug to fix, not a user's mistake to report.
    throw new Error(`seeds/${SAMPLE_REGISTRY_FILE}: ${JSON.stringify(parsed.problems)}`);
  }
  ctx.db.transaction(() => {
    const now = ctx.now();
    for (const mark of parsed.marks) {
      const key = ctx.marks.insert(mark, now);
      ctx.audit.record(
        {
          actor: ctx.config.actor,
          action: 'seed',
          entity: MARK_ENTITY,
          entityKey: String(key),
          before: null,
          after: mark,
          note: '首次启动时载入的样例名录',
        },
        now,
      );
    }
    ctx.settings.set(SEEDED_KEY, now, now);
  })();
  return true;
}
