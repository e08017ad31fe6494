// The serverBackup.* channels: the server's real ones, and the desktop's (no server backups there; a desktop
// connected to a server has these forwarded to it).
import { AppFailure } from '../../../shared/result';
import type { Handlers } from '../../ipc/dispatch';
import type { ServerBackupService } from './service';

type ServerBackupHandlers = Pick<Handlers, 'serverBackup.status' | 'serverBackup.create'>;

export function createDesktopServerBackupHandlers(): ServerBackupHandlers {
  return {
    'serverBackup.status': () => ({ available: false }),
    'serverBackup.create': () => {
      throw new AppFailure('unsupported', '服务器备份只在连接到服务器时可用；本机数据请用「立即备份」。');
    },
  };
}

export function createServerBackupHandlers(service: ServerBackupService): ServerBackupHandlers {
  return {
    'serverBackup.status': () => service.status(),
    'serverBackup.create': async () => service.summaryOf(await service.create()),
  };
}
