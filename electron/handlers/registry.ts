// The services behind the registry, backup, dialog and app channels (shared/contract/registry.ts).
import type { registryContract } from '../../shared/contract/registry';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import { createBackupService } from '../services/backup';
import { createRegistryService } from '../services/registry';
import { exportRegistry } from '../services/registry-export';
import { createOperatorService } from '../services/operator';
import { createRegistryImportService } from '../services/registry-import';
import { toProtectedMark } from '../db/repositories/marks';
import type { z } from 'zod';

type FileFilter = z.output<(typeof registryContract)['dialog.openFile']['input']>['filter'];

/** File dialogs: Electron's native ones in the app, a test-controlled queue in the web bridge. */
export interface DialogPort {
  openFile(title: string, filter: FileFilter): Promise<string | null>;
  saveFile(title: string, defaultName: string, filter: FileFilter): Promise<string | null>;
}

export interface StartInfo {
  seededOnThisStart: boolean;
  seededCount: number;
}

export function createRegistryHandlers(
  ctx: AppContext,
  dialogs: DialogPort,
  start: StartInfo,
): Pick<Handlers, keyof typeof registryContract> {
  const registry = createRegistryService(ctx);
  const imports = createRegistryImportService(ctx);
  const backups = createBackupService(ctx);
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
    }),
    'registry.list': () => registry.list(),
    'registry.create': ({ mark, duplicates }) => registry.create(mark, duplicates),
    'registry.findDuplicates': ({ mark }) => registry.findDuplicates(mark),
    'registry.usage': ({ key }) => registry.usage(key),
    'registry.update': ({ key, mark }) => registry.update(key, mark),
    'registry.delete': ({ key }) => registry.remove(key),
    'registry.history': ({ key }) => registry.history(key),
    'registry.importPreview': ({ path }) => imports.preview(path),
    'registry.importCommit': ({ token }) => {
      const result = imports.commit(token);
      sampleShown = false;
      return result;
    },
    'registry.importChoose': ({ token, duplicates }) => imports.choose(token, duplicates),
    'registry.importDiscard': ({ token }) => imports.discard(token),
    'registry.export': ({ path, format }) => exportRegistry(registry.list().map(toProtectedMark), path, format),
    'dialog.openFile': async ({ title, filter }) => ({ path: await dialogs.openFile(title, filter) }),
    'dialog.saveFile': async ({ title, defaultName, filter }) => ({
      path: await dialogs.saveFile(title, defaultName, filter),
    }),
    'backup.create': ({ path }) => backups.create(path),
    'backup.restore': async ({ path }) => {
      const result = await backups.restore(path);
      sampleShown = false;
      return result;
    },
    'settings.operator': () => operator.get(),
    'settings.setOperator': ({ operator: name }) => operator.set(name),
    'backup.listAutomatic': () => backups.listAutomatic(),
  };
}
