// First start: an empty database gets the sample Qinghai registry from seeds/, so a new user sees real names at
// once. Seeding happens once per database; a user who later deletes every record does not get the sample back.
import path from 'node:path';
import type { AppContext } from '../context';
import { auditRepository } from '../data/audit';
import { inTransaction } from '../data/queries';
import { settingsRepository } from '../data/settings';
import { readRegistryFile } from './import';
import { marksRepository } from './marks';
import { MARK_ENTITY } from './service';

export const SAMPLE_REGISTRY_FILE = 'sample-registry.csv';
const SEEDED_KEY = 'registry.seeded';

export async function seedSampleRegistry(ctx: AppContext): Promise<boolean> {
  if ((await settingsRepository(ctx.data).get<string>(SEEDED_KEY)) !== undefined || (await marksRepository(ctx.data).count()) > 0) return false;
  const parsed = await readRegistryFile(path.join(ctx.config.seedsDir, SAMPLE_REGISTRY_FILE));
  if (parsed.problems.length > 0) {
    // The sample ships with the program; a bad row there is a bug to fix, not a user's mistake to report.
    throw new Error(`seeds/${SAMPLE_REGISTRY_FILE}: ${JSON.stringify(parsed.problems)}`);
  }
  // the file is read before the transaction, which awaits only its own queries
  await inTransaction(ctx.data, async (tx) => {
    const now = ctx.now();
    for (const mark of parsed.marks) {
      const key = await marksRepository(tx).insert(mark, now);
      await auditRepository(tx).record(
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
    await settingsRepository(tx).set(SEEDED_KEY, now, now);
  });
  return true;
}
