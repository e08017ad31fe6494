// Starting the services, the same way for the Electron app, the web bridge and the integration tests:
// open (and migrate) the database, back it up, fill an empty one with the sample registry.
import { createAppContext, type AppConfig, type AppContext } from './context';
import { createHandlers, type DialogPort } from './handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { createBackupService } from './services/backup';
import { seedSampleRegistry } from './services/seed';
import { recoverInterruptedBatches } from './screening/jobs';

export interface RunningServices {
  ctx: AppContext;
  dispatch: Dispatch;
  close(): void;
}

export async function startServices(config: AppConfig, dialogs: DialogPort): Promise<RunningServices> {
  const ctx = createAppContext(config);
  try {
    if (ctx.marks.count() > 0) await createBackupService(ctx).automatic();
    recoverInterruptedBatches(ctx);
    const seededOnThisStart = await seedSampleRegistry(ctx);
    const seededCount = seededOnThisStart ? ctx.marks.count() : 0;
    const dispatch = createDispatcher(createHandlers(ctx, dialogs, { seededOnThisStart, seededCount }), (message, error) =>
      console.error(`[markguard] ${message}:`, error),
    );
    return { ctx, dispatch, close: () => ctx.close() };
  } catch (error) {
    ctx.close();
    throw error;
  }
}
