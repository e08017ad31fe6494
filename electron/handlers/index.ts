// Every channel of shared/api.ts, composed from one handler factory per area. Transports differ only in dialogs.
import { createDesktopAccountsHandlers } from '../accounts/handlers';
import { createLettersHandlers } from '../letters/handlers';
import { createLogoHandlers } from '../logos/handlers';
import { createNoConnectionHandlers } from '../server/connection-handlers';
import { createDesktopServerBackupHandlers } from '../server/backup/handlers';
import { createBackupHandlers } from '../backup/handlers';
import type { AppContext } from '../context';
import { createDashboardHandlers } from '../dashboard/handlers';
import { createProfileHandlers } from '../profiles/handlers';
import { createReviewHandlers } from '../review/handlers';
import type { Handlers } from '../ipc/dispatch';
import { createRegistryHandlers } from '../registry/handlers';
import { createAppHandlers, type StartInfo } from './app';
import { createFilesHandlers, type ShellPorts } from './files';
import { createBatchHandlers } from '../batches/handlers';

export type { StartInfo } from './app';
export type { ShellPorts } from './files';
export type { DialogPort } from '../files/dialog-port';

export function createHandlers(ctx: AppContext, shell: ShellPorts, start: StartInfo): Handlers {
  const sample = { shown: start.seededOnThisStart };
  return {
    ...createFilesHandlers(shell),
    ...createAppHandlers(ctx, start, sample),
    ...createRegistryHandlers(ctx, shell, sample),
    ...createBackupHandlers(ctx, shell, sample),
    ...createBatchHandlers(ctx, shell),
    ...createReviewHandlers(ctx, shell),
    ...createProfileHandlers(ctx),
    ...createDashboardHandlers(ctx, shell),
    ...createLettersHandlers(ctx, shell),
    ...createLogoHandlers(ctx, shell),
    // the server replaces these with the real ones (electron/server)
    ...createDesktopAccountsHandlers(),
    ...createDesktopServerBackupHandlers(),
    // the desktop app replaces these with its connection to a server (electron/main.ts)
    ...createNoConnectionHandlers(),
  };
}
