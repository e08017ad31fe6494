// The registry channels and the 经办人 of 设置 (shared/contract/registry.ts), and quickCheck (the screening
// contract's check of one name against the registry).
import type { registryContract } from '../../shared/contract/registry';
import type { AppContext } from '../context';
import { saveWithDialog } from '../files/save';
import { registryExportSave } from '../files/save-requests';
import type { ShellPorts } from '../handlers/files';
import type { Handlers } from '../ipc/dispatch';
import { localToday } from '../review/local-time';
import { exportRegistry } from './export';
import { createRegistryImportService } from './import';
import { toProtectedMark } from './marks';
import { createOperatorService } from './operator';
import { createQuickCheckService } from './quick-check';
import { createRegistryService } from './service';

/** Whether app.info still shows the sample registry's notice: until the clerk imports the registry or restores it. */
export interface SampleNotice {
  shown: boolean;
}

type RegistryChannel = Extract<keyof typeof registryContract, `registry.${string}` | `settings.${string}`>;

export function createRegistryHandlers(ctx: AppContext, shell: ShellPorts, sample: SampleNotice): Pick<Handlers, RegistryChannel | 'quickCheck'> {
  const registry = createRegistryService(ctx);
  const imports = createRegistryImportService(ctx);
  const operator = createOperatorService(ctx, ctx.systemActor);
  const quick = createQuickCheckService(ctx);
  return {
    'registry.list': () => registry.list(),
    'registry.create': ({ mark, duplicates }) => registry.create(mark, duplicates),
    'registry.findDuplicates': ({ mark }) => registry.findDuplicates(mark),
    'registry.usage': ({ key }) => registry.usage(key),
    'registry.update': ({ key, version, mark }) => registry.update(key, mark, version),
    'registry.delete': ({ key, version }) => registry.remove(key, version),
    'registry.history': ({ key }) => registry.history(key),
    'registry.importPreview': ({ fileToken }) => imports.preview(shell.files.resolve(fileToken, 'table')),
    'registry.importCommit': async ({ token }) => {
      const result = await imports.commit(token);
      sample.shown = false;
      return result;
    },
    'registry.importChoose': ({ token, duplicates }) => imports.choose(token, duplicates),
    'registry.importDiscard': ({ token }) => imports.discard(token),
    'registry.export': ({ format }) =>
      saveWithDialog(shell.dialogs, registryExportSave({ format }, localToday(ctx.now())), async (target) => {
        const marks = (await registry.list()).map(toProtectedMark);
        return { rows: (await exportRegistry(marks, target, format)).rows };
      }),
    'settings.operator': () => operator.get(),
    'settings.setOperator': ({ operator: name }) => operator.set(name),
    quickCheck: ({ text, niceClass }) => quick.check(text, niceClass),
  };
}
