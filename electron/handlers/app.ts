// app.info: what the 关于与设置 page and the first-start notice show about this installation and its data.
import type { registryContract } from '../../shared/contract/registry';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import type { SampleNotice } from '../registry/handlers';
import { marksRepository } from '../registry/marks';
import { sql } from 'kysely';
import { describeLocation } from '../data/store';
import { DATA_MIGRATION_TABLE } from '../data/postgres/migrate';

export interface StartInfo {
  seededOnThisStart: boolean;
  seededCount: number;
}

type AppChannel = Extract<keyof typeof registryContract, `app.${string}`>;

/**
 * The SQLite file's user_version; on PostgreSQL the number of the newest data migration applied (each is the twin
 * of the SQLite migration with that number, electron/data/postgres/migrate.ts).
 */
async function schemaVersion(ctx: AppContext): Promise<number> {
  if (ctx.sqlite) return ctx.sqlite.pragma('user_version', { simple: true }) as number;
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(DATA_MIGRATION_TABLE)} order by name desc limit 1`.execute(ctx.data);
  return Number.parseInt(rows[0]?.name ?? '0', 10);
}

export function createAppHandlers(ctx: AppContext, start: StartInfo, sample: SampleNotice): Pick<Handlers, AppChannel> {
  return {
    'app.info': async () => ({
      version: ctx.config.version,
      dataDir: ctx.config.dataDir,
      databasePath: describeLocation(ctx.dataStore),
      schemaVersion: await schemaVersion(ctx),
      markCount: await marksRepository(ctx.data).count(),
      seededOnThisStart: sample.shown,
      seededCount: start.seededCount,
      batchCount: Number((await ctx.data.selectFrom('batches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      transport: ctx.config.transport,
      notices: [...ctx.notices],
    }),
  };
}
