// The batch channels of shared/contract/screening.ts (import, screening, progress, removal); that contract's other
// channels are served by electron/review (the queue), electron/dashboard, electron/profiles and electron/registry
// (quickCheck).
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import type { ShellPorts } from '../handlers/files';
import type { JobManager } from './jobs';
import { createBatchService } from './service';

type BatchChannel = Extract<keyof Handlers, `batches.${string}`>;

/** `jobs` is the app's one job manager (made with the context); tests may pass their own. */
export function createBatchHandlers(ctx: AppContext, shell: ShellPorts, jobs: JobManager = ctx.jobs): Pick<Handlers, BatchChannel> {
  const batches = createBatchService(ctx, jobs);
  const table = (token: string) => shell.files.resolve(token, 'table');
  // a batch's images come as a ZIP or as a folder, each chosen with its own dialog
  const images = (token: string) => {
    try {
      return shell.files.resolve(token, 'images');
    } catch {
      return shell.files.resolve(token, 'imageFolder');
    }
  };
  return {
    'batches.previewFile': ({ fileToken, kind }) => batches.previewFile(table(fileToken), kind),
    'batches.startImport': ({ fileToken, kind, mapping, imagesToken }) =>
      batches.startImport(table(fileToken), kind, mapping, imagesToken === undefined ? undefined : images(imagesToken)),
    'batches.resume': ({ batchId }) => batches.resume(batchId),
    'batches.progress': ({ batchId }) => jobs.progress(batchId),
    'batches.cancel': ({ batchId }) => ({ cancelled: jobs.cancel(batchId) }),
    'batches.list': () => batches.list(),
    'batches.problems': ({ batchId, offset, limit }) => batches.problems(batchId, offset, limit),
    'batches.remove': ({ batchId }) => batches.remove(batchId),
    'batches.rescreen': ({ batchId }) => batches.rescreen(batchId),
  };
}
