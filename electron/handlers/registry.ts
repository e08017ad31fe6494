// The services behind the registry, backup and app channels (shared/contract/registry.ts).
import type { registryContract } from '../../shared/contract/registry';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { saveWithDialog } from '../files/save';
import { backupSave, registryExportSave } from '../files/save-requests';
import type { Handlers } from '../ipc/dispatch';
import { createBackupService } from '../services/backup';
import { createRegistryService } from '../services/registry';
import { exportRegistry } from '../services/registry-export';
import { createOperatorService } from '../services/operator';
import { createRegistryImportService } from '../services/registry-import';
import { localToday } from '../review/local-time';
import { toProtectedMark } from '../db/repositories/marks';
import type { ShellPorts } from './files';

export interface StartInfo {
  seededOnThisStart: boolean;
  seededCount: number;
}

export function createRegistryHandlers(
  ctx: AppContext,
  shell: ShellPorts,
  start: StartInfo,
): Pick<Handlers, keyof typeof registryContract> {
  const registry = createRegistryService(ctx);
  const imports = createRegistryImportService(ctx);
  const backups = createBackupService(ctx);
  const today = () => localToday(ctx.now());

  /** An automatic backup is named, not pointed to: only a name that listAutomatic shows is accepted. */
  function automaticBackupPath(fileName: string): string {
    const found = backups.listAutomatic().find((b) => b.fileName === fileName);
    if (!found) throw new AppFailure('not-found', `找不到自动备份「${fileName}」，请刷新后重试`);
    return found.path;
  }

  const operator = createOperatorService(ctx, ctx.systemActor);
  // the sample notice holds until the clerk brings the registry in (an import) or back (a restore)
  let sampleShown = start.seededOnThisStart;
  return {
    'app.info': () => ({
      version: ctx.config.version,
      dataDir: ctx.config.dataDir,
      databasePath: ctx.databasePath,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
      markCount: ctx.marks.count(),
      seededOnThisStart: sampleShown,
      seededCount: start.seededCount,
      batchCount: (ctx.db.prepare('SELECT count(*) AS n FROM batches').get() as { n: number }).n,
      transport: ctx.config.transport,
      notices: [...ctx.notices],
    }),
    'registry.list': () => registry.list(),
    'registry.create': ({ mark, duplicates }) => registry.create(mark, duplicates),
    'registry.findDuplicates': ({ mark }) => registry.findDuplicates(mark),
    'registry.usage': ({ key }) => registry.usage(key),
    'registry.update': ({ key, mark }) => registry.update(key, mark),
    'registry.delete': ({ key }) => registry.remove(key),
    'registry.history': ({ key }) => registry.history(key),
    'registry.importPreview': ({ fileToken }) => imports.preview(shell.files.resolve(fileToken, 'table')),
    'registry.importCommit': ({ token }) => {
      const result = imports.commit(token);
      sampleShown = false;
      return result;
    },
    'registry.importChoose': ({ token, duplicates }) => imports.choose(token, duplicates),
    'registry.importDiscard': ({ token }) => imports.discard(token),
    'registry.export': ({ format }) =>
      saveWithDialog(
        shell.dialogs,
        registryExportSave({ format }, today()),
        async (target) => ({ rows: (await exportRegistry(registry.list().map(toProtectedMark), target, format)).rows }),
      ),
    'backup.create': () =>
      saveWithDialog(
        shell.dialogs,
        backupSave(today()),
        async (target) => {
          const { fileName, sizeBytes, createdAt } = await backups.create(target);
          return { fileName, sizeBytes, createdAt };
        },
      ),
    'backup.restore': async (input) => {
      const result = await backups.restore(
        'fileToken' in input ? shell.files.resolve(input.fileToken, 'backup') : automaticBackupPath(input.automaticBackup),
      );
      sampleShown = false;
      return result;
    },
    'settings.operator': () => operator.get(),
    'settings.setOperator': ({ operator: name }) => operator.set(name),
    'backup.listAutomatic': () => backups.listAutomatic(),
  };
}
