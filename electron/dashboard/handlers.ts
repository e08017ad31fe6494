// The dashboard's channels (shared/contract/screening.ts).
import type { AppContext } from '../context';
import { saveWithDialog } from '../files/save';
import { dashboardExportSave } from '../files/save-requests';
import type { ShellPorts } from '../handlers/files';
import type { Handlers } from '../ipc/dispatch';
import { localToday } from '../review/local-time';
import { createDashboardService } from './service';

export function createDashboardHandlers(ctx: AppContext, shell: ShellPorts): Pick<Handlers, 'dashboard.summary' | 'dashboard.export'> {
  const dashboard = createDashboardService(ctx);
  return {
    'dashboard.summary': ({ period, weekBasis }) => dashboard.summary({ ...(period ? { period } : {}), weekBasis }),
    'dashboard.export': () => {
      return saveWithDialog(shell.dialogs, dashboardExportSave(localToday(ctx.now())), async (target) => {
        await dashboard.export(target);
        return {};
      });
    },
  };
}
