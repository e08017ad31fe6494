// app.info: what the 关于与设置 page and the first-start notice show about this installation and its data.
import type { registryContract } from '../../shared/contract/registry';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import type { SampleNotice } from '../registry/handlers';
import { marksRepository } from '../registry/marks';

export interface StartInfo {
  seededOnThisStart: boolean;
  seededCount: number;
}

type AppChannel = Extract<keyof typeof registryContract, `app.${string}`>;

export function createAppHandlers(ctx: AppContext, start: StartInfo, sample: SampleNotice): Pick<Handlers, AppChannel> {
  return {
    'app.info': async () => ({
      version: ctx.config.version,
      dataDir: ctx.config.dataDir,
      databasePath: ctx.databasePath,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
      markCount: await marksRepository(ctx.data).count(),
      seededOnThisStart: sample.shown,
      seededCount: start.seededCount,
      batchCount: (ctx.db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n,
      transport: ctx.config.transport,
      notices: [...ctx.notices],
    }),
  };
}
