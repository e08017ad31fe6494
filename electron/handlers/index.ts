// Every channel of shared/api.ts, composed from one handler factory per area. Transports differ only in dialogs.
import { createDesktopAccountsHandlers } from '../accounts/handlers';
import { createLettersHandlers } from '../letters/handlers';
import { createNoConnectionHandlers } from '../server/connection-handlers';
import { createDesktopServerBackupHandlers } from '../server/backup/handlers';
import type { AppContext } from '../context';
import { createDashboardHandlers } from '../dashboard/handlers';
import { createProfileHandlers } from '../profiles/handlers';
import { createReviewHandlers } from '../review/handlers';
import type { Handlers } from '../ipc/dispatch';
import { createFilesHandlers, type ShellPorts } from './files';
import { createLogoHandlers } from './logos';
import { createRegistryHandlers, type StartInfo } from './registry';
import { createScreeningHandlers } from './screening';

export type { StartInfo } from './registry';
export type { ShellPorts } from './files';
export type { DialogPort } from '../files/dialog-port';

export function createHandlers(ctx: AppContext, shell: ShellPorts, start: StartInfo): Handlers {
  return {
    ...createFilesHandlers(shell),
    ...createRegistryHandlers(ctx, shell, start),
    ...createScreeningHandlers(ctx, shell),
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
