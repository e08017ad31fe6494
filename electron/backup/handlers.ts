// The backup channels (shared/contract/registry.ts): a backup made now, the automatic ones, a restore. The work is
// file-level SQLite (service.ts, restore.ts beside this file).
import type { registryContract } from '../../shared/contract/registry';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { saveWithDialog } from '../files/save';
import { backupSave } from '../files/save-requests';
import type { ShellPorts } from '../handlers/files';
import type { Handlers } from '../ipc/dispatch';
import type { SampleNotice } from '../registry/handlers';
import { createBackupService } from './service';
import { localToday } from '../review/local-time';

type BackupChannel = Extract<keyof typeof registryContract, `backup.${string}`>;

export function createBackupHandlers(ctx: AppContext, shell: ShellPorts, sample: SampleNotice): Pick<Handlers, BackupChannel> {
  const backups = createBackupService(ctx);

  /** An automatic backup is named, not pointed to: only a name that listAutomatic shows is accepted. */
  function automaticBackupPath(fileName: string): string {
    const found = backups.listAutomatic().find((b) => b.fileName === fileName);
    if (!found) throw new AppFailure('not-found', `找不到自动备份「${fileName}」，请刷新后重试`);
    return found.path;
  }

  return {
    'backup.create': () =>
      saveWithDialog(shell.dialogs, backupSave(localToday(ctx.now())), async (target) => {
        const { fileName, sizeBytes, createdAt } = await backups.create(target);
        return { fileName, sizeBytes, createdAt };
      }),
    'backup.restore': async (input) => {
      const result = await backups.restore(
        'fileToken' in input ? shell.files.resolve(input.fileToken, 'backup') : automaticBackupPath(input.automaticBackup),
      );
      // the registry is the one brought back: the sample's notice no longer applies
      sample.shown = false;
      return result;
    },
    'backup.listAutomatic': () => backups.listAutomatic(),
  };
}
